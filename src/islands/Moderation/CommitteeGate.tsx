/**
 * What every committee page shows before its content: loading, sign in, or
 * "not a committee member"; then the region the page is about. A moderator
 * works on their own region; a coordinator picks one (kept in `?region=`).
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import type { Roles } from '../../lib/auth/requireRole.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import { SignedOutPanel } from '../Account/Gate.tsx';
import { useRoles } from '../Account/useRoles.ts';
import type { CommitteeGateMessages } from './messages.ts';

export interface CommitteeContext {
  client: AuthClient;
  roles: Roles;
  /** The region the page works on. */
  region: string;
}

interface Props {
  messages: CommitteeGateMessages;
  signInPath: string;
  regionNames: Record<string, string>;
  /** `coordinator`: only national coordinators. */
  need?: 'member' | 'coordinator';
  children: (context: CommitteeContext) => ReactNode;
}

function initialRegion(roles: Roles, regionNames: Record<string, string>): string {
  if (roles.moderatorRegion && !roles.coordinator) return roles.moderatorRegion;
  const asked = new URLSearchParams(window.location.search).get('region');
  if (asked && asked in regionNames) return asked;
  return roles.moderatorRegion ?? Object.keys(regionNames)[0] ?? 'kukes';
}

export function CommitteeGate({ messages: m, signInPath, regionNames, need = 'member', children }: Props) {
  const state = useRoles();
  const [region, setRegion] = useState<string>();

  useEffect(() => {
    if (state.kind === 'ready') setRegion((current) => current ?? initialRegion(state.roles, regionNames));
  }, [state, regionNames]);

  // The committee pages' static navigation shows "Administration" to coordinators only.
  useEffect(() => {
    if (state.kind !== 'ready') return;
    for (const item of document.querySelectorAll<HTMLElement>('[data-coordinator-only]')) item.hidden = !state.roles.coordinator;
  }, [state]);

  if (state.kind === 'loading') return <p role="status">{m['account.loading']}</p>;
  if (state.kind === 'failed') {
    return (
      <p role="alert" className="callout">
        {m['committee.failed']}{' '}
        <button type="button" className="button-link" onClick={state.reload}>
          {m['committee.retry']}
        </button>
      </p>
    );
  }
  if (state.kind === 'signedOut') return <SignedOutPanel messages={m} signInPath={signInPath} />;
  const { roles, client } = state;
  if (need === 'coordinator' && !roles.coordinator) return <p className="callout">{m['committee.notCoordinator']}</p>;
  if (!roles.coordinator && !roles.moderatorRegion) return <p className="callout">{m['committee.notMember']}</p>;
  if (!region) return <p role="status">{m['account.loading']}</p>;

  function choose(next: string) {
    setRegion(next);
    const url = new URL(window.location.href);
    url.searchParams.set('region', next);
    window.history.replaceState(null, '', url);
  }

  return (
    <>
      <p className="committee-who">
        {roles.coordinator
          ? formatMessage(m['committee.signedInCoordinator'], { name: roles.displayName })
          : formatMessage(m['committee.signedInAs'], { name: roles.displayName, region: regionNames[region] ?? region })}
      </p>
      {roles.coordinator && need === 'member' && (
        <p className="committee-region">
          <label htmlFor="committee-region">{m['committee.region']}</label>{' '}
          <select id="committee-region" value={region} onChange={(event) => choose(event.target.value)}>
            {Object.entries(regionNames).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </p>
      )}
      {children({ client, roles, region })}
    </>
  );
}
