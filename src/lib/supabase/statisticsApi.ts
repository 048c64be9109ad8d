/**
 * The public statistics views, read anonymously: ideas per month, theme and
 * outcome (public_idea_statistics) and awareness lessons per activity
 * (public_activity_statistics). Counts under 10 are already null in the
 * database. Rows come back in camelCase; failures as ApiError.
 */
import { anonClient, type AnonClient } from './anonClient.ts';
import { toApiError } from './apiError.ts';
import { camelCased, type CamelCased } from './camelCase.ts';
import type { ViewRow } from './viewRow.ts';

type IdeaRow = ViewRow<'public_idea_statistics', 'scope' | 'key', { kind: 'month' | 'theme' | 'total' }>;
type ActivityRow = Pick<ViewRow<'public_activity_statistics', 'key' | 'sessions_run' | 'sessions_with_count'>, 'key' | 'sessions_run' | 'sessions_with_count' | 'students_present' | 'ideas'>;

export type IdeaStatisticsRow = CamelCased<IdeaRow>;
export type ActivityStatisticsRow = CamelCased<ActivityRow>;

/** The columns of public_idea_statistics, in the order the open-data export writes them. */
export const ideaStatisticsColumns = 'scope,kind,key,submitted,published,adopted,median_days';

/** One region's rows, or with `'all'` the country's and every region's. */
export async function ideaStatistics(scope: string, client: AnonClient = anonClient()): Promise<IdeaStatisticsRow[]> {
  const request = client.from('public_idea_statistics').select(ideaStatisticsColumns);
  const answer = await (scope === 'all' ? request : request.eq('scope', scope));
  if (answer.error) throw toApiError(answer);
  return camelCased(answer.data as IdeaRow[]);
}

/** Lessons run, students present and ideas sent per activity of the library, in a region or (`'all'`) the country. */
export async function activityStatistics(scope: string, client: AnonClient = anonClient()): Promise<ActivityStatisticsRow[]> {
  const answer = await client
    .from('public_activity_statistics')
    .select('key,sessions_run,sessions_with_count,students_present,ideas')
    .eq('kind', 'activity')
    .eq('scope', scope);
  if (answer.error) throw toApiError(answer);
  return camelCased(answer.data as ActivityRow[]);
}
