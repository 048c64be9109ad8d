/**
 * The account page: who is signed in, with which roles, and sign-out
 * (which also clears the tab's stored session).
 */
import { useRef, useState } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { signOut as signOutHere } from '../../lib/supabase/accountApi.ts';
import { Gate } from './Gate.tsx';
import type { accountHomeMessageKeys, Messages } from './messages.ts';
import './account.css';

interface Props {
  messages: Messages<(typeof accountHomeMessageKeys)[number]>;
  signInPath: string;
  teachersPath: string;
  queuePath: string;
  overviewPath: string;
  passwordPath: string;
  regionNames: Record<string, string>;
}

/** "Shkolla e Mesme Demo, Kukës", not "…, Kukës, Kukës" when the school's name already says where it is. */
function schoolWithRegion(school: string, region: string): string {
  return school.toLocaleLowerCase('sq').includes(region.toLocaleLowerCase('sq')) ? school : `${school}, ${region}`;
}

export default function AccountHome({ messages: m, signInPath, teachersPath, queuePath, overviewPath, passwordPath, regionNames }: Props) {
  const [signedOut, setSignedOut] = useState(false);
  const [busy, setBusy] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const region = (id: string) => regionNames[id] ?? id;

  async function signOut() {
    setBusy(true);
    await signOutHere();
    setBusy(false);
    setSignedOut(true);
    requestAnimationFrame(() => doneRef.current?.focus());
  }

  if (signedOut) {
    return (
      <div>
        <p className="callout" role="status" tabIndex={-1} ref={doneRef}>
          {m['account.signedOut']}
        </p>
        <p>
          <a className="button" href={signInPath}>
            {m['account.signInLink']}
          </a>
        </p>
      </div>
    );
  }

  return (
    <Gate messages={m} signInPath={signInPath} need="any" regionNames={regionNames}>
      {(roles) => (
        <div className="account-home">
          <p>{formatMessage(m['account.home.signedInAs'], { name: roles.displayName, email: roles.email })}</p>
          <h2>{m['account.home.roles']}</h2>
          <ul>
            {roles.teacher && (
              <li>
                {formatMessage(m[roles.teacher.approved ? 'account.home.teacherApproved' : 'account.home.teacherWaiting'], {
                  school: schoolWithRegion(roles.teacher.school, region(roles.teacher.region)),
                })}
              </li>
            )}
            {roles.moderatorRegion && <li>{formatMessage(m['account.home.moderator'], { region: region(roles.moderatorRegion) })}</li>}
            {roles.coordinator && <li>{m['account.home.coordinator']}</li>}
            {!roles.teacher && !roles.moderatorRegion && !roles.coordinator && <li>{m['account.home.noRole']}</li>}
          </ul>
          <ul className="actions">
            {roles.coordinator && (
              <li>
                <a href={overviewPath}>{m['account.home.overviewLink']}</a>
              </li>
            )}
            {(roles.moderatorRegion || roles.coordinator) && (
              <li>
                <a href={queuePath}>{m['account.home.queueLink']}</a>
              </li>
            )}
            {roles.teacher && (
              <li>
                <a href={teachersPath}>{m['account.home.teachersLink']}</a>
              </li>
            )}
            <li>
              <a href={passwordPath}>{m['account.home.passwordLink']}</a>
            </li>
          </ul>
          <button type="button" className="button secondary" onClick={() => void signOut()} disabled={busy}>
            {busy ? m['account.signOut.busy'] : m['account.signOut']}
          </button>
        </div>
      )}
    </Gate>
  );
}
