/**
 * What each area of the signed-in pages requires, and the way to the
 * sign-in page. The roles themselves are read by
 * `src/lib/supabase/rolesApi.ts`.
 */
import type { Roles } from '../supabase/rolesApi.ts';
import { signInHref } from './safeNext.ts';

export type { Roles, TeacherRole } from '../supabase/rolesApi.ts';

export type Role = 'teacher' | 'moderator' | 'coordinator';

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
