/**
 * The committee's moderation calls (supabase/migrations/20260601006000_moderation.sql)
 * through the signed-in client: the queue, the dashboard, read, approve (with masks),
 * reject, escalate, adopt, answer a question, similar ideas, and the plan
 * the committee adopts ideas into. Each is one function call; a refusal is
 * an ApiError with the function's code. Answers come back in camelCase.
 */
import type { MaskReason } from '../maskReasons.ts';
import type { ReferralAction } from '../referralActions.ts';
import type { IdeaTheme } from '../schemas/idea.ts';
import type { PlanActivityStatus } from '../schemas/planActivity.ts';
import type { AuthClient } from './authClient.ts';
import { callFunction } from './callFunction.ts';
import { camelCased, type CamelCased } from './camelCase.ts';

export type IdeaStatus = 'pending' | 'approved' | 'rejected' | 'escalated' | 'adopted';
export type Flag = 'safeguarding' | 'personal_data' | 'none';
export type Pillar = 'prosecution' | 'protection' | 'coordination' | 'prevention';

export interface Span {
  kind: string;
  start: number;
  end: number;
}

// What the jsonb functions return, as they return it; islands get the camelCase of each.
interface IdeaCardRow {
  id: string;
  region: string;
  theme: IdeaTheme;
  /** Null when the caller may not read flagged words (original_hidden) or retention removed them (original_purged). */
  text: string | null;
  can_do: string | null;
  original_hidden: boolean;
  original_purged: boolean;
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
  questions: Array<{ id: string; text: string | null; safeguarding_flag: boolean; answer: string | null; asked_at: string; answered_at: string | null }>;
  activities: Array<{ id: string; title: string; note: string | null }>;
}

interface QueuePageRow {
  region: string;
  total: number;
  limit: number;
  offset: number;
  items: IdeaCardRow[];
}

interface DashboardRow {
  region: string;
  pending: number;
  pending_safeguarding: number;
  open_questions: number;
  unread_after_14_days: Array<{ id: string; created_at: string }>;
  safeguarding_overdue: Array<{ id: string; region: string; created_at: string; due_at: string; working_days: number }>;
  sessions: Array<{ id: string; kind: 'class' | 'open_call'; school: string | null; join_code: string }>;
}

interface SimilarIdeaRow {
  id: string;
  public_text: string;
  status: 'approved' | 'adopted';
  theme: IdeaTheme;
}

interface RejectIdeasRow {
  rejected: string[];
  skipped: Array<{ id: string; status: string; moderated_by_name: string | null }>;
}

interface PlanActivityRow {
  id: string;
  title: string;
  description: string | null;
  responsible_institution: string;
  partners: string[];
  indicator: string | null;
  target: string | null;
  timeline_start: string | null;
  timeline_end: string | null;
  status: PlanActivityStatus;
  progress: number;
  position: number;
  idea_count: number;
}

interface PlanObjectiveRow {
  id: string;
  pillar: Pillar;
  code: string;
  title_sq: string;
  title_en: string | null;
  position: number;
  archived_at: string | null;
  activities: PlanActivityRow[];
}

interface CommitteePlanRow {
  region: string;
  plans: Array<{ id: string; title: string; period_start: string; period_end: string; is_demo: boolean; objectives: PlanObjectiveRow[] }>;
}

export type IdeaCard = CamelCased<IdeaCardRow>;
export type QueuePage = CamelCased<QueuePageRow>;
export type Dashboard = CamelCased<DashboardRow>;
export type SimilarIdea = CamelCased<SimilarIdeaRow>;
export type RejectedIdeas = CamelCased<RejectIdeasRow>;
export type PlanActivity = CamelCased<PlanActivityRow>;
export type PlanObjective = CamelCased<PlanObjectiveRow>;
export type CommitteePlan = CamelCased<CommitteePlanRow>;

export interface QueueFilters {
  status: IdeaStatus | null;
  theme: IdeaTheme | null;
  flag: Flag | null;
  sessionId: string | null;
}

export interface Feedback {
  sq: string;
  en: string;
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** One page of the region's ideas, newest first, filtered. */
export async function moderationQueue(client: AuthClient, region: string, filters: QueueFilters, limit: number, offset: number): Promise<QueuePage> {
  const page = await callFunction(client, 'moderation_queue', {
    p_region: region, p_status: filters.status, p_theme: filters.theme, p_flag: filters.flag,
    p_session_id: filters.sessionId, p_limit: limit, p_offset: offset,
  });
  return camelCased(page as unknown as QueuePageRow);
}

/** What is waiting in the region: counts, overdue ideas, recent sessions. */
export async function committeeDashboard(client: AuthClient, region: string): Promise<Dashboard> {
  return camelCased((await callFunction(client, 'committee_dashboard', { p_region: region })) as unknown as DashboardRow);
}

export async function markIdeaRead(client: AuthClient, id: string): Promise<void> {
  await callFunction(client, 'mark_idea_read', { p_idea_id: id });
}

/** One span of the original a moderator hides: code-point offsets, end exclusive. */
export interface Mask {
  start: number;
  end: number;
  reason: MaskReason;
}

/**
 * Publishes the original with `masks` replaced by "[hequr]" / "[removed]"
 * (the idea's language): the database builds the public text; no other words
 * can be sent. Offsets count code points, as the detectors' spans do.
 */
export async function approveIdea(client: AuthClient, id: string, masks: Mask[], feedback: Feedback): Promise<void> {
  await callFunction(client, 'approve_idea', {
    p_idea_id: id, p_masks: masks.map(({ start, end, reason }) => ({ start, end, reason })),
    p_feedback_sq: orNull(feedback.sq), p_feedback_en: orNull(feedback.en),
  });
}

export async function rejectIdea(client: AuthClient, id: string, reason: string, feedback: Feedback): Promise<void> {
  await callFunction(client, 'reject_with_feedback', {
    p_idea_id: id, p_reason: reason, p_feedback_sq: orNull(feedback.sq), p_feedback_en: orNull(feedback.en),
  });
}

/** Refers a child at risk, recording what was done (a reason is required for 'none'). */
export async function escalateIdea(client: AuthClient, id: string, action: ReferralAction, reason: string): Promise<void> {
  await callFunction(client, 'escalate_idea', { p_idea_id: id, p_action: action, p_reason: orNull(reason) });
}

/** Rejects several ideas at once; ideas someone else moderated meanwhile are skipped, with who did. */
export async function rejectIdeas(client: AuthClient, ids: string[], reason: string, feedback: Feedback): Promise<RejectedIdeas> {
  const result = await callFunction(client, 'reject_ideas', {
    p_idea_ids: ids, p_reason: reason, p_feedback_sq: orNull(feedback.sq), p_feedback_en: orNull(feedback.en),
  });
  return camelCased(result as unknown as RejectIdeasRow);
}

export async function adoptIdea(client: AuthClient, id: string, activityIds: string[], note: string, feedback: Feedback): Promise<void> {
  await callFunction(client, 'adopt_idea', {
    p_idea_id: id, p_activity_ids: activityIds, p_note: orNull(note), p_feedback_sq: orNull(feedback.sq), p_feedback_en: orNull(feedback.en),
  });
}

export async function replyToQuestion(client: AuthClient, questionId: string, answer: string): Promise<void> {
  await callFunction(client, 'reply_to_question', { p_question_id: questionId, p_answer: answer });
}

/** Published ideas that read like this one, so the committee can adopt them together. */
export async function similarIdeas(client: AuthClient, id: string): Promise<SimilarIdea[]> {
  return camelCased((await callFunction(client, 'similar_ideas', { p_idea_id: id })) as unknown as SimilarIdeaRow[]);
}

/** The region's plan with every objective and activity, archived ones included. */
export async function committeePlan(client: AuthClient, region: string): Promise<CommitteePlan> {
  return camelCased((await callFunction(client, 'committee_plan', { p_region: region })) as unknown as CommitteePlanRow);
}
