/**
 * What the teachers' islands ask the database, through the signed-in
 * supabase-js client. Teachers insert their sessions directly (RLS checks
 * they are approved in the region); counts and published texts come from
 * the views made for them, which never expose an original idea.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Session } from '../schemas/session.ts';
import type { SessionTimes } from '../../islands/Teacher/sessionWindow.ts';

export interface SessionCounts extends SessionTimes {
  session_id: string;
  join_code: string;
  region: string;
  school: string | null;
  grade_band: string | null;
  activity_slug: string | null;
  max_ideas: number;
  total: number;
  pending: number;
  approved: number;
  adopted: number;
  rejected: number;
}

export interface PublishedIdea {
  id: string;
  session_id: string;
  theme: string;
  public_text: string;
  status: 'approved' | 'adopted';
}

/** A failed call, with the stable code SQL functions raise (or PostgREST's / the HTTP status). */
export class TeacherApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number) {
    super(code);
    this.name = 'TeacherApiError';
    this.code = code;
    this.status = status;
  }
}

interface Answer<T> {
  data: T | null;
  error: { message: string; code?: string } | null;
  status: number;
}

function unwrap<T>({ data, error, status }: Answer<T>): T {
  if (error) {
    // RLS refusals (42501) and P0001 'not_allowed' mean the same to a teacher.
    const code = error.code === '42501' ? 'not_allowed' : error.code === 'PT429' ? 'rate_limited' : error.message;
    throw new TeacherApiError(code, status);
  }
  return data as T;
}

const countColumns =
  'session_id, join_code, region, school, grade_band, activity_slug, opens_at, closes_at, closed_at, max_ideas, total, pending, approved, adopted, rejected';

/** The caller's sessions, newest first. */
export async function listSessions(client: SupabaseClient): Promise<SessionCounts[]> {
  return unwrap(await client.from('teacher_session_counts').select(countColumns).order('opens_at', { ascending: false }));
}

/** One of the caller's sessions, or null when it is not theirs (or does not exist). */
export async function sessionCounts(client: SupabaseClient, sessionId: string): Promise<SessionCounts | null> {
  return unwrap(await client.from('teacher_session_counts').select(countColumns).eq('session_id', sessionId).maybeSingle());
}

/** The published texts of one session's ideas (approved or adopted, with consent). */
export async function publishedIdeas(client: SupabaseClient, sessionId: string): Promise<PublishedIdea[]> {
  return unwrap(
    await client.from('teacher_session_ideas').select('id, session_id, theme, public_text, status').eq('session_id', sessionId).order('id'),
  );
}

/** Opens a class session in the teacher's region; the database picks the join code. */
export async function createSession(
  client: SupabaseClient,
  teacher: { userId: string; region: string },
  values: Session,
): Promise<{ id: string; join_code: string }> {
  return unwrap(
    await client
      .from('class_sessions')
      .insert({
        kind: 'class',
        teacher_id: teacher.userId,
        region: teacher.region,
        school: values.school,
        grade_band: values.gradeBand,
        activity_slug: values.activitySlug ?? null,
        campaign_slug: values.campaignSlug ?? null,
        opens_at: values.opensAt.toISOString(),
        closes_at: values.closesAt.toISOString(),
        max_ideas: values.maxIdeas,
        students_present: values.studentsPresent ?? null,
      })
      .select('id, join_code')
      .single(),
  );
}

export async function extendSession(client: SupabaseClient, sessionId: string, minutes: number): Promise<{ closes_at: string }> {
  return unwrap(await client.rpc('extend_session', { p_session_id: sessionId, p_minutes: minutes }));
}

export async function closeSession(client: SupabaseClient, sessionId: string): Promise<{ closed_at: string }> {
  return unwrap(await client.rpc('close_session', { p_session_id: sessionId }));
}

export interface TranscribedIdea {
  code: string;
  text: string;
  theme: string;
  canDo: string | undefined;
  ageBand: string | undefined;
  locale: 'sq' | 'en';
  publishConsent: boolean;
  idempotencyKey: string;
  receiptCode: string;
}

/** An idea from paper: the students' function, marked transcribed (only the session's teacher may). */
export async function submitTranscribed(client: SupabaseClient, idea: TranscribedIdea): Promise<{ receipt_code: string | null }> {
  return unwrap(
    await client.rpc('submit_idea', {
      p_code: idea.code,
      p_text: idea.text,
      p_theme: idea.theme,
      p_can_do: idea.canDo ?? null,
      p_age_band: idea.ageBand ?? null,
      p_locale: idea.locale,
      p_publish_consent: idea.publishConsent,
      p_idempotency_key: idea.idempotencyKey,
      p_receipt_code: idea.receiptCode,
      p_transcribed: true,
    }),
  );
}
