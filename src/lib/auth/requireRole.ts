/**
 * Who the signed-in user is to Zëri: an approved (or waiting) teacher, a
 * moderator of one region, a coordinator. Read from the role tables through
 * RLS (each user reads their own rows), never from user metadata, which
 * users can edit themselves.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { signInHref } from './safeNext.ts';

export interface TeacherRole {
  region: string;
  school: string;
  approved: boolean;
}

export interface Roles {
  userId: string;
  email: string;
  displayName: string;
  /** Null when the user never applied as a teacher. */
  teacher: TeacherRole | null;
  /** The region whose committee the user sits on, or null. */
  moderatorRegion: string | null;
  coordinator: boolean;
}

export type Role = 'teacher' | 'moderator' | 'coordinator';

/**
 * The signed-in user's roles, or null when nobody is signed in (or the
 * session has expired and cannot be refreshed).
 */
export async function fetchRoles(client: SupabaseClient): Promise<Roles | null> {
  const { data: sessionData } = await client.auth.getSession();
  const user = sessionData.session?.user;
  if (!user) return null;
  const [profile, teacher, member, coordinator] = await Promise.all([
    client.from('profiles').select('display_name').eq('id', user.id).maybeSingle(),
    client.from('teachers').select('region, school, approved_at').eq('user_id', user.id).maybeSingle(),
    client.from('committee_members').select('region').eq('user_id', user.id).maybeSingle(),
    client.from('coordinators').select('user_id').eq('user_id', user.id).maybeSingle(),
  ]);
  const failed = [profile, teacher, member, coordinator].find((answer) => answer.error);
  if (failed?.error) {
    // An expired or revoked token: treat as signed out so the page asks to sign in again.
    if (failed.status === 401) return null;
    throw new Error(failed.error.message);
  }
  const teacherRow = teacher.data as { region: string; school: string; approved_at: string | null } | null;
  return {
    userId: user.id,
    email: user.email ?? '',
    displayName: (profile.data as { display_name: string } | null)?.display_name ?? user.email ?? '',
    teacher: teacherRow ? { region: teacherRow.region, school: teacherRow.school, approved: teacherRow.approved_at !== null } : null,
    moderatorRegion: (member.data as { region: string } | null)?.region ?? null,
    coordinator: coordinator.data !== null,
  };
}

/** Whether `roles` may use the pages of `role` (coordinators may use every area). */
export function hasRole(roles: Roles, role: Role): boolean {
  switch (role) {
    case 'teacher':
      return roles.teacher?.approved === true;
    case 'moderator':
      return roles.moderatorRegion !== null || roles.coordinator;
    case 'coordinator':
      return roles.coordinator;
  }
}

/**
 * Sends the browser to the sign-in page, which brings it back here
 * afterwards. `replace`, so Back does not return to a page that would only
 * redirect again.
 */
export function redirectToSignIn(signInPath: string): void {
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.replace(signInHref(signInPath, here));
}
