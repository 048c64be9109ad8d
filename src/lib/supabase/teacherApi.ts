/**
 * What the teachers' islands ask the database, through the signed-in
 * client. Teachers insert their sessions directly (RLS checks they are
 * approved in the region); counts and published texts come from the views
 * made for them, which never expose an original idea. Answers come back in
 * camelCase; a failure is an ApiError (an RLS refusal reads `not_allowed`).
 */
import type { Session } from '../schemas/session.ts';
import { toApiError, type PostgrestFailure } from './apiError.ts';
import type { AuthClient } from './authClient.ts';
import { callFunction, type FunctionArgs } from './callFunction.ts';
import { camelCased, type CamelCased } from './camelCase.ts';
import type { Database } from './database.types.ts';
import type { ViewRow } from './viewRow.ts';

type CountsRow = ViewRow<
  'teacher_session_counts',
  'session_id' | 'join_code' | 'region' | 'opens_at' | 'closes_at' | 'max_ideas' | 'total' | 'pending' | 'approved' | 'adopted' | 'rejected'
>;
type PublishedRow = ViewRow<'teacher_session_ideas', 'id' | 'session_id' | 'theme' | 'public_text', { status: 'approved' | 'adopted' }>;

type SessionInsert = Database['public']['Tables']['class_sessions']['Insert'];

export type SessionCounts = CamelCased<CountsRow>;
export type PublishedIdea = CamelCased<PublishedRow>;

function unwrap<T>(answer: PostgrestFailure & { data: unknown }): T {
  if (answer.error) throw toApiError(answer);
  return answer.data as T;
}

const countColumns =
  'session_id, join_code, region, school, grade_band, activity_slug, opens_at, closes_at, closed_at, max_ideas, total, pending, approved, adopted, rejected';

/** The caller's sessions, newest first. */
export async function listSessions(client: AuthClient): Promise<SessionCounts[]> {
  const rows = unwrap<CountsRow[]>(await client.from('teacher_session_counts').select(countColumns).order('opens_at', { ascending: false }));
  return camelCased(rows);
}

/** One of the caller's sessions, or null when it is not theirs (or does not exist). */
export async function sessionCounts(client: AuthClient, sessionId: string): Promise<SessionCounts | null> {
  const row = unwrap<CountsRow | null>(await client.from('teacher_session_counts').select(countColumns).eq('session_id', sessionId).maybeSingle());
  return row && camelCased(row);
}

/** The published texts of one session's ideas (approved or adopted, with consent). */
export async function publishedIdeas(client: AuthClient, sessionId: string): Promise<PublishedIdea[]> {
  const rows = unwrap<PublishedRow[]>(
    await client.from('teacher_session_ideas').select('id, session_id, theme, public_text, status').eq('session_id', sessionId).order('id'),
  );
  return camelCased(rows);
}

/** Opens a class session in the teacher's region; the database picks the join code. */
export async function createSession(
  client: AuthClient,
  teacher: { userId: string; region: string },
  values: Session,
): Promise<{ id: string; joinCode: string }> {
  // A trigger picks the join code, which the generated Insert type cannot know.
  const session: Omit<SessionInsert, 'join_code'> = {
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
  };
  const row = unwrap<{ id: string; join_code: string }>(await client.from('class_sessions').insert(session as SessionInsert).select('id, join_code').single());
  return { id: row.id, joinCode: row.join_code };
}

/** Moves the closing time `minutes` later; returns the new closing time. */
export async function extendSession(client: AuthClient, sessionId: string, minutes: number): Promise<{ closesAt: string }> {
  const result = (await callFunction(client, 'extend_session', { p_session_id: sessionId, p_minutes: minutes })) as unknown as { closes_at: string };
  return { closesAt: result.closes_at };
}

/** Closes the session now (also used by the coordinator for open calls). */
export async function closeSession(client: AuthClient, sessionId: string): Promise<{ closedAt: string }> {
  const result = (await callFunction(client, 'close_session', { p_session_id: sessionId })) as unknown as { closed_at: string };
  return { closedAt: result.closed_at };
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
export async function submitTranscribed(client: AuthClient, idea: TranscribedIdea): Promise<{ receiptCode: string | null }> {
  const args: FunctionArgs<'submit_idea'> = {
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
  };
  const result = (await callFunction(client, 'submit_idea', args)) as unknown as { receipt_code: string | null };
  return { receiptCode: result.receipt_code };
}
