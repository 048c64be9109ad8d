/**
 * Regional action plans. Public reads for "You said, we did": the region's
 * activities (public_plan_activities) and the adopted ideas with the
 * committee's words (public_adopted_ideas), anonymous through PostgREST.
 * Committee writes for the plan editor (supabase/migrations/20260601007000_plan_editor.sql):
 * save, reorder and archive objectives and activities, each one logged
 * function call. Answers come back in camelCase; failures as ApiError.
 */
import type { IdeaTheme } from '../schemas/idea.ts';
import type { PlanActivity as PlanActivityValues, PlanActivityStatus } from '../schemas/planActivity.ts';
import { anonClient, type AnonClient } from './anonClient.ts';
import { toApiError } from './apiError.ts';
import type { AuthClient } from './authClient.ts';
import { callFunction } from './callFunction.ts';
import { camelCased, type CamelCased } from './camelCase.ts';
import type { Pillar } from './committeeApi.ts';
import type { ViewRow } from './viewRow.ts';

const activityColumns =
  'id,plan_title,is_demo,pillar,objective_id,objective_code,objective_title_sq,objective_title_en,objective_position,title,description,responsible_institution,timeline_start,timeline_end,status,progress,position';

type ActivityRow = Pick<
  ViewRow<
    'public_plan_activities',
    'id' | 'plan_title' | 'is_demo' | 'objective_id' | 'objective_code' | 'objective_title_sq' | 'objective_position' | 'title' | 'responsible_institution' | 'progress' | 'position',
    { pillar: Pillar; status: PlanActivityStatus }
  >,
  | 'id' | 'plan_title' | 'is_demo' | 'pillar' | 'objective_id' | 'objective_code' | 'objective_title_sq' | 'objective_title_en' | 'objective_position'
  | 'title' | 'description' | 'responsible_institution' | 'timeline_start' | 'timeline_end' | 'status' | 'progress' | 'position'
>;

type AdoptedRow = Pick<
  ViewRow<'public_adopted_ideas', 'id' | 'activity_id' | 'public_text' | 'month', { theme: IdeaTheme }>,
  'id' | 'activity_id' | 'theme' | 'public_text' | 'month' | 'note' | 'feedback_sq' | 'feedback_en'
>;

export type PublicActivity = CamelCased<ActivityRow>;
export type AdoptedIdea = CamelCased<AdoptedRow>;

/** The region's plan activities in plan order and the adopted ideas, grouped by activity. */
export async function loadPublicPlan(
  region: string,
  client: AnonClient = anonClient(),
): Promise<{ activities: PublicActivity[]; ideasByActivity: Map<string, AdoptedIdea[]> }> {
  const [activities, ideas] = await Promise.all([
    client.from('public_plan_activities').select(activityColumns).eq('region', region).order('objective_position').order('position'),
    client
      .from('public_adopted_ideas')
      .select('id,activity_id,theme,public_text,month,note,feedback_sq,feedback_en')
      .eq('region', region)
      .order('month', { ascending: false }),
  ]);
  if (activities.error) throw toApiError(activities);
  if (ideas.error) throw toApiError(ideas);
  const byActivity = new Map<string, AdoptedIdea[]>();
  for (const idea of camelCased(ideas.data as AdoptedRow[])) byActivity.set(idea.activityId, [...(byActivity.get(idea.activityId) ?? []), idea]);
  return { activities: camelCased(activities.data as ActivityRow[]), ideasByActivity: byActivity };
}

export interface ObjectiveValues {
  planId: string;
  pillar: string;
  code: string;
  titleSq: string;
  titleEn: string;
}

/** Adds an objective to the plan; `code_taken` when the plan already has its code. */
export async function saveObjective(client: AuthClient, values: ObjectiveValues): Promise<void> {
  await callFunction(client, 'save_plan_objective', {
    p_plan_id: values.planId, p_pillar: values.pillar, p_code: values.code, p_title_sq: values.titleSq, p_title_en: values.titleEn || null,
  });
}

/** Creates (no `id`) or updates an activity of the objective, checked with the same rules as planActivitySchema. */
export async function saveActivity(client: AuthClient, objectiveId: string, id: string | null, values: PlanActivityValues): Promise<void> {
  await callFunction(client, 'save_plan_activity', {
    p_id: id,
    p_objective_id: objectiveId,
    p_title: values.title,
    p_description: values.description ?? null,
    p_responsible_institution: values.responsibleInstitution,
    p_institution_other: values.responsibleInstitutionOther ?? null,
    p_partners: values.partners,
    p_indicator: values.indicator ?? null,
    p_target: values.target ?? null,
    p_timeline_start: values.timelineStart,
    p_timeline_end: values.timelineEnd,
    p_status: values.status,
    p_progress: values.progress,
  });
}

/** Puts the objective's activities in the order of `ids`. */
export async function reorderActivities(client: AuthClient, objectiveId: string, ids: string[]): Promise<void> {
  await callFunction(client, 'reorder_plan_activities', { p_objective_id: objectiveId, p_ids: ids });
}

export async function archiveActivity(client: AuthClient, id: string): Promise<void> {
  await callFunction(client, 'archive_plan_activity', { p_id: id });
}

export async function archiveObjective(client: AuthClient, id: string): Promise<void> {
  await callFunction(client, 'archive_plan_objective', { p_id: id });
}
