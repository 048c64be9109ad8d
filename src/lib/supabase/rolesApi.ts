/**
 * Who the signed-in user is to Zëri: an approved (or waiting) teacher, a
 * moderator of one region, a coordinator. Read from the role tables through
 * RLS (each user reads their own rows), never from user metadata, which
 * users can edit themselves.
 */
import { toApiError } from './apiError.ts';
import type { AuthClient } from './authClient.ts';

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

/**
 * The signed-in user's roles, or null when nobody is signed in (or the
 * session has expired and cannot be refreshed).
 */
export async function fetchRoles(client: AuthClient): Promise<Roles | null> {
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
    throw toApiError(failed);
  }
  const teacherRow = teacher.data;
  return {
    userId: user.id,
    email: user.email ?? '',
    displayName: profile.data?.display_name ?? user.email ?? '',
    teacher: teacherRow ? { region: teacherRow.region, school: teacherRow.school, approved: teacherRow.approved_at !== null } : null,
    moderatorRegion: member.data?.region ?? null,
    coordinator: coordinator.data !== null,
  };
}
