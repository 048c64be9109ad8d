/**
 * Reads of the public plan views for "You said, we did": the region's
 * activities (public_plan_activities) and the adopted ideas with the
 * committee's words (public_adopted_ideas). Anonymous, through PostgREST.
 */
import type { PostgrestClient } from '@supabase/postgrest-js';
import type { IdeaTheme } from '../schemas/idea.ts';
import { anonClient } from './anonClient.ts';

export interface PublicActivity {
  id: string;
  plan_title: string;
  is_demo: boolean;
  pillar: 'prosecution' | 'protection' | 'coordination' | 'prevention';
  objective_id: string;
  objective_code: string;
  objective_title_sq: string;
  objective_title_en: string | null;
  objective_position: number;
  title: string;
  description: string | null;
  responsible_institution: string;
  timeline_start: string | null;
  timeline_end: string | null;
  status: 'planned' | 'in_progress' | 'done' | 'archived';
  progress: number;
  position: number;
}

export interface AdoptedIdea {
  id: string;
  activity_id: string;
  theme: IdeaTheme;
  public_text: string;
  month: string;
  note: string | null;
  feedback_sq: string | null;
  feedback_en: string | null;
}

/** The region's plan activities in plan order and the adopted ideas, grouped by activity. */
export async function loadPublicPlan(region: string, client: PostgrestClient = anonClient()) {
  const [activities, ideas] = await Promise.all([
    client
      .from('public_plan_activities')
      .select('id,plan_title,is_demo,pillar,objective_id,objective_code,objective_title_sq,objective_title_en,objective_position,title,description,responsible_institution,timeline_start,timeline_end,status,progress,position')
      .eq('region', region)
      .order('objective_position')
      .order('position'),
    client
      .from('public_adopted_ideas')
      .select('id,activity_id,theme,public_text,month,note,feedback_sq,feedback_en')
      .eq('region', region)
      .order('month', { ascending: false }),
  ]);
  if (activities.error) throw new Error(activities.error.message);
  if (ideas.error) throw new Error(ideas.error.message);
  const byActivity = new Map<string, AdoptedIdea[]>();
  for (const idea of ideas.data as AdoptedIdea[]) byActivity.set(idea.activity_id, [...(byActivity.get(idea.activity_id) ?? []), idea]);
  return { activities: activities.data as PublicActivity[], ideasByActivity: byActivity };
}
