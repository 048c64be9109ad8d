import type { InlineHashes } from './inlineHashes.ts';

export interface SecurityHeaderOptions {
  /** Hashes of the inline scripts and styles the built pages need (see `hashInlineContentOfSite`). */
  readonly inline: InlineHashes;
  /** `PUBLIC_SUPABASE_URL` when the API lives on another origin; its origin joins `connect-src`. */
  readonly supabaseUrl?: string | undefined;
}

/**
 * The Content-Security-Policy for every response. Scripts and styles come
 * from the site itself or are listed by hash: never 'unsafe-inline', so an
 * injected `<script>` or `onclick` in a child's idea cannot run.
 * @example contentSecurityPolicy({ inline: { scripts: [], styles: [] } })
 */
export function contentSecurityPolicy({ inline, supabaseUrl }: SecurityHeaderOptions): string {
  const connect = ["'self'"];
  if (supabaseUrl) {
    let origin: string;
    try {
      origin = new URL(supabaseUrl).origin;
    } catch {
      throw new Error(`PUBLIC_SUPABASE_URL is not a URL: ${JSON.stringify(supabaseUrl)}`);
    }
    if (origin === 'null') throw new Error(`PUBLIC_SUPABASE_URL has no origin: ${JSON.stringify(supabaseUrl)}`);
    connect.push(origin);
  }
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...inline.scripts]],
    ['style-src', ["'self'", ...inline.styles]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', connect],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Headers sent with every response of the portal, static or API. The same
 * set goes to static hosts through `public/_headers` (see `headersFile.ts`).
 */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Browsers that predate `frame-ancestors` (old phones in classrooms) still honour this one.
    'X-Frame-Options': 'DENY',
  };
}

/**
 * HSTS: browsers that once reached the portal over HTTPS never try plain
 * HTTP for it again for two years, so a network in the middle (school or
 * café Wi-Fi) cannot downgrade a teacher's sign-in. Sent only on responses
 * that went out over HTTPS (see `cameOverHttps`): over plain HTTP a browser
 * ignores it, and `npm start` on localhost must stay reachable by HTTP.
 */
export const strictTransportSecurity = { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } as const;

/**
 * Whether a request reached the portal over HTTPS: a TLS socket, or behind
 * a trusted proxy (`TRUST_PROXY=1`) whose `X-Forwarded-Proto` says https.
 * The rightmost value counts, as for `X-Forwarded-For`: the one the proxy set.
 */
export function cameOverHttps(req: { socket: object; headers: Record<string, string | string[] | undefined> }, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted === true) return true;
  const proto = req.headers['x-forwarded-proto'];
  if (!trustProxy || proto === undefined) return false;
  const last = (Array.isArray(proto) ? proto.join(',') : proto).split(',').at(-1)?.trim().toLowerCase();
  return last === 'https';
}

export interface CacheRule {
  /** A `_headers` path pattern: a literal prefix, optionally ending in `*`. */
  readonly pattern: string;
  readonly value: string;
}

/**
 * Cache rules shared by the Node server and `public/_headers`. Astro's
 * `/_astro/` files have a content hash in their name, so they never change;
 * pages that show or take children's ideas must never sit in a shared cache.
 */
export const cacheRules: readonly CacheRule[] = [
  { pattern: '/_astro/*', value: 'public, max-age=31536000, immutable' },
  { pattern: '/sq/ideas/*', value: 'no-store' },
  { pattern: '/en/ideas/*', value: 'no-store' },
];

/** What everything else gets: cache, but revalidate (cheap with the ETag). */
export const defaultCacheControl = 'no-cache';

/** Whether a `_headers` pattern (`/x/*` or a literal path) matches a URL path. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  return pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
}

/**
 * The `Cache-Control` for a URL path.
 * @example cacheControlFor('/_astro/client.Cd-EeyjT.js') // 'public, max-age=31536000, immutable'
 */
export function cacheControlFor(pathname: string): string {
  return cacheRules.find((rule) => matchesPattern(rule.pattern, pathname))?.value ?? defaultCacheControl;
}
