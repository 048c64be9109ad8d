/**
 * Ideas that waited on this device and that the server then refused for
 * good (the session had closed too long before, or was full). They are not
 * dropped: whoever uses the device next, student or teacher, sees each one
 * with its receipt code and what to do (the teacher types it in as a
 * transcribed idea), and removes it once that is done. The text stays
 * folded away so the next student at a shared tablet does not read it by
 * chance.
 */
import { useState } from 'react';
import { formatReceiptCode } from '../../lib/receiptCode.ts';
import type { IdeaFormMessages } from './messages.ts';
import type { RefusedIdea } from './useOfflineDelivery.ts';

interface Props {
  messages: IdeaFormMessages;
  ideas: RefusedIdea[];
  onForget: (key: string) => void;
}

function reasonKey(reason: string): keyof IdeaFormMessages {
  if (reason === 'session_closed' || reason === 'invalid_queued_at') return 'ideaForm.refused.reasonClosed';
  if (reason === 'session_full') return 'ideaForm.refused.reasonFull';
  return 'ideaForm.refused.reasonOther';
}

export function RefusedIdeas({ messages: m, ideas, onForget }: Props) {
  const [confirming, setConfirming] = useState<string>();
  if (ideas.length === 0) return null;
  return (
    <section className="refused-ideas" aria-labelledby="refused-title">
      <h2 id="refused-title">{m['ideaForm.refused.title']}</h2>
      <ul>
        {ideas.map((idea) => (
          <li key={idea.key} className="problem">
            <p>{m[reasonKey(idea.reason)]}</p>
            <p>
              {m['ideaForm.refused.codeLabel']} <strong className="refused-code">{formatReceiptCode(idea.receiptCode)}</strong>
            </p>
            <p>{m['ideaForm.refused.whatToDo']}</p>
            <details>
              <summary>{m['ideaForm.refused.showText']}</summary>
              <p className="refused-text">{idea.text}</p>
            </details>
            {confirming === idea.key ? (
              <p className="actions">
                <span>{m['ideaForm.refused.confirm']}</span>{' '}
                <button type="button" className="button-secondary" onClick={() => onForget(idea.key)}>
                  {m['ideaForm.refused.yes']}
                </button>{' '}
                <button type="button" className="button-secondary" onClick={() => setConfirming(undefined)}>
                  {m['ideaForm.refused.no']}
                </button>
              </p>
            ) : (
              <p className="actions">
                <button type="button" className="button-secondary" onClick={() => setConfirming(idea.key)}>
                  {m['ideaForm.refused.forget']}
                </button>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
