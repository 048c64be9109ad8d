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
