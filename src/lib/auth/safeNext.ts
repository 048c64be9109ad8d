/**
 * The page to return to after signing in, taken from `?next=`. Only paths of
 * this site are accepted, so a crafted link cannot send a teacher who just
 * typed their password to another site (an open redirect).
 */

/**
 * `next` when it is a path on this site (with its query and hash), else `fallback`.
 *
 * @example
 * safeNext('/sq/teachers/new/?activity=x', '/sq/teachers/'); // '/sq/teachers/new/?activity=x'
 * safeNext('//evil.example/sq/', '/sq/teachers/');           // '/sq/teachers/'
 * safeNext('https://evil.example/', '/sq/teachers/');        // '/sq/teachers/'
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f]/.test(next)) return fallback;
  const base = 'https://same.site.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The sign-in page with `?next=` set to `here` (a path with its query).
 *
 * @example signInHref('/en/account/signin/', '/en/teachers/new/?activity=x')
 * // '/en/account/signin/?next=%2Fen%2Fteachers%2Fnew%2F%3Factivity%3Dx'
 */
export function signInHref(signInPath: string, here: string): string {
  return `${signInPath}?${new URLSearchParams({ next: here }).toString()}`;
}
