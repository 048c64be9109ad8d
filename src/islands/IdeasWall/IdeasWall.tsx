/**
 * Published ideas (approved or adopted, author said yes), filterable by
 * theme and paged, with the numbers per theme. Loaded from the public
 * view when the wall scrolls into view; the page around it is static.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { ideaThemes, type IdeaTheme } from '../../lib/schemas/idea.ts';
import { publicIdeaCountsByTheme, publicIdeas, type PublicIdea } from '../../lib/supabase/publicIdeas.ts';
import type { IdeasWallMessages } from './messages.ts';
import { ThemeChart } from './ThemeChart.tsx';
import './ideasWall.css';
import { formatMonth } from '../../lib/formatDate.ts';

export interface IdeasWallProps {
  locale: 'sq' | 'en';
  messages: IdeasWallMessages;
  /** A region's wall; without it, the national wall. */
  region?: string | undefined;
  /** Region names, shown on the national wall. */
  regionNames: Record<string, string>;
  pageSize?: number;
}

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; ideas: PublicIdea[]; total: number };

export default function IdeasWall({ locale, messages: m, region, regionNames, pageSize = 10 }: IdeasWallProps) {
  const id = useId();
  const [theme, setTheme] = useState<IdeaTheme | ''>('');
  const [page, setPage] = useState(0);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [counts, setCounts] = useState<Record<IdeaTheme, number>>();
  const [attempt, setAttempt] = useState(0);
  const status = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    let current = true;
    setLoad({ state: 'loading' });
    publicIdeas({ region, theme: theme || undefined, page, pageSize }).then(
      (result) => current && setLoad({ state: 'ready', ...result }),
      () => current && setLoad({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [region, theme, page, pageSize, attempt]);

  useEffect(() => {
    publicIdeaCountsByTheme(region).then(setCounts, () => setCounts(undefined));
  }, [region, attempt]);

  // After "next"/"previous", keyboard users continue from the page status, not the button.
  useEffect(() => {
    if (moved.current && load.state === 'ready') {
      moved.current = false;
      status.current?.focus();
    }
  }, [load]);

  const goTo = useCallback((next: number) => {
    moved.current = true;
    setPage(next);
  }, []);

  const month = (iso: string) => formatMonth(locale, iso, 'utc');
  const pages = load.state === 'ready' ? Math.max(1, Math.ceil(load.total / pageSize)) : 1;

  return (
    <div className="ideas-wall">
      <div className="wall-filter">
        <label htmlFor={`${id}-theme`}>{m['wall.filterLabel']}</label>
        <select
          id={`${id}-theme`}
          value={theme}
          onChange={(event) => {
            setTheme(event.target.value as IdeaTheme | '');
            setPage(0);
          }}
        >
          <option value="">{m['wall.allThemes']}</option>
          {ideaThemes.map((value) => (
            <option key={value} value={value}>
              {m[`theme.${value}`]}
            </option>
          ))}
        </select>
      </div>

      <p ref={status} tabIndex={-1} role="status" className="wall-status">
        {load.state === 'loading' && m['wall.loading']}
        {load.state === 'ready' &&
          (load.total === 0
            ? m['wall.empty']
            : `${formatMessage(m['wall.total'], { count: load.total })} · ${formatMessage(m['wall.page'], { page: page + 1, pages })}`)}
      </p>
      {load.state === 'failed' && (
        <div className="wall-failed">
          <p role="alert">{m['wall.failed']}</p>
          <button type="button" className="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {m['wall.retry']}
          </button>
        </div>
      )}

      {load.state === 'ready' && load.ideas.length > 0 && (
        <ul className="wall-list" aria-label={m['wall.listLabel']}>
          {load.ideas.map((idea) => (
            <li key={idea.id} className="card wall-idea">
              <p className="meta">
                <span className="badge badge-theme">{m[`theme.${idea.theme}`]}</span> {month(idea.month)}
                {!region && ` · ${regionNames[idea.region] ?? idea.region}`}
              </p>
              <p className="wall-text user-text" dir="auto">{idea.publicText}</p>
              {idea.status === 'adopted' && (
                <p className="wall-adopted">
                  <strong>{m['wall.adopted']}</strong>
                  {idea.activities.length > 0 && (
                    <>
                      {' '}
                      {m['wall.feeds']} {idea.activities.map((activity) => activity.title).join('; ')}
                    </>
                  )}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}

      {load.state === 'ready' && pages > 1 && (
        <div className="actions wall-pager">
          <button type="button" className="button-secondary" disabled={page === 0} onClick={() => goTo(page - 1)}>
            {m['wall.previous']}
          </button>
          <button type="button" className="button-secondary" disabled={page + 1 >= pages} onClick={() => goTo(page + 1)}>
            {m['wall.next']}
          </button>
        </div>
      )}

      {counts && <ThemeChart m={m} counts={counts} id={`${id}-chart`} />}
    </div>
  );
}
