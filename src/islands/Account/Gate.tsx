/**
 * What a signed-in page shows before its content: loading, a way to sign in
 * (with `?next=` back here), or why this account cannot use the page yet.
 * No automatic redirect: the page keeps its heading and language links, and
 * a screen reader user is not moved to another page without asking.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import type { Roles } from '../../lib/auth/requireRole.ts';
import { signInHref } from '../../lib/auth/safeNext.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import type { GateMessages } from './messages.ts';
import { useRoles } from './useRoles.ts';

interface GateProps {
  messages: GateMessages;
  signInPath: string;
  /** `teacher`: only approved teachers see the content; `any`: every signed-in user. */
  need: 'teacher' | 'any';
  regionNames: Record<string, string>;
  children: (roles: Roles, client: AuthClient) => ReactNode;
}

export function SignedOutPanel({ messages: m, signInPath }: { messages: GateMessages; signInPath: string }) {
  const [href, setHref] = useState(signInPath);
  useEffect(() => setHref(signInHref(signInPath, `${window.location.pathname}${window.location.search}`)), [signInPath]);
  return (
    <section className="panel" aria-labelledby="gate-title">
      <h2 id="gate-title">{m['account.signedOutTitle']}</h2>
      <p>{m['account.signedOutText']}</p>
      <p>
        <a className="button" href={href}>
          {m['account.signInLink']}
        </a>
      </p>
    </section>
  );
}

export function WaitingPanel({ messages: m, roles, regionNames }: { messages: GateMessages; roles: Roles; regionNames: Record<string, string> }) {
  if (!roles.teacher) return <p className="callout">{m['teacher.notTeacher']}</p>;
  return (
    <section className="panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{m['account.waiting.title']}</h2>
      <p>
        {formatMessage(m['account.waiting.text'], {
          school: roles.teacher.school,
          region: regionNames[roles.teacher.region] ?? roles.teacher.region,
        })}
      </p>
    </section>
  );
}

export function Gate({ messages: m, signInPath, need, regionNames, children }: GateProps) {
  const state = useRoles();
  switch (state.kind) {
    case 'loading':
      return (
        <p role="status" className="loading">
          {m['account.loading']}
        </p>
      );
    case 'failed':
      return (
        <p role="alert" className="callout">
          {m['account.failed']}
        </p>
      );
    case 'signedOut':
      return <SignedOutPanel messages={m} signInPath={signInPath} />;
    case 'ready':
      if (need === 'teacher' && state.roles.teacher?.approved !== true) {
        return <WaitingPanel messages={m} roles={state.roles} regionNames={regionNames} />;
      }
      return <>{children(state.roles, state.client)}</>;
  }
}
