import { describe, expect, it } from 'vitest';
import { safeNext, signInHref } from '../../../src/lib/auth/safeNext.ts';

const fallback = '/sq/account/';

describe('?next= after sign-in', () => {
  it('keeps a path of this site with its query and hash', () => {
    expect(safeNext('/en/teachers/new/?activity=spot-the-fake-job-ad', fallback)).toBe('/en/teachers/new/?activity=spot-the-fake-job-ad');
    expect(safeNext('/sq/teachers/session/?id=1#x', fallback)).toBe('/sq/teachers/session/?id=1#x');
  });

  it('refuses anything that could leave the site', () => {
    for (const next of [
      'https://evil.example/',
      '//evil.example/sq/',
      '/\\evil.example/',
      '\\\\evil.example',
      'javascript:alert(1)',
      ' /sq/',
      '/sq/\n//evil.example',
      'sq/teachers/',
      '',
      null,
      undefined,
    ]) {
      expect(safeNext(next, fallback), String(next)).toBe(fallback);
    }
  });

  it.each([
    '/.//evil.example/x',
    '/..//evil.example/x',
    '/%2e%2e//evil.example/x',
    '/%2E%2E//evil.example/x',
    '/%2e//evil.example/x',
    '/.%2e//evil.example/x',
    '/sq/..//evil.example/x',
    '/sq/../..//evil.example/x',
    '/././/evil.example',
    '//evil',
    '///evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '/%5cevil.example',
    '/%5C%5Cevil.example',
    '/%2f%2fevil.example',
    '/%2F/evil.example',
    '/%252f%252fevil.example',
    '/.%2f/evil.example',
    '/\t/evil.example',
    '/\t\t/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%00/evil.example',
    '/%',
  ])('refuses %j, which resolves to or decodes into another host', (next) => {
    const value = next.replaceAll('\\t', '\t');
    expect(safeNext(value, fallback)).toBe(fallback);
    // Whatever comes back must stay on this origin when the browser resolves it.
    expect(new URL(safeNext(value, fallback), 'https://zeri.al').origin).toBe('https://zeri.al');
  });

  it('keeps paths with encoded letters of this site', () => {
    expect(safeNext('/sq/rajonet/kuk%C3%ABs/', fallback)).toBe('/sq/rajonet/kuk%C3%ABs/');
    expect(safeNext('/sq/rajonet/kukës/', fallback)).toBe('/sq/rajonet/kuk%C3%ABs/');
  });

  it('normalises dot segments instead of trusting them', () => {
    expect(safeNext('/sq/../en/teachers/', fallback)).toBe('/en/teachers/');
  });

  it('builds a sign-in link that round-trips through safeNext', () => {
    const here = '/en/teachers/new/?activity=a-b&x=1';
    const href = signInHref('/en/account/signin/', here);
    expect(href).toBe('/en/account/signin/?next=%2Fen%2Fteachers%2Fnew%2F%3Factivity%3Da-b%26x%3D1');
    expect(safeNext(new URL(href, 'https://zeri.al').searchParams.get('next'), fallback)).toBe(here);
  });
});
