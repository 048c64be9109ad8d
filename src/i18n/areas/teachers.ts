/**
 * UI strings of the teachers' area, kept in their own file so the teachers pages
 * can grow without touching the site-wide dictionaries. Spread into sq.ts/en.ts;
 * the English object is typed against the Albanian one (missing or extra key = type error).
 */
export const teachersSq = {} as const;

export const teachersEn = {} as const satisfies Record<keyof typeof teachersSq, string>;
