/**
 * Class-session join codes: 6 characters a teacher reads aloud or writes on
 * the board. The alphabet leaves out I, L and O so that what a child types
 * by mistake (O for 0, I or L for 1) can be mapped back.
 */

export const SESSION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SESSION_CODE_LENGTH = 6;

const SESSION_CODE = /^[0-9A-HJKMNP-Z]{6}$/;

/**
 * Uppercases, drops whitespace and dashes, then maps O→0, I→1, L→1.
 * Does not check the result; use {@link isSessionCode} for that.
 *
 * @example
 * normalizeSessionCode(' ab-c 1o2 '); // 'ABC102'
 * normalizeSessionCode('k7l-m9p');    // 'K71M9P'
 */
export function normalizeSessionCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** True when `value` is already a normalised, well-formed session code. */
export function isSessionCode(value: unknown): value is string {
  return typeof value === 'string' && SESSION_CODE.test(value);
}

/**
 * The link (and QR code content) that opens the join page with the code
 * filled in. `origin` may carry a base path (`https://example.org/zeri`).
 *
 * @example
 * joinUrl('https://zeri.al', 'sq', 'k7m 9pq'); // 'https://zeri.al/sq/ideas/?code=K7M9PQ'
 */
export function joinUrl(origin: string, locale: 'sq' | 'en', code: string): string {
  const normalised = normalizeSessionCode(code);
  if (!isSessionCode(normalised)) throw new RangeError(`Not a session code: ${code}`);
  const base = new URL(origin);
  const basePath = base.pathname.replace(/\/+$/, '');
  const url = new URL(`${basePath}/${locale}/ideas/`, base.origin);
  url.searchParams.set('code', normalised);
  return url.href;
}
