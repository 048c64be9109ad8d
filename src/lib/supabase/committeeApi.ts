/**
 * The committee functions of the database (supabase/migrations/20260601006000_moderation.sql),
 * called through a signed-in supabase-js client. Each call is one RPC; a
 * refusal comes back as a CommitteeError with the function's stable code.
 */
import type { IdeaTheme } from '../schemas/idea.ts';

/** The one method of supabase-js these calls use, so tests and islands can pass any client. */
export interface CommitteeClient {
  rpc(fn: string, args?: Record<string, unknown>): PromiseLike<{
    data: unknown;
    error: { message: string; details?: string | null; hint?: string | null; code?: string } | null;
    status?: number;
  }>;
}

export class CommitteeError extends Error {
  readonly code: string;
  readonly details: string;
  readonly hint: string;
  constructor(code: string, details = '', hint = '') {
    super(code);
    this.code = code;
    this.details = details;
    this.hint = hint;
  }
}

/** Calls `fn` and returns its JSON, or throws CommitteeError (`offline` when nothing answered). */
export async function call<T>(client: CommitteeClient, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  let answer;
  try {
    answer = await client.rpc(fn, args);
  } catch {
    throw new CommitteeError('offline');
  }
  if (answer.error) throw new CommitteeError(answer.error.message, answer.error.details ?? '', answer.error.hint ?? '');
  return answer.data as T;
}

export type IdeaStatus = 'pending' | 'approved' | 'rejected' | 'escalated' | 'adopted';
export type Flag = 'safeguarding' | 'personal_data' | 'none';

export interface Span {
  kind: string;
  start: number;
  end: number;
}

export interface IdeaCard {
  id: string;
  region: string;
  theme: IdeaTheme;
  text: string;
  can_do: string | null;
  age_band: string | null;
  locale: 'sq' | 'en';
  status: IdeaStatus;
  publish_consent: boolean;
  personal_data_flag: boolean;
  safeguarding_flag: boolean;
  flag_details: { personalData: Span[]; safeguarding: Span[] };
  public_text: string | null;
  reject_reason: string | null;
  feedback_sq: string | null;
  feedback_en: string | null;
  created_at: string;
  read_at: string | null;
  moderated_at: string | null;
  moderated_by_name: string | null;
  session: { id: string; kind: 'class' | 'open_call'; school: string | null; join_code: string } | null;
  questions: Array<{ id: string; text: string; answer: string | null; asked_at: string; answered_at: string | null }>;
  activities: Array<{ id: string; title: string; note: string | null }>;
}

export interface QueueFilters {
  status: IdeaStatus | null;
  theme: IdeaTheme | null;
  flag: Flag | null;
  sessionId: string | null;
}

export interface QueuePage {
  region: string;
  total: number;
  limit: number;
  offset: number;
  items: IdeaCard[];
}

export function moderationQueue(client: CommitteeClient, region: string, filters: QueueFilters, limit: number, offset: number) {
  return call<QueuePage>(client, 'moderation_queue', {
    p_region: region, p_status: filters.status, p_theme: filters.theme, p_flag: filters.flag,
    p_session_id: filters.sessionId, p_limit: limit, p_offset: offset,
  });
}

export interface Dashboard {
  region: string;
  pending: number;
  pending_safeguarding: number;
  open_questions: number;
  unread_after_14_days: Array<{ id: string; created_at: string }>;
  safeguarding_overdue: Array<{ id: string; created_at: string; due_at: string }>;
  sessions: Array<{ id: string; kind: 'class' | 'open_call'; school: string | null; join_code: string }>;
}

export const committeeDashboard = (client: CommitteeClient, region: string) =>
  call<Dashboard>(client, 'committee_dashboard', { p_region: region });

export const markIdeaRead = (client: CommitteeClient, id: string) => call(client, 'mark_idea_read', { p_idea_id: id });

export interface Feedback {
  sq: string;
  en: string;
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

export const approveIdea = (client: CommitteeClient, id: string, publicText: string, feedback: Feedback) =>
  call(client, 'approve_idea', { p_idea_id: id, p_public_text: publicText, p_feedback_sq: orNull(feedback.sq), p_feedback_en: orNull(feedback.en) });

export const rejectIdea = (client: CommitteeClient, id: string, reason: string, feedback: Feedback) =>
  call(client, 'reject_with_feedback', { p_idea_id: id, p_reason: reason, p_feedback_sq: orNull(feedback.sq), p_feedback_en: orNull(feedback.en) });

export const escalateIdea = (client: CommitteeClient, id: string, informed: string) =>
  call(client, 'escalate_idea', { p_idea_id: id, p_informed: informed });

export const rejectIdeas = (client: CommitteeClient, ids: string[], reason: string, feedback: Feedback) =>
  call<{ rejected: string[]; skipped: Array<{ id: string; status: string; moderated_by_name: string | null }> }>(client, 'reject_ideas', {
    p_idea_ids: ids, p_reason: reason, p_feedback_sq: orNull(feedback.sq), p_feedback_en: orNull(feedback.en),
  });

export const adoptIdea = (client: CommitteeClient, id: string, activityIds: string[], note: string, feedback: Feedback) =>
  call(client, 'adopt_idea', {
    p_idea_id: id, p_activity_ids: activityIds, p_note: orNull(note), p_feedback_sq: orNull(feedback.sq), p_feedback_en: orNull(feedback.en),
  });

export const replyToQuestion = (client: CommitteeClient, questionId: string, answer: string) =>
  call(client, 'reply_to_question', { p_question_id: questionId, p_answer: answer });

export interface SimilarIdea {
  id: string;
  public_text: string;
  status: 'approved' | 'adopted';
  theme: IdeaTheme;
}

export const similarIdeas = (client: CommitteeClient, id: string) => call<SimilarIdea[]>(client, 'similar_ideas', { p_idea_id: id });

export interface PlanActivityRow {
  id: string;
  title: string;
  description: string | null;
  responsible_institution: string;
  partners: string[];
  indicator: string | null;
  target: string | null;
  timeline_start: string | null;
  timeline_end: string | null;
  status: 'planned' | 'in_progress' | 'done' | 'archived';
  progress: number;
  position: number;
  idea_count: number;
}

export interface PlanObjectiveRow {
  id: string;
  pillar: 'prosecution' | 'protection' | 'coordination' | 'prevention';
  code: string;
  title_sq: string;
  title_en: string | null;
  position: number;
  archived_at: string | null;
  activities: PlanActivityRow[];
}

export interface CommitteePlan {
  region: string;
  plans: Array<{ id: string; title: string; period_start: string; period_end: string; is_demo: boolean; objectives: PlanObjectiveRow[] }>;
}

export const committeePlan = (client: CommitteeClient, region: string) => call<CommitteePlan>(client, 'committee_plan', { p_region: region });
