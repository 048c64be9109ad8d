/**
 * The regional plan editor: objectives under the four pillars, their
 * activities; add, edit, move up/down, archive. Every change is one logged
 * database call; the view reloads after each.
 */
import { useEffect, useId, useState, type SubmitEvent } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { CommitteeGate, type CommitteeContext } from '../Moderation/CommitteeGate.tsx';
import { ApiError } from '../../lib/supabase/apiError.ts';
import { committeePlan, type CommitteePlan, type PlanObjective } from '../../lib/supabase/committeeApi.ts';
import { archiveActivity, archiveObjective, reorderActivities, saveObjective } from '../../lib/supabase/planApi.ts';
import '../Moderation/moderation.css';
import { ActivityForm } from './ActivityForm.tsx';
import type { PlanEditorMessages } from './editorMessages.ts';

interface Props {
  locale: 'sq' | 'en';
  messages: PlanEditorMessages;
  regionNames: Record<string, string>;
  signInPath: string;
}

const pillars = ['prevention', 'protection', 'prosecution', 'coordination'] as const;

export default function PlanEditor({ locale, messages, regionNames, signInPath }: Props) {
  return (
    <div className="committee">
      <CommitteeGate messages={messages} signInPath={signInPath} regionNames={regionNames}>
        {(context) => <Editor key={context.region} context={context} locale={locale} messages={messages} />}
      </CommitteeGate>
    </div>
  );
}

function Editor({ context, locale, messages: m }: { context: CommitteeContext; locale: 'sq' | 'en'; messages: PlanEditorMessages }) {
  const { client, region } = context;
  const [plan, setPlan] = useState<CommitteePlan>();
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [reload, setReload] = useState(0);

  useEffect(() => {
    committeePlan(client, region).then(setPlan, () => setProblem(m['committee.failed']));
  }, [client, region, reload, m]);

  const saved = () => {
    setEditing(undefined);
    setNotice(m['committee.saved']);
    setReload((n) => n + 1);
  };
  const run = (change: Promise<void>) => change.then(saved, () => setProblem(m['committee.failed']));

  function move(objective: PlanObjective, index: number, by: -1 | 1) {
    const ids = objective.activities.map((a) => a.id);
    const [taken] = ids.splice(index, 1);
    ids.splice(index + by, 0, taken as string);
    void run(reorderActivities(client, objective.id, ids));
  }

  if (!plan) return <p role="status">{problem ?? m['account.loading']}</p>;
  const current = plan.plans[0];
  if (!current) return <p>{m['committee.plan.noPlan']}</p>;

  return (
    <>
      <div aria-live="polite">{notice && <p className="callout">{notice}</p>}</div>
      {problem && <p role="alert" className="problem">{problem}</p>}
      <h2>{current.title}</h2>
      {pillars.map((pillar) => {
        const objectives = current.objectives.filter((o) => o.pillar === pillar);
        if (objectives.length === 0) return null;
        return (
          <section key={pillar} aria-labelledby={`pillar-${pillar}`}>
            <h2 id={`pillar-${pillar}`}>{m[`pillar.${pillar}` as const]}</h2>
            {objectives.map((objective) => (
              <section key={objective.id} className="panel-box" aria-labelledby={`objective-${objective.id}`}>
                <h3 id={`objective-${objective.id}`}>
                  {objective.code}: {locale === 'en' && objective.titleEn ? objective.titleEn : objective.titleSq}
                  {objective.archivedAt && ` (${m['committee.plan.archived']})`}
                </h3>
                <ol>
                  {objective.activities.map((activity, index) => (
                    <li key={activity.id}>
                      <p>
                        <strong>{activity.title}</strong> · {m[`track.activity.status.${activity.status}` as const]} · {activity.progress}% ·{' '}
                        {formatMessage(m['committee.plan.ideas'], { count: activity.ideaCount })}
                      </p>
                      {editing === activity.id ? (
                        <ActivityForm client={client} objectiveId={objective.id} activity={activity} messages={m} onSaved={saved} onCancel={() => setEditing(undefined)} />
                      ) : (
                        <div className="actions">
                          <button type="button" className="secondary" onClick={() => setEditing(activity.id)} aria-label={`${m['committee.plan.edit']}: ${activity.title}`}>
                            {m['committee.plan.edit']}
                          </button>
                          <button type="button" className="secondary" disabled={index === 0} onClick={() => move(objective, index, -1)} aria-label={`${m['committee.plan.moveUp']}: ${activity.title}`}>
                            {m['committee.plan.moveUp']}
                          </button>
                          <button type="button" className="secondary" disabled={index === objective.activities.length - 1} onClick={() => move(objective, index, 1)} aria-label={`${m['committee.plan.moveDown']}: ${activity.title}`}>
                            {m['committee.plan.moveDown']}
                          </button>
                          {activity.status !== 'archived' && (
                            <button type="button" className="secondary" onClick={() => void run(archiveActivity(client, activity.id))} aria-label={`${m['committee.plan.archive']}: ${activity.title}`}>
                              {m['committee.plan.archive']}
                            </button>
                          )}
                        </div>
                      )}
                    </li>
                  ))}
                </ol>
                {editing === `new-${objective.id}` ? (
                  <ActivityForm client={client} objectiveId={objective.id} messages={m} onSaved={saved} onCancel={() => setEditing(undefined)} />
                ) : (
                  !objective.archivedAt && (
                    <div className="actions">
                      <button type="button" className="primary" onClick={() => setEditing(`new-${objective.id}`)}>
                        {m['committee.plan.addActivity']}
                      </button>
                      <button type="button" className="secondary" onClick={() => void run(archiveObjective(client, objective.id))}>
                        {m['committee.plan.archiveObjective']}
                      </button>
                    </div>
                  )
                )}
              </section>
            ))}
          </section>
        );
      })}
      <ObjectiveForm context={context} planId={current.id} messages={m} onSaved={saved} />
    </>
  );
}

function ObjectiveForm({ context, planId, messages: m, onSaved }: { context: CommitteeContext; planId: string; messages: PlanEditorMessages; onSaved: () => void }) {
  const id = useId();
  const [values, setValues] = useState({ pillar: 'prevention', code: '', titleSq: '', titleEn: '' });
  const [problem, setProblem] = useState<string>();
  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    saveObjective(context.client, { planId, ...values }).then(
      () => {
        setValues({ pillar: 'prevention', code: '', titleSq: '', titleEn: '' });
        onSaved();
      },
      (error: unknown) => setProblem(error instanceof ApiError && error.code === 'code_taken' ? m['committee.plan.error.code_taken'] : m['committee.plan.error.invalid']),
    );
  }
  return (
    <form className="panel-box" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m['committee.plan.addObjective']}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-pillar`}>{m['committee.plan.pillar']}</label>
          <select id={`${id}-pillar`} value={values.pillar} onChange={(e) => setValues({ ...values, pillar: e.target.value })}>
            {pillars.map((p) => <option key={p} value={p}>{m[`pillar.${p}` as const]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>{m['committee.plan.objectiveCode']}</label>
          <input id={`${id}-code`} maxLength={20} value={values.code} onChange={(e) => setValues({ ...values, code: e.target.value })} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sq`}>{m['committee.plan.objectiveTitleSq']}</label>
        <input id={`${id}-sq`} maxLength={500} value={values.titleSq} onChange={(e) => setValues({ ...values, titleSq: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-en`}>{m['committee.plan.objectiveTitleEn']}</label>
        <input id={`${id}-en`} maxLength={500} value={values.titleEn} onChange={(e) => setValues({ ...values, titleEn: e.target.value })} />
      </div>
      {problem && <p role="alert" className="problem">{problem}</p>}
      <button type="submit" className="primary">{m['committee.plan.saveObjective']}</button>
    </form>
  );
}
