/**
 * The coordinator's administration and the committees' records, through the
 * signed-in client: teachers, committee members and open calls
 * (supabase/migrations/20260601001000_people_and_roles.sql and
 * 20260601003000_class_sessions.sql), the moderation log, and the open-data
 * export. Every action is a checked, logged function; a refusal is an
 * ApiError. Answers come back in camelCase, except the export's rows, which
 * are the published open-data format and keep the database's column names.
 */
import type { AuthClient } from './authClient.ts';
import { toApiError } from './apiError.ts';
import { callFunction } from './callFunction.ts';
import { camelCased, type CamelCased } from './camelCase.ts';
import { ideaStatisticsColumns } from './statisticsApi.ts';

interface OverviewRow {
  teachers: Array<{ user_id: string; display_name: string; email: string | null; school: string; region: string; approved_at: string | null }>;
  members: Array<{ user_id: string; display_name: string; email: string | null; region: string }>;
  calls: Array<{ id: string; region: string; join_code: string; closes_at: string }>;
  /** Flags no safeguarding officer read within one working day: ids and age, never words. */
  safeguarding_overdue: Array<{ id: string; region: string; created_at: string; due_at: string; working_days: number }>;
}

interface FoundUserRow {
  user_id: string;
  display_name: string;
  email: string | null;
}

export type Overview = CamelCased<OverviewRow>;
export type FoundUser = CamelCased<FoundUserRow>;

/** Every teacher (approved or waiting), committee member, open call and overdue safeguarding flag. Coordinators only. */
export async function adminOverview(client: AuthClient): Promise<Overview> {
  return camelCased((await callFunction(client, 'admin_overview', {})) as unknown as OverviewRow);
}

/** Signed-up users whose name or email contains `query`, to appoint to a committee. */
export async function findUsers(client: AuthClient, query: string): Promise<FoundUser[]> {
  return camelCased((await callFunction(client, 'find_users', { p_query: query })) as unknown as FoundUserRow[]);
}

export async function approveTeacher(client: AuthClient, userId: string): Promise<void> {
  await callFunction(client, 'approve_teacher', { p_user_id: userId });
}

export async function removeTeacher(client: AuthClient, userId: string): Promise<void> {
  await callFunction(client, 'remove_teacher', { p_user_id: userId });
}

export async function appointModerator(client: AuthClient, userId: string, region: string): Promise<void> {
  await callFunction(client, 'appoint_moderator', { p_user_id: userId, p_region: region });
}

export async function removeModerator(client: AuthClient, userId: string): Promise<void> {
  await callFunction(client, 'remove_moderator', { p_user_id: userId });
}

export interface OpenCallValues {
  region: string;
  /** ISO time. */
  opensAt: string;
  /** ISO time, or null for the default window. */
  closesAt: string | null;
  maxIdeas: number;
}

/** Opens a regional call for ideas; returns the join code the database picked. */
export async function openCall(client: AuthClient, values: OpenCallValues): Promise<{ joinCode: string }> {
  const result = (await callFunction(client, 'open_call', {
    p_region: values.region, p_opens_at: values.opensAt, p_closes_at: values.closesAt, p_max_ideas: values.maxIdeas,
  })) as unknown as { join_code: string };
  return { joinCode: result.join_code };
}

export async function closeOpenCall(client: AuthClient, sessionId: string): Promise<void> {
  await callFunction(client, 'close_session', { p_session_id: sessionId });
}

/** What the moderation log records, as the `moderation_log.action` check lists it. */
export { logActions, type LogAction } from '../logActions.ts';

export interface LogEntry {
  id: number;
  at: string;
  action: string;
  ideaId: string | null;
  actorName: string | null;
  /** The logged record before and after, as stored: free JSON shown as it is. */
  before: unknown;
  after: unknown;
}

interface LogEntryRow {
  id: number;
  at: string;
  action: string;
  idea_id: string | null;
  actor_name: string | null;
  before: unknown;
  after: unknown;
}

export interface LogQuery {
  region: string;
  action: string | null;
  /** ISO times, or null for no bound. */
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
}

/** One page of the region's moderation log, newest first. */
export async function moderationLog(client: AuthClient, query: LogQuery): Promise<{ total: number; items: LogEntry[] }> {
  const page = (await callFunction(client, 'moderation_log_entries', {
    p_region: query.region, p_action: query.action, p_from: query.from, p_to: query.to, p_limit: query.limit, p_offset: query.offset,
  })) as unknown as { total: number; items: LogEntryRow[] };
  return {
    total: page.total,
    // Mapped by hand: `before` and `after` are stored documents, not columns to rename.
    items: page.items.map((row) => ({
      id: row.id, at: row.at, action: row.action, ideaId: row.idea_id, actorName: row.actor_name, before: row.before, after: row.after,
    })),
  };
}

/** A row of an open-data file, with the database's column names (the published format). */
export type OpenDataRow = Record<string, unknown>;

export interface OpenData {
  ideas: OpenDataRow[];
  activities: OpenDataRow[];
  statistics: OpenDataRow[];
}

const EXPORT_PAGE = 1000;

/**
 * A region's open data (all regions with `null`, coordinators only):
 * published ideas (public fields only, fetched a thousand at a time, with
 * `onProgress` after each page), plan activities with their ideas, and the
 * public statistics.
 */
export async function exportOpenData(
  client: AuthClient,
  region: string | null,
  onProgress: (progress: { done: number; total: number }) => void = () => {},
): Promise<OpenData> {
  const ideas: OpenDataRow[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const page = (await callFunction(client, 'export_region_ideas', { p_region: region, p_after: after, p_limit: EXPORT_PAGE })) as unknown as {
      total: number | null;
      items: OpenDataRow[];
      next: string | null;
    };
    if (page.total !== null) total = page.total;
    ideas.push(...page.items);
    after = page.next;
    onProgress({ done: ideas.length, total });
  } while (after);
  const activities = (await callFunction(client, 'export_region_plan', { p_region: region })) as unknown as OpenDataRow[];
  const statsQuery = client.from('public_idea_statistics').select(ideaStatisticsColumns);
  const stats = await (region ? statsQuery.eq('scope', region) : statsQuery);
  if (stats.error) throw toApiError(stats);
  return { ideas, activities, statistics: stats.data as OpenDataRow[] };
}
