/**
 * UI strings of the committees' area, kept in their own file so the committees pages
 * can grow without touching the site-wide dictionaries. Spread into sq.ts/en.ts;
 * the English object is typed against the Albanian one (missing or extra key = type error).
 */
export const committeesSq = {} as const;

export const committeesEn = {} as const satisfies Record<keyof typeof committeesSq, string>;
