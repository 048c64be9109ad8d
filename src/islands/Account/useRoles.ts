/**
 * The signed-in user's roles, read once the island is in the browser (the
 * pages are static; the session only exists in the tab).
 */
import { useCallback, useEffect, useState } from 'react';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import type { Roles } from '../../lib/auth/requireRole.ts';
import { authClient } from '../../lib/supabase/authClient.ts';
import { fetchRoles } from '../../lib/supabase/rolesApi.ts';

export type RolesState =
  | { kind: 'loading' }
  | { kind: 'signedOut' }
  | { kind: 'failed' }
  | { kind: 'ready'; roles: Roles; client: AuthClient };

export function useRoles(): RolesState & { reload: () => void } {
  const [state, setState] = useState<RolesState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    const client = authClient();
    fetchRoles(client)
      .then((roles) => live && setState(roles ? { kind: 'ready', roles, client } : { kind: 'signedOut' }))
      .catch(() => live && setState({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
