/**
 * "You said, we did": the prevention activities of the region's plan with
 * the young people's ideas adopted into each (public text, the committee's
 * words), status and a progress bar; the other pillars' activities after,
 * for context. Headings carry the structure for screen readers.
 */
import { useEffect, useState } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import type { PublicPlanMessages } from './messages.ts';
import { loadPublicPlan, type AdoptedIdea, type PublicActivity } from '../../lib/supabase/planApi.ts';
import './plan.css';
import { formatDate } from '../../lib/formatDate.ts';

interface Props {
  locale: 'sq' | 'en';
  region: string;
  messages: PublicPlanMessages;
}

const institutionKeys = new Set([
  'prefecture', 'state_police', 'border_migration_police', 'state_social_service', 'public_health',
  'education_directorate', 'employment_office', 'civil_society', 'other',
]);

export default function PublicPlan({ locale, region, messages: m }: Props) {
  const [state, setState] = useState<'loading' | 'failed' | { activities: PublicActivity[]; ideasByActivity: Map<string, AdoptedIdea[]> }>('loading');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadPublicPlan(region)
      .then((plan) => live && setState(plan))
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [region, attempt]);

  if (state === 'loading') return <p role="status">{m['plan.loading']}</p>;
  if (state === 'failed') {
    return (
      <p role="alert" className="callout">
        {m['plan.failed']}{' '}
        <button type="button" className="plan-retry" onClick={() => setAttempt((n) => n + 1)}>
          {m['plan.retry']}
        </button>
      </p>
    );
  }
  if (state.activities.length === 0) return <p>{m['plan.none']}</p>;

  const date = (iso: string | null) => (iso ? formatDate(locale, iso.slice(0, 10)) : '–');
  // Activities store an institution key from the list, or the free text of "other".
  const institution = (value: string) =>
    institutionKeys.has(value) ? m[`track.institution.${value}` as keyof PublicPlanMessages] : value;
  const objectiveTitle = (a: PublicActivity) => (locale === 'en' && a.objectiveTitleEn ? a.objectiveTitleEn : a.objectiveTitleSq);
  const prevention = state.activities.filter((a) => a.pillar === 'prevention');
  const others = state.activities.filter((a) => a.pillar !== 'prevention');

  function Activity({ activity, withIdeas }: { activity: PublicActivity; withIdeas: boolean }) {
    const ideas = state !== 'loading' && state !== 'failed' ? (state.ideasByActivity.get(activity.id) ?? []) : [];
    const progressId = `progress-${activity.id}`;
    return (
      <li className="plan-activity">
        <h4>{activity.title}</h4>
        {activity.description && <p>{activity.description}</p>}
        <p>
          {formatMessage(m['plan.institution'], { name: institution(activity.responsibleInstitution) })} ·{' '}
          {formatMessage(m['plan.timeline'], { start: date(activity.timelineStart), end: date(activity.timelineEnd) })} ·{' '}
          {m[`track.activity.status.${activity.status}` as const]}
        </p>
        <p className="plan-progress">
          <label htmlFor={progressId}>{formatMessage(m['plan.progress'], { value: activity.progress })}</label>
          <progress id={progressId} max={100} value={activity.progress}>
            {activity.progress}%
          </progress>
        </p>
        {withIdeas && (
          <section aria-label={`${m['plan.ideasTitle']}: ${activity.title}`}>
            <h5>{m['plan.ideasTitle']}</h5>
            {ideas.length === 0 ? (
              <p>{m['plan.noIdeas']}</p>
            ) : (
              <ul className="plan-ideas">
                {ideas.map((idea) => {
                  const feedback = locale === 'en' ? (idea.feedbackEn ?? idea.feedbackSq) : (idea.feedbackSq ?? idea.feedbackEn);
                  return (
                    <li key={idea.id}>
                      <blockquote>
                        <p dir="auto" className="user-text">{idea.publicText}</p>
                      </blockquote>
                      <p className="plan-meta">{m[`theme.${idea.theme}` as const]}</p>
                      {feedback && <p>{formatMessage(m['plan.feedback'], { text: feedback })}</p>}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        )}
      </li>
    );
  }

  function byObjective(list: PublicActivity[], withIdeas: boolean) {
    const groups = new Map<string, PublicActivity[]>();
    for (const a of list) groups.set(a.objectiveId, [...(groups.get(a.objectiveId) ?? []), a]);
    return [...groups.values()].map((group) => {
      const first = group[0] as PublicActivity;
      return (
        <section key={first.objectiveId} className="plan-objective">
          <h3>
            {first.objectiveCode}: {objectiveTitle(first)}
            {!withIdeas && <> ({m[`pillar.${first.pillar}` as const]})</>}
          </h3>
          <ul className="plan-activities">
            {group.map((activity) => (
              <Activity key={activity.id} activity={activity} withIdeas={withIdeas} />
            ))}
          </ul>
        </section>
      );
    });
  }

  return (
    <div className="public-plan">
      <p>
        <strong>{(state.activities[0] as PublicActivity).planTitle}</strong>
      </p>
      {state.activities.some((a) => a.isDemo) && <p className="callout">{m['plan.demo']}</p>}
      <section aria-labelledby="plan-prevention">
        <h2 id="plan-prevention">{m['plan.prevention']}</h2>
        {byObjective(prevention, true)}
      </section>
      {others.length > 0 && (
        <section aria-labelledby="plan-others">
          <h2 id="plan-others">{m['plan.otherPillars']}</h2>
          {byObjective(others, false)}
        </section>
      )}
    </div>
  );
}
