import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalServer } from '../../src/server/createPortalServer.ts';
import { parseHeadersFile, headersForPath } from '../../src/server/headersFile.ts';
import { hashInlineContent } from '../../src/server/inlineHashes.ts';
import { startPortal } from './browser.ts';
import type { RunningPortal } from './browser.ts';
import { defaultDistDir, discoverPages } from './builtSite.ts';
import { createFixtureSite, fixtureInlineScript, fixtureInlineStyle } from './fixtureSite.ts';
import { rawRequest } from './http.ts';

const securityHeaderNames = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'x-frame-options',
];

function directives(csp: string | undefined): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('portal server on a fixture site', () => {
  let dist: string;
  let portal: RunningPortal;
  beforeAll(async () => {
    dist = await createFixtureSite();
    portal = await startPortal({ distDir: dist, stack: false });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('sends the security headers on pages, assets, redirects, 404s and 405s', async () => {
    for (const [path, method, status] of [
      ['/sq/', 'GET', 200],
      ['/_astro/app.Ab12Cd34.js', 'GET', 200],
      ['/sq/ideas', 'GET', 301],
      ['/sq/nothing-here/', 'GET', 404],
      ['/sq/', 'POST', 405],
      ['/sq/', 'HEAD', 200],
    ] as const) {
      const res = await rawRequest(portal.url, path, method);
      expect(res.status, `${method} ${path}`).toBe(status);
      for (const name of securityHeaderNames) expect(res.headers[name], `${name} on ${method} ${path}`).toBeTruthy();
      expect(res.headers['server'], `Server on ${path}`).toBeUndefined();
      expect(res.headers['x-powered-by'], `X-Powered-By on ${path}`).toBeUndefined();
    }
  });

  it('has a CSP that allows only its own origin and the hashed inline scripts', async () => {
    const res = await rawRequest(portal.url, '/sq/');
    const csp = directives(res.headers['content-security-policy'] as string);
    const hashes = hashInlineContent(`<script>${fixtureInlineScript}</script><style>${fixtureInlineStyle}</style>`);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", ...hashes.scripts]);
    expect(csp.get('style-src')).toEqual(["'self'", ...hashes.styles]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=(), interest-cohort=()');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('adds the PUBLIC_SUPABASE_URL origin to connect-src', async () => {
    const other = await startPortal({ distDir: dist, stack: false, env: { PUBLIC_SUPABASE_URL: 'https://abcd.supabase.co/rest/v1' } });
    try {
      const res = await rawRequest(other.url, '/sq/');
      expect(directives(res.headers['content-security-policy'] as string).get('connect-src')).toEqual(["'self'", 'https://abcd.supabase.co']);
    } finally {
      await other.stop();
    }
  });

  it('caches hashed assets for a year, revalidates pages and never stores the ideas pages', async () => {
    expect((await rawRequest(portal.url, '/_astro/app.Ab12Cd34.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await rawRequest(portal.url, '/sq/')).headers['cache-control']).toBe('no-cache');
    expect((await rawRequest(portal.url, '/robots.txt')).headers['cache-control']).toBe('no-cache');
    expect((await rawRequest(portal.url, '/sq/ideas/')).headers['cache-control']).toBe('no-store');
    expect((await rawRequest(portal.url, '/en/ideas/')).headers['cache-control']).toBe('no-store');
  });

  it('serves directory indexes with the right content types', async () => {
    const page = await rawRequest(portal.url, '/sq/');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body.toString()).toContain('<html lang="sq">');
    expect((await rawRequest(portal.url, '/_astro/site.Ef56Gh78.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await rawRequest(portal.url, '/_astro/app.Ab12Cd34.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawRequest(portal.url, '/robots.txt')).headers['content-type']).toBe('text/plain; charset=utf-8');
    expect((await rawRequest(portal.url, '/logo.png')).headers['content-type']).toBe('image/png');
  });

  it('redirects a directory without its trailing slash, keeping the query', async () => {
    const res = await rawRequest(portal.url, '/sq/ideas?from=home');
    expect(res.status).toBe(301);
    expect(res.headers['location']).toBe('/sq/ideas/?from=home');
    const doubled = await rawRequest(portal.url, '//sq//ideas');
    expect(doubled.headers['location']).toBe('/sq/ideas/');
  });

  it('answers a missing page with 404.html and status 404', async () => {
    const res = await rawRequest(portal.url, '/en/no-such-page/');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body.toString()).toContain('<h1>Not found</h1>');
    expect((await rawRequest(portal.url, '/robots.txt/')).status).toBe(404);
  });

  it('refuses directory traversal and never serves files outside dist', async () => {
    for (const path of ['/../secret.txt', '/sq/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/sq/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/leak.txt', '/.prerender/chunk.mjs', '/_headers', '/%00/../secret.txt', '/%E0%A4%A']) {
      const res = await rawRequest(portal.url, path);
      expect([400, 404], `${path} answered ${res.status}`).toContain(res.status);
      expect(res.body.toString(), path).not.toContain('TOP SECRET');
      expect(res.body.toString(), path).not.toContain('export {}');
    }
  });

  it('answers HEAD with the GET headers and no body', async () => {
    const get = await rawRequest(portal.url, '/sq/');
    const head = await rawRequest(portal.url, '/sq/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers['etag']).toBe(get.headers['etag']);
  });

  it('answers other methods with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await rawRequest(portal.url, '/sq/', method);
      expect(res.status, method).toBe(405);
      expect(res.headers['allow']).toBe('GET, HEAD');
    }
  });

  it('compresses text with brotli or gzip and answers revalidation with 304', async () => {
    const plain = await rawRequest(portal.url, '/_astro/app.Ab12Cd34.js');
    const br = await rawRequest(portal.url, '/_astro/app.Ab12Cd34.js', 'GET', { 'Accept-Encoding': 'gzip, deflate, br' });
    const gz = await rawRequest(portal.url, '/_astro/app.Ab12Cd34.js', 'GET', { 'Accept-Encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body)).toEqual(plain.body);
    expect(br.body.length).toBeLessThan(plain.body.length);
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect((await rawRequest(portal.url, '/logo.png', 'GET', { 'Accept-Encoding': 'br' })).headers['content-encoding']).toBeUndefined();
    const revalidated = await rawRequest(portal.url, '/sq/', 'GET', { 'If-None-Match': plain.headers['etag'] === undefined ? '' : String((await rawRequest(portal.url, '/sq/')).headers['etag']) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });
});

describe('portal server mounts and shutdown', () => {
  it('offers requests to mounts first, with security headers, and falls through to the site', async () => {
    const dist = await createFixtureSite();
    const portal = await createPortalServer({
      distDir: dist,
      mounts: [
        async (req, res) => {
          if (!req.url?.startsWith('/rest/v1/')) return false;
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('{"ok":true}');
          return true;
        },
      ],
    });
    const url = await portal.listen(0, '127.0.0.1');
    try {
      const api = await rawRequest(url, '/rest/v1/ideas', 'POST');
      expect(api.status).toBe(200);
      expect(api.body.toString()).toBe('{"ok":true}');
      expect(api.headers['content-security-policy']).toBeTruthy();
      expect(api.headers['x-content-type-options']).toBe('nosniff');
      expect((await rawRequest(url, '/sq/')).status).toBe(200);
    } finally {
      await portal.close();
    }
  });

  it('finishes in-flight requests on close, refuses new ones, then calls onClose', async () => {
    const dist = await createFixtureSite();
    const events: string[] = [];
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    const portal = await createPortalServer({
      distDir: dist,
      mounts: [
        async (req, res) => {
          if (req.url !== '/slow') return false;
          entered();
          await new Promise((resolve) => setTimeout(resolve, 300));
          res.end('done');
          events.push('slow answered');
          return true;
        },
      ],
      onClose: async () => {
        events.push('onClose');
      },
    });
    const url = await portal.listen(0, '127.0.0.1');
    const slow = rawRequest(url, '/slow');
    await inFlight;
    const closed = portal.close();
    await expect(rawRequest(url, '/sq/')).rejects.toThrow(/ECONNREFUSED/);
    expect((await slow).body.toString()).toBe('done');
    await closed;
    expect(events).toEqual(['slow answered', 'onClose']);
  });

  it('start.ts stops with exit code 0 on SIGTERM and refuses a port in use', async () => {
    const dist = await createFixtureSite();
    const portal = await startPortal({ distDir: dist, stack: false });
    const port = new URL(portal.url).port;
    const blocked = await startPortal({ distDir: dist, stack: false, env: { PORT: port } }).then(
      async (second) => {
        await second.stop();
        return false;
      },
      () => true,
    );
    expect(blocked).toBe(true);
    expect(await portal.stop()).toBe(0);
    expect(portal.output()).toContain('SIGTERM');
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(Number(port), '127.0.0.1', () => resolve()));
    probe.close();
  });
});

const builtPages = discoverPages(defaultDistDir);
const headersFile = resolve(import.meta.dirname, '../../public/_headers');

it('has a built site to check (run `npm run build` first)', () => {
  expect(builtPages.length, `no pages in ${defaultDistDir}`).toBeGreaterThan(0);
});

describe.skipIf(builtPages.length === 0)('the built site and public/_headers', () => {
  let portal: RunningPortal;
  beforeAll(async () => {
    portal = await startPortal({ stack: false });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('public/_headers sends the same headers as the server for every page and asset', async () => {
    expect(existsSync(headersFile), 'public/_headers is missing: run `node src/server/headersFile.ts` after a build').toBe(true);
    const rules = parseHeadersFile(readFileSync(headersFile, 'utf8'));
    const assets = readFileSync(builtPages.find((page) => page.path === '/sq/')?.file ?? builtPages[0]!.file, 'utf8').match(/\/_astro\/[^"')\s]+/g) ?? [];
    const paths = [...builtPages.filter((page) => page.kind !== 'notFound').map((page) => page.path), ...new Set(assets), '/sq/ideas/', '/en/ideas/'];
    const mismatches: string[] = [];
    for (const path of paths) {
      const res = await rawRequest(portal.url, path);
      const expected = headersForPath(rules, path);
      for (const name of securityHeaderNames) {
        const fromFile = Object.entries(expected).find(([key]) => key.toLowerCase() === name)?.[1];
        if (res.headers[name] !== fromFile) mismatches.push(`${path} ${name}:\n  server: ${String(res.headers[name])}\n  _headers: ${String(fromFile)}`);
      }
      const fileCache = Object.entries(expected).find(([key]) => key.toLowerCase() === 'cache-control')?.[1];
      if (fileCache !== undefined && res.status === 200 && fileCache !== res.headers['cache-control']) {
        mismatches.push(`${path} cache-control: server ${String(res.headers['cache-control'])}, _headers ${fileCache}`);
      }
    }
    expect(mismatches, `public/_headers is out of date; regenerate it with \`npm run build && node src/server/headersFile.ts\`:\n${mismatches.slice(0, 5).join('\n')}`).toEqual([]);
  });

  it('keeps every _headers line within the 2000 characters Cloudflare Pages accepts', () => {
    const long = readFileSync(headersFile, 'utf8').split('\n').filter((line) => line.length > 2000);
    expect(long.map((line) => line.slice(0, 60))).toEqual([]);
  });

  it('answers an unknown page with status 404 and the site 404 page', async () => {
    for (const path of ['/sq/kjo-faqe-nuk-ekziston/', '/en/this-page-does-not-exist/']) {
      const res = await rawRequest(portal.url, path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body.toString(), path).toMatch(/<h1\b/);
    }
  });
});
