/**
 * A row of a public view, from the generated `Database` type. PostgreSQL
 * reports every column of a view as nullable and every text as `text`,
 * whatever the tables underneath guarantee; a module names the columns its
 * view never leaves null and narrows the ones that hold a vocabulary.
 */
import type { Database } from './database.types.ts';

type Views = Database['public']['Views'];

/**
 * @example
 * type Call = ViewRow<'public_open_calls', 'join_code' | 'opens_at' | 'closes_at'>;
 * type Idea = ViewRow<'public_ideas', 'id', { theme: IdeaTheme }>;
 */
export type ViewRow<
  V extends keyof Views,
  NotNull extends keyof Views[V]['Row'] = never,
  Narrowed extends Partial<Record<keyof Views[V]['Row'], unknown>> = Record<never, never>,
> = Omit<Views[V]['Row'], NotNull | keyof Narrowed> & { [K in Exclude<NotNull, keyof Narrowed>]: NonNullable<Views[V]['Row'][K]> } & Narrowed;
