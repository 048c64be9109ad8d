import type { Roles } from '../supabase/rolesApi.ts';

/** The staff areas a person may have, each with a home page. */
export type Home = 'overview' | 'queue' | 'teachers' | 'account';

/**
 * Where a person lands after signing in without `?next=`: the coordinator on
 * the national overview, a moderator on their region's queue, a teacher
 * (approved or waiting) on their sessions, anyone else on the account page.
 * @example homeFor({ coordinator: false, moderatorRegion: 'kukes', teacher: null, … }) // 'queue'
 */
export function homeFor(roles: Roles | null): Home {
  if (!roles) return 'account';
  if (roles.coordinator) return 'overview';
  if (roles.moderatorRegion) return 'queue';
  if (roles.teacher) return 'teachers';
  return 'account';
}
