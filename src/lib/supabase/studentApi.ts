/**
 * The calls a student's browser makes, as documented in the migration
 * `20260601005000_student_functions.sql`: join a session, submit an idea,
 * follow it by receipt code, ask about it, withdraw it. Each returns the
 * function's answer in camelCase or throws an {@link ApiError}.
 */
import type { PostgrestClient } from '@supabase/postgrest-js';
import { anonClient } from './anonClient.ts';
import { ApiError, apiErrorCode } from './apiError.ts';
import type { FunctionArgs, FunctionName } from './callFunction.ts';
import type { Database } from './database.types.ts';

/** A weak school connection gets this long before the idea goes to the offline queue. */
export const SUBMIT_TIMEOUT_MS = 20_000;
const READ_TIMEOUT_MS = 15_000;

function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

async function callRpc<F extends FunctionName>(fn: F, args: FunctionArgs<F>, timeoutMs: number, client?: PostgrestClient<Database>): Promise<unknown> {
  // No automatic retry: a retry here would hide a dropped connection that
  // the offline queue should handle (and the key makes a later resend safe).
  const { data, error, status } = await (client ?? anonClient())
    // The generated Args leave out SQL's null; FunctionArgs allows it, as PostgREST does.
    .rpc(fn, args as Database['public']['Functions'][F]['Args'])
    .retry(false)
    .abortSignal(timeoutSignal(timeoutMs));
  if (error) throw new ApiError(apiErrorCode({ error, status }), status, error.message);
  return data;
}

export type SessionStatus = 'open' | 'not_yet_open' | 'closed' | 'full' | 'unknown';

/** Everything but `status` is absent for an unknown code. */
export interface JoinedSession {
  status: SessionStatus;
  kind?: 'class' | 'open_call' | undefined;
  region?: string | undefined;
  school?: string | null | undefined;
  gradeBand?: string | null | undefined;
  activitySlug?: string | null | undefined;
  campaignSlug?: string | null | undefined;
  opensAt?: string | undefined;
  closesAt?: string | undefined;
  /**
   * Given only while the session is open: sent with an idea, it lets the
   * idea arrive after the session closed (offline queue). Kept in memory and
   * with queued ideas only, never in the tab's storage.
   */
  seatToken?: string | null | undefined;
}

interface JoinRow {
  status: SessionStatus;
  kind?: 'class' | 'open_call';
  region?: string;
  school?: string | null;
  grade_band?: string | null;
  activity_slug?: string | null;
  campaign_slug?: string | null;
  opens_at?: string;
  closes_at?: string;
  seat_token?: string | null;
}

/** What a join code opens, and whether it is open now. An unknown code is `{ status: 'unknown' }`. */
export async function joinSession(code: string, client?: PostgrestClient<Database>): Promise<JoinedSession> {
  const row = (await callRpc('join_session', { p_code: code }, READ_TIMEOUT_MS, client)) as JoinRow;
  return {
    status: row.status,
    kind: row.kind,
    region: row.region,
    school: row.school,
    gradeBand: row.grade_band,
    activitySlug: row.activity_slug,
    campaignSlug: row.campaign_slug,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    seatToken: row.seat_token,
  };
}

type SubmitIdeaSqlArgs = Database['public']['Functions']['submit_idea']['Args'];

/**
 * The arguments of `submit_idea`, exactly as sent; the offline queue stores
 * them as they are. The generated type, except that a student may leave
 * `can_do` and `age_band` empty (null) and always sends a receipt code.
 */
export type SubmitIdeaArgs = Omit<SubmitIdeaSqlArgs, 'p_can_do' | 'p_age_band' | 'p_receipt_code' | 'p_queued_at' | 'p_transcribed' | 'p_seat_token'> & {
  p_can_do: string | null;
  p_age_band: string | null;
  p_receipt_code: string;
  /**
   * When the student pressed send (ISO time, device clock). The server looks
   * at it only when the session has closed: an idea sent before closing is
   * still accepted for a grace period (`late_delivery_grace_hours`).
   */
  p_queued_at?: string;
  /**
   * The seat join_session gave this device ({@link JoinedSession.seatToken});
   * after the session closed, the server accepts a late idea only with it.
   */
  p_seat_token?: string;
};

export interface SubmitIdeaResult {
  /** The receipt code, normalised; `null` only for a retry that sent a different code. */
  receiptCode: string | null;
  submittedAt: string;
  /** True when this key had already been accepted (a retry). */
  duplicate: boolean;
}

/**
 * Sends an idea once; a retry with the same idempotency key returns the first
 * answer. An unknown code is answered, not raised, by the function (so the
 * failed attempt is counted against code guessing); it throws here like
 * every refusal.
 */
export async function submitIdea(args: SubmitIdeaArgs, client?: PostgrestClient<Database>): Promise<SubmitIdeaResult> {
  const row = (await callRpc('submit_idea', { ...args }, SUBMIT_TIMEOUT_MS, client)) as {
    receipt_code: string | null;
    submitted_at: string;
    duplicate: boolean;
    refused?: string;
  };
  if (row.refused === 'session_unknown') throw new ApiError('session_unknown', 200);
  return { receiptCode: row.receipt_code, submittedAt: row.submitted_at, duplicate: row.duplicate };
}

/** What a student is told about their idea (escalated ideas read as `read`, never as a concern). */
export type StudentIdeaStatus = 'received' | 'read' | 'published' | 'approved' | 'not_published' | 'adopted' | 'unknown';

export interface IdeaActivity {
  title: string;
  responsibleInstitution: string;
  status: string;
  progress: number;
  /** Calendar dates of the plan, `YYYY-MM-DD`, or null when the plan gives none. */
  timelineStart: string | null;
  timelineEnd: string | null;
}

export interface IdeaQuestion {
  text: string;
  answer: string | null;
  askedAt: string;
  answeredAt: string | null;
}

export interface IdeaStatus {
  status: StudentIdeaStatus;
  submittedAt: string | null;
  readAt: string | null;
  moderatedAt: string | null;
  /** When the first plan activity took the idea up (adopted ideas only). */
  adoptedAt: string | null;
  publicText: string | null;
  rejectReason: string | null;
  feedback: { sq: string | null; en: string | null };
  activities: IdeaActivity[];
  questions: IdeaQuestion[];
}

interface StatusRow {
  status: StudentIdeaStatus;
  submitted_at: string | null;
  read_at: string | null;
  moderated_at: string | null;
  adopted_at?: string | null;
  public_text: string | null;
  reject_reason: string | null;
  feedback_sq: string | null;
  feedback_en: string | null;
  activities: Array<{
    title: string;
    responsible_institution: string;
    status: string;
    progress: number;
    timeline_start?: string | null;
    timeline_end?: string | null;
  }> | null;
  questions: Array<{ text: string; answer: string | null; asked_at: string; answered_at: string | null }> | null;
}

/** The idea behind a receipt code; the code travels in the POST body, never in a URL. */
export async function ideaStatus(receiptCode: string, client?: PostgrestClient<Database>): Promise<IdeaStatus> {
  const row = (await callRpc('idea_status', { p_receipt_code: receiptCode }, READ_TIMEOUT_MS, client)) as StatusRow;
  return {
    status: row.status,
    submittedAt: row.submitted_at,
    readAt: row.read_at,
    moderatedAt: row.moderated_at,
    adoptedAt: row.adopted_at ?? null,
    publicText: row.public_text,
    rejectReason: row.reject_reason,
    feedback: { sq: row.feedback_sq, en: row.feedback_en },
    activities: (row.activities ?? []).map((a) => ({
      title: a.title,
      responsibleInstitution: a.responsible_institution,
      status: a.status,
      progress: a.progress,
      timelineStart: a.timeline_start ?? null,
      timelineEnd: a.timeline_end ?? null,
    })),
    questions: (row.questions ?? []).map((q) => ({
      text: q.text,
      answer: q.answer,
      askedAt: q.asked_at,
      answeredAt: q.answered_at,
    })),
  };
}

/** Deletes the idea for good; false when no idea has this code. */
export async function withdrawIdea(receiptCode: string, client?: PostgrestClient<Database>): Promise<boolean> {
  const row = (await callRpc('withdraw_idea', { p_receipt_code: receiptCode }, READ_TIMEOUT_MS, client)) as { withdrawn: boolean };
  return row.withdrawn;
}

/**
 * Sends the committee a question about the idea. `asked` is false when no idea
 * has this code; `safeguarding` when the question reads like a disclosure (the
 * page then shows the help panel; the question goes to the safeguarding officer).
 */
export async function askAboutIdea(
  receiptCode: string,
  text: string,
  client?: PostgrestClient<Database>,
): Promise<{ asked: boolean; safeguarding: boolean }> {
  const row = (await callRpc('ask_about_idea', { p_receipt_code: receiptCode, p_text: text }, READ_TIMEOUT_MS, client)) as {
    asked: boolean;
    safeguarding?: boolean;
  };
  return { asked: row.asked, safeguarding: row.safeguarding === true };
}
