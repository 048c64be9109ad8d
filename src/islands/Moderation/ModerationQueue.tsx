/**
 * The committee's ideas queue: what is overdue, filters, a page of ideas
 * (safeguarding first, then personal data, then oldest) with bulk reject,
 * and one idea at a time (IdeaReview). After each action the queue reloads
 * and the next idea opens.
 */
import { useCallback, useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { ideaThemes, type IdeaTheme } from '../../lib/schemas/idea.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import { CommitteeGate, type CommitteeContext } from './CommitteeGate.tsx';
import {
  committeeDashboard,
  moderationQueue,
  rejectIdeas,
  type Dashboard,
  type Feedback,
  type Flag,
  type IdeaStatus,
  type QueueFilters,
  type QueuePage,
} from '../../lib/supabase/committeeApi.ts';
import { errorMessage, statusLabel } from './errors.ts';
import { FeedbackFields, feedbackReady } from './FeedbackFields.tsx';
import { IdeaReview } from './IdeaReview.tsx';
import type { ModerationMessages } from './messages.ts';
import './moderation.css';
import { formatDate } from '../../lib/formatDate.ts';

interface Props {
  locale: 'sq' | 'en';
  messages: ModerationMessages;
  regionNames: Record<string, string>;
  signInPath: string;
}

const PAGE_SIZE = 20;
const statuses: IdeaStatus[] = ['pending', 'approved', 'adopted', 'rejected', 'escalated'];
const flags: Flag[] = ['safeguarding', 'personal_data', 'none'];

export default function ModerationQueue({ locale, messages, regionNames, signInPath }: Props) {
  return (
    <div className="committee">
      <CommitteeGate messages={messages} signInPath={signInPath} regionNames={regionNames}>
        {(context) => <Queue key={context.region} context={context} locale={locale} messages={messages} />}
      </CommitteeGate>
    </div>
  );
}

function Queue({ context, locale, messages: m }: { context: CommitteeContext; locale: 'sq' | 'en'; messages: ModerationMessages }) {
  const { client, region } = context;
  const id = useId();
  const [filters, setFilters] = useState<QueueFilters>({ status: 'pending', theme: null, flag: null, sessionId: null });
  const [draft, setDraft] = useState<QueueFilters>(filters);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<QueuePage>();
  const [dashboard, setDashboard] = useState<Dashboard>();
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [openIndex, setOpenIndex] = useState<number>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reload, setReload] = useState(0);
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([moderationQueue(client, region, filters, PAGE_SIZE, offset), committeeDashboard(client, region)])
      .then(([queue, board]) => {
        if (!live) return;
        setPage(queue);
        setDashboard(board);
        setProblem(undefined);
        setOpenIndex((index) => (index === undefined ? undefined : queue.items.length > 0 ? Math.min(index, queue.items.length - 1) : undefined));
      })
      .catch((error: unknown) => live && setProblem(errorMessage(error, m)));
    return () => {
      live = false;
    };
  }, [client, region, filters, offset, reload, m]);

  const done = useCallback((message: string) => {
    setNotice(message);
    setSelected(new Set());
    setReload((n) => n + 1);
  }, []);

  const back = useCallback(() => {
    setOpenIndex(undefined);
    requestAnimationFrame(() => listHeading.current?.focus());
  }, []);

  const date = (iso: string) => formatDate(locale, iso, 'tirane');
  const open = openIndex !== undefined ? page?.items[openIndex] : undefined;

  return (
    <>
      <div aria-live="polite" className="notice">
        {notice && <p className="callout">{notice}</p>}
      </div>
      {problem && (
        <p role="alert" className="problem">
          {problem}{' '}
          <button type="button" className="secondary" onClick={() => setReload((n) => n + 1)}>
            {m['committee.retry']}
          </button>
        </p>
      )}
      {open && page ? (
        <IdeaReview
          key={open.id}
          client={client}
          locale={locale}
          messages={m}
          idea={open}
          hasNext={(openIndex ?? 0) < page.items.length - 1}
          onNext={() => setOpenIndex((i) => (i ?? 0) + 1)}
          onBack={back}
          onDone={done}
        />
      ) : (
        <>
          {dashboard && (
            <section aria-labelledby={`${id}-dash`}>
              <h2 id={`${id}-dash`}>{m['committee.dashboard.title']}</h2>
              <ul className="stats-line">
                <li>{formatMessage(m['committee.dashboard.pending'], { count: dashboard.pending })}</li>
                <li>{formatMessage(m['committee.dashboard.pendingSafeguarding'], { count: dashboard.pendingSafeguarding })}</li>
                <li>{formatMessage(m['committee.dashboard.openQuestions'], { count: dashboard.openQuestions })}</li>
                <li>{formatMessage(m['committee.dashboard.unread'], { count: dashboard.unreadAfter14Days.length })}</li>
                <li>
                  <strong>{formatMessage(m['committee.dashboard.overdue'], { count: dashboard.safeguardingOverdue.length })}</strong>
                </li>
              </ul>
            </section>
          )}
          <form
            className="filters"
            aria-labelledby={`${id}-filters`}
            onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
              event.preventDefault();
              setOffset(0);
              setOpenIndex(undefined);
              setFilters(draft);
            }}
          >
            <h2 id={`${id}-filters`}>{m['committee.filters.title']}</h2>
            <div className="row">
              <div className="field">
                <label htmlFor={`${id}-status`}>{m['committee.filters.status']}</label>
                <select id={`${id}-status`} value={draft.status ?? ''} onChange={(e) => setDraft({ ...draft, status: (e.target.value || null) as IdeaStatus | null })}>
                  <option value="">{m['committee.filters.any']}</option>
                  {statuses.map((s) => <option key={s} value={s}>{statusLabel(s, m)}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-theme`}>{m['committee.filters.theme']}</label>
                <select id={`${id}-theme`} value={draft.theme ?? ''} onChange={(e) => setDraft({ ...draft, theme: (e.target.value || null) as IdeaTheme | null })}>
                  <option value="">{m['committee.filters.any']}</option>
                  {ideaThemes.map((t) => <option key={t} value={t}>{m[`theme.${t}` as const]}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-flag`}>{m['committee.filters.flag']}</label>
                <select id={`${id}-flag`} value={draft.flag ?? ''} onChange={(e) => setDraft({ ...draft, flag: (e.target.value || null) as Flag | null })}>
                  <option value="">{m['committee.filters.any']}</option>
                  {flags.map((f) => <option key={f} value={f}>{m[`committee.flag.${f}` as const]}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-session`}>{m['committee.filters.session']}</label>
                <select id={`${id}-session`} value={draft.sessionId ?? ''} onChange={(e) => setDraft({ ...draft, sessionId: e.target.value || null })}>
                  <option value="">{m['committee.filters.any']}</option>
                  {dashboard?.sessions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.kind === 'open_call'
                        ? formatMessage(m['committee.queue.openCall'], { code: s.joinCode })
                        : formatMessage(m['committee.queue.classSession'], { school: s.school ?? '', code: s.joinCode })}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="secondary">{m['committee.filters.apply']}</button>
            </div>
          </form>

          <h2 id={`${id}-list`} ref={listHeading} tabIndex={-1}>
            {m['committee.queue.listLabel']}
            {page && `: ${formatMessage(m['committee.queue.total'], { count: page.total })}`}
          </h2>
          {!page ? (
            <p role="status">{m['committee.queue.loading']}</p>
          ) : page.items.length === 0 ? (
            <p>{m['committee.queue.empty']}</p>
          ) : (
            <ul className="queue-list" aria-labelledby={`${id}-list`}>
              {page.items.map((idea, index) => (
                <li key={idea.id} className="queue-item">
                  <p>
                    {idea.status === 'pending' && !idea.originalHidden && (
                      <input
                        type="checkbox"
                        id={`${id}-sel-${idea.id}`}
                        aria-label={formatMessage(m['committee.queue.select'], { date: date(idea.createdAt) })}
                        checked={selected.has(idea.id)}
                        onChange={(event) => {
                          const next = new Set(selected);
                          if (event.target.checked) next.add(idea.id);
                          else next.delete(idea.id);
                          setSelected(next);
                        }}
                      />
                    )}{' '}
                    {idea.safeguardingFlag && <span className="flag flag-safeguarding">{m['committee.flag.safeguarding']}</span>}
                    {idea.personalDataFlag && <span className="flag flag-personal">{m['committee.flag.personal_data']}</span>}
                    {formatMessage(m['committee.queue.received'], { date: date(idea.createdAt) })} · {m[`theme.${idea.theme}` as const]} ·{' '}
                    {statusLabel(idea.status, m)}
                    {!idea.readAt && ` · ${m['committee.queue.unread']}`}
                  </p>
                  {idea.text === null ? (
                    <p>{m[idea.originalPurged ? 'committee.review.originalPurged' : 'committee.review.originalHidden']}</p>
                  ) : (
                    <p lang={idea.locale} dir="auto" className="user-text">{idea.text.length > 160 ? `${idea.text.slice(0, 160)}…` : idea.text}</p>
                  )}
                  <button type="button" className="secondary" onClick={() => setOpenIndex(index)}>
                    {m['committee.queue.open']}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {page && page.total > PAGE_SIZE && (
            <nav className="actions" aria-label={m['committee.queue.listLabel']}>
              <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                {m['committee.queue.previous']}
              </button>
              <span>{formatMessage(m['committee.queue.page'], { page: offset / PAGE_SIZE + 1, pages: Math.ceil(page.total / PAGE_SIZE) })}</span>
              <button type="button" className="secondary" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                {m['committee.queue.next']}
              </button>
            </nav>
          )}
          {selected.size > 0 && <BulkReject context={context} messages={m} ids={[...selected]} onDone={done} />}
        </>
      )}
    </>
  );
}

function BulkReject({ context, messages: m, ids, onDone }: { context: CommitteeContext; messages: ModerationMessages; ids: string[]; onDone: (message: string) => void }) {
  const id = useId();
  const [reason, setReason] = useState<'duplicate' | 'off_topic'>('duplicate');
  const [feedback, setFeedback] = useState<Feedback>({ sq: '', en: '' });
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string>();
  return (
    <form
      className="panel-box"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!feedbackReady(feedback)) return;
        rejectIdeas(context.client, ids, reason, feedback)
          .then((result) => {
            const parts = [formatMessage(m['committee.bulk.done'], { count: result.rejected.length })];
            if (result.skipped.length > 0) parts.push(formatMessage(m['committee.bulk.skipped'], { count: result.skipped.length }));
            onDone(parts.join(' '));
          })
          .catch((error: unknown) => setProblem(errorMessage(error, m)));
      }}
    >
      <h2 id={`${id}-title`}>{m['committee.bulk.title']}</h2>
      <p>{formatMessage(m['committee.bulk.selected'], { count: ids.length })}</p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{m['committee.reject.reason']}</label>
        <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as 'duplicate' | 'off_topic')}>
          <option value="duplicate">{m['committee.reject.reason.duplicate']}</option>
          <option value="off_topic">{m['committee.reject.reason.off_topic']}</option>
        </select>
      </div>
      <FeedbackFields id={`${id}-fb`} value={feedback} onChange={setFeedback} messages={m} showRequired={tried} />
      {problem && <p role="alert" className="problem">{problem}</p>}
      <button type="submit" className="primary">{m['committee.bulk.submit']}</button>
    </form>
  );
}
