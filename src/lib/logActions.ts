/**
 * What the moderation log records (`action` of `public.moderation_log`):
 * the filter's options and each entry's sentence derive from this list.
 */
export const logActions = [
  'read', 'approve', 'reject', 'escalate', 'link', 'answer', 'withdraw', 'purge',
  'approve_teacher', 'remove_teacher', 'appoint_moderator', 'remove_moderator', 'open_call', 'close_session', 'extend_session',
  'plan_objective', 'plan_activity', 'plan_reorder', 'plan_archive',
  'appoint_officer', 'remove_officer', 'clear_flag', 'read_flagged',
] as const;

export type LogAction = (typeof logActions)[number];

export function isLogAction(value: string): value is LogAction {
  return (logActions as readonly string[]).includes(value);
}
