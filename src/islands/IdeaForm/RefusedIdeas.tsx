/**
 * Ideas that waited on this device and that the server then refused for
 * good (the session had closed too long before, or was full). They are not
 * dropped silently: whoever uses the device next sees that an idea could not
 * be delivered and that the teacher should be told. Nothing of the idea is
 * shown, neither its text nor its code, because on a shared tablet that
 * person is usually another child. The teacher acknowledges it, which deletes
 * it; otherwise it is deleted after 24 hours.
 */
import { useState } from 'react';
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
            <p>{m['ideaForm.refused.whatToDo']}</p>
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
