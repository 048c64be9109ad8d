import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalServer, type PortalServer } from '../../../src/server/createPortalServer.ts';
import { headersForPath, parseHeadersFile, renderHeadersFile } from '../../../src/server/headersFile.ts';
import { cameOverHttps } from '../../../src/server/securityHeaders.ts';
import { createFixtureSite } from '../../e2e/fixtureSite.ts';
import { rawRequest } from '../../e2e/http.ts';

const hsts = 'max-age=63072000; includeSubDomains';

describe('Strict-Transport-Security from the portal server', () => {
  const portals: PortalServer[] = [];
  const urls: Record<'trusting' | 'direct', string> = { trusting: '', direct: '' };
  beforeAll(async () => {
    const dist = await createFixtureSite();
    for (const [name, trustProxy] of [['trusting', true], ['direct', false]] as const) {
      const portal = await createPortalServer({ distDir: dist, trustProxy });
      portals.push(portal);
      urls[name] = await portal.listen(0, '127.0.0.1');
    }
  });
  afterAll(async () => {
    await Promise.all(portals.map((portal) => portal.close()));
  });

  it('is sent behind a trusted proxy that says the request came over HTTPS', async () => {
    for (const proto of ['https', 'http, https', 'HTTPS']) {
      expect((await rawRequest(urls.trusting, '/sq/', 'GET', { 'X-Forwarded-Proto': proto })).headers['strict-transport-security'], proto).toBe(hsts);
    }
    expect((await rawRequest(urls.trusting, '/nowhere/', 'GET', { 'X-Forwarded-Proto': 'https' })).headers['strict-transport-security']).toBe(hsts);
  });

  it('is not sent over plain HTTP, nor on a client\'s word when no proxy is trusted', async () => {
    expect((await rawRequest(urls.trusting, '/sq/')).headers['strict-transport-security']).toBeUndefined();
    expect((await rawRequest(urls.trusting, '/sq/', 'GET', { 'X-Forwarded-Proto': 'https, http' })).headers['strict-transport-security']).toBeUndefined();
    expect((await rawRequest(urls.direct, '/sq/', 'GET', { 'X-Forwarded-Proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
  });

  it('counts a TLS socket as HTTPS whatever the headers say', () => {
    expect(cameOverHttps({ socket: { encrypted: true }, headers: {} }, false)).toBe(true);
    expect(cameOverHttps({ socket: {}, headers: { 'x-forwarded-proto': 'https' } }, false)).toBe(false);
  });
});

describe('Strict-Transport-Security for static hosts', () => {
  it('is in every path of the generated _headers', () => {
    const rules = parseHeadersFile(renderHeadersFile({ 'X-Content-Type-Options': 'nosniff' }));
    expect(headersForPath(rules, '/sq/')['Strict-Transport-Security']).toBe(hsts);
  });

  it('is in public/_headers, which the build copies to dist/_headers', () => {
    const rules = parseHeadersFile(readFileSync(new URL('../../../public/_headers', import.meta.url), 'utf8'));
    for (const path of ['/sq/', '/_astro/app.js', '/en/ideas/']) expect(headersForPath(rules, path)['Strict-Transport-Security'], path).toBe(hsts);
  });
});
