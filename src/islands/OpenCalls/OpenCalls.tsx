/**
 * A region's open call, when a committee has one running or coming: one
 * sentence with its closing date and a button to the ideas form with the
 * code filled in. Nothing at all when there is none, or when the list cannot
 * be loaded: the page around it already links to the form.
 */
import { useEffect, useState } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import type { OpenCallsMessages } from './messages.ts';
import { publicOpenCalls, type OpenCall } from '../../lib/supabase/openCallsApi.ts';
import { formatDate } from '../../lib/formatDate.ts';

export interface OpenCallsProps {
  locale: 'sq' | 'en';
  messages: OpenCallsMessages;
  region: string;
  /** The ideas form, e.g. `/sq/ideas/`. */
  ideasPath: string;
}

export default function OpenCalls({ locale, messages: m, region, ideasPath }: OpenCallsProps) {
  const [calls, setCalls] = useState<OpenCall[]>([]);

  useEffect(() => {
    let current = true;
    publicOpenCalls(region).then(
      (list) => current && setCalls(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [region]);

  // Running calls first; otherwise the next one to open.
  const now = Date.now();
  const call = calls.find((c) => Date.parse(c.opensAt) <= now) ?? calls[0];
  // An empty box, not null: client:visible hydrates when one of the island's
  // elements scrolls into view, and with no element it never would.
  if (!call) return <div className="open-calls" />;
  const date = (iso: string) => formatDate(locale, iso, 'tirane');
  const running = Date.parse(call.opensAt) <= now;
  const sentence = running
    ? formatMessage(m['openCalls.running'], { date: date(call.closesAt) })
    : formatMessage(m['openCalls.upcoming'], { start: date(call.opensAt), date: date(call.closesAt) });

  return (
    <div className="open-calls">
      <div className="callout open-call">
        <p>{sentence}</p>
        <p>
          <a className="button" href={`${ideasPath}?code=${encodeURIComponent(call.joinCode)}`}>
            {m['openCalls.join']}
          </a>
        </p>
      </div>
    </div>
  );
}
