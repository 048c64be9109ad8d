// The home page's "latest campaigns" are campaigns that have started when the
// site was built; those dated later are listed as coming up, saying so.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDistDir } from './builtSite.ts';

function section(html: string, headingId: string): string {
  const start = html.indexOf(`id="${headingId}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
}

const datesIn = (html: string) => [...html.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((match) => match[1] as string);

describe.each(['sq', 'en'] as const)('/%s/ home page campaigns', (locale) => {
  const file = join(defaultDistDir, locale, 'index.html');
  const html = readFileSync(file, 'utf8');
  // The build's day: the page was written then.
  const built = statSync(file).mtime.toISOString().slice(0, 10);

  it('lists as latest only campaigns that had started, and the coming ones apart', () => {
    const latest = datesIn(section(html, 'latest-title'));
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.filter((day) => day > built)).toEqual([]);
    expect(datesIn(section(html, 'upcoming-title')).filter((day) => day <= built)).toEqual([]);
  });

  it('separates the meta line parts with a space after each dot', () => {
    expect(html).not.toMatch(/·<time/);
    expect(html).not.toMatch(/·\S/);
  });
});
