/**
 * Reads of the `public_ideas` view for the ideas wall: only approved or
 * adopted ideas whose author said yes to publishing, with the moderator's
 * public text, theme, region and month.
 */
import { ideaThemes, type IdeaTheme } from '../schemas/idea.ts';
import { anonClient, type AnonClient } from './anonClient.ts';
import { ApiError, apiErrorCode } from './apiError.ts';
import type { ViewRow } from './viewRow.ts';

export interface PublicIdea {
  id: string;
  region: string;
  theme: IdeaTheme;
  publicText: string;
  /** First day of the month, `YYYY-MM-DD`. */
  month: string;
  status: 'approved' | 'adopted';
  activities: Array<{ id: string; title: string }>;
}

export interface PublicIdeasQuery {
  region?: string | undefined;
  theme?: IdeaTheme | undefined;
  /** Zero-based. */
  page: number;
  pageSize: number;
}

// `activities` is jsonb (`Json` in the generated type): the view builds it as below.
type Row = ViewRow<
  'public_ideas',
  'id' | 'region' | 'public_text' | 'month',
  { theme: IdeaTheme; status: 'approved' | 'adopted'; activities: Array<{ id: string; title: string }> | null }
>;

/** One page of published ideas, newest month first, and how many match in all. */
export async function publicIdeas(query: PublicIdeasQuery, client?: AnonClient): Promise<{ ideas: PublicIdea[]; total: number }> {
  const from = query.page * query.pageSize;
  let request = (client ?? anonClient())
    .from('public_ideas')
    .select('id,region,theme,public_text,month,status,activities', { count: 'exact' });
  if (query.region) request = request.eq('region', query.region);
  if (query.theme) request = request.eq('theme', query.theme);
  const { data, error, status, count } = await request
    .order('month', { ascending: false })
    .order('id')
    .range(from, from + query.pageSize - 1);
  if (error) throw new ApiError(apiErrorCode({ error, status }), status, error.message);
  const ideas = (data as Row[]).map((row) => ({
    id: row.id,
    region: row.region,
    theme: row.theme,
    publicText: row.public_text,
    month: row.month,
    status: row.status,
    activities: row.activities ?? [],
  }));
  return { ideas, total: count ?? ideas.length };
}

/**
 * Published ideas per theme. Each count is a HEAD request: nothing but a
 * number crosses the network, however many ideas there are.
 */
export async function publicIdeaCountsByTheme(region?: string, client?: AnonClient): Promise<Record<IdeaTheme, number>> {
  const api = client ?? anonClient();
  const counts = await Promise.all(
    ideaThemes.map(async (theme) => {
      let request = api.from('public_ideas').select('id', { count: 'exact', head: true }).eq('theme', theme);
      if (region) request = request.eq('region', region);
      const { error, status, count } = await request;
      if (error) throw new ApiError(apiErrorCode({ error, status }), status, error.message);
      return [theme, count ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<IdeaTheme, number>;
}
