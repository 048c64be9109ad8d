/**
 * The page to return to after signing in, taken from `?next=`. Only paths of
 * this site are accepted, so a crafted link cannot send a teacher who just
 * typed their password to another site (an open redirect).
 */

const base = 'https://same.site.invalid';

/** A path that the URL parser, the browser or a later decode could read as another host. */
function leavesSite(pathname: string): boolean {
  let decoded = pathname;
  // Decode until stable (at most a few rounds), so `%252f` is judged like `/`.
  for (let round = 0; round < 4; round++) {
    if (decoded.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(decoded)) return true;
    // Dot segments that only appear once decoded (`/.%2f/evil`) resolve again.
    if (new URL(decoded, base).pathname.startsWith('//')) return true;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return true;
    }
    if (next === decoded) return false;
    decoded = next;
  }
  return true;
}

/**
 * `next` when it is a path on this site (with its query and hash), else `fallback`.
 *
 * The decision is made on the URL the browser would resolve, not on the
 * string: `/.//evil.example/x`, `/..//evil.example/x` and
 * `/%2e%2e//evil.example/x` all start with one slash but resolve to the path
 * `//evil.example/x`, which `location.assign` reads as another host.
 *
 * @example
 * safeNext('/sq/teachers/new/?activity=x', '/sq/teachers/'); // '/sq/teachers/new/?activity=x'
 * safeNext('//evil.example/sq/', '/sq/teachers/');           // '/sq/teachers/'
 * safeNext('/.//evil.example/x', '/sq/teachers/');           // '/sq/teachers/'
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || leavesSite(url.pathname)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The answer itself must resolve to this site too (it is what the browser gets).
  return new URL(path, base).origin === base && !path.startsWith('//') ? path : fallback;
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
