/**
 * The API layer's casing rule at the boundary: the database speaks
 * snake_case, islands get camelCase. `camelCased` converts the keys of what a
 * function or view returned; its type follows from the row's type.
 */

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `T` with every object key in camelCase, at every depth. */
export type CamelCased<T> = T extends ReadonlyArray<infer Item>
  ? Array<CamelCased<Item>>
  : T extends object
    ? { [K in keyof T as K extends string ? CamelCase<K> : K]: CamelCased<T[K]> }
    : T;

const camelKey = (key: string) => key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A copy of `value` with camelCase keys at every depth. Only for shapes
 * whose keys are column names: an object keyed by data (a theme, a free
 * jsonb document) must be mapped by hand.
 *
 * @example
 * camelCased({ join_code: 'K7M2QX', closes_at: null }); // { joinCode: 'K7M2QX', closesAt: null }
 */
export function camelCased<T>(value: T): CamelCased<T> {
  if (Array.isArray(value)) return value.map((item: unknown) => camelCased(item)) as CamelCased<T>;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [camelKey(key), camelCased(item)])) as CamelCased<T>;
  }
  return value as CamelCased<T>;
}
