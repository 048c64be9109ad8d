/**
 * Adopt an approved idea: pick one or more activities of the region's plan
 * (searchable), add a note and feedback to the child, one call.
 */
import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { adoptIdea, committeePlan, type Feedback, type IdeaCard, type PlanActivity } from '../../lib/supabase/committeeApi.ts';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import { errorMessage } from './errors.ts';
import { FeedbackFields, feedbackReady } from './FeedbackFields.tsx';
import type { ModerationMessages } from './messages.ts';

interface Props {
  client: AuthClient;
  idea: IdeaCard;
  messages: ModerationMessages;
  onDone: (message: string) => void;
}

type Option = PlanActivity & { objective: string };

export function AdoptPanel({ client, idea, messages: m, onDone }: Props) {
  const id = useId();
  const [options, setOptions] = useState<Option[]>([]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [feedback, setFeedback] = useState<Feedback>({ sq: idea.feedbackSq ?? '', en: idea.feedbackEn ?? '' });
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    committeePlan(client, idea.region)
      .then((plan) =>
        setOptions(
          plan.plans.flatMap((p) =>
            p.objectives.flatMap((o) =>
              o.activities.filter((a) => a.status !== 'archived').map((a) => ({ ...a, objective: `${o.code} ${o.titleSq}` })),
            ),
          ),
        ),
      )
      .catch((error: unknown) => setProblem(errorMessage(error, m)));
  }, [client, idea.region, m]);

  const linked = new Set(idea.activities.map((a) => a.id));
  const q = query.trim().toLowerCase();
  const shown = options.filter((o) => !linked.has(o.id) && (q === '' || `${o.title} ${o.objective}`.toLowerCase().includes(q)));

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (chosen.size === 0) return setProblem(m['committee.adopt.choose']);
    if (!feedbackReady(feedback)) return setProblem(undefined);
    setBusy(true);
    setProblem(undefined);
    try {
      await adoptIdea(client, idea.id, [...chosen], note, feedback);
      onDone(formatMessage(m['committee.review.done'], { status: m['committee.status.adopted'] }));
    } catch (error) {
      setProblem(errorMessage(error, m));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel-box" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{m['committee.adopt.title']}</h3>
      {idea.activities.length > 0 && (
        <p>{formatMessage(m['committee.adopt.linked'], { titles: idea.activities.map((a) => a.title).join('; ') })}</p>
      )}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-search`}>{m['committee.adopt.search']}</label>
          <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </div>
        <fieldset className="field">
          <legend>{m['committee.adopt.activities']}</legend>
          {shown.length === 0 ? (
            <p>{m['committee.adopt.noMatch']}</p>
          ) : (
            <ul className="picker">
              {shown.map((o) => (
                <li key={o.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(o.id)}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(o.id);
                        else next.delete(o.id);
                        setChosen(next);
                      }}
                    />
                    <span>
                      {o.title} <small>({o.objective})</small>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>{m['committee.adopt.note']}</label>
          <textarea id={`${id}-note`} rows={2} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        <FeedbackFields id={`${id}-feedback`} value={feedback} onChange={setFeedback} messages={m} showRequired={tried} />
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {m['committee.adopt.submit']}
        </button>
      </form>
    </section>
  );
}
