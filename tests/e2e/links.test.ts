import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDistDir, discoverPages, resolvePath, scanTags, urlPathOf } from './builtSite.ts';

// Absolute links to the site's own origin (canonical, hreflang, sitemap,
// RSS) are internal too; astro.config.mjs builds them from SITE_URL.
const siteOrigin = new URL(process.env['SITE_URL'] ?? 'http://localhost:4321').origin;
const base = 'http://zeri.invalid';

const urlAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
};

interface Reference {
  readonly from: string;
  readonly ref: string;
}

function referencesInHtml(html: string): string[] {
  const refs: string[] = [];
  for (const tag of scanTags(html)) {
    for (const name of urlAttributes[tag.name] ?? []) {
      const value = tag.attrs.get(name);
      if (value === undefined) continue;
      if (name === 'srcset') refs.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean));
      else refs.push(value.trim());
    }
    if (tag.name === 'meta' && tag.attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
      const target = tag.attrs.get('content')?.match(/url\s*=\s*['"]?([^'"\s]+)/i)?.[1];
      if (target) refs.push(target);
    }
  }
  return refs;
}

function referencesInXml(xml: string): string[] {
  return [...xml.matchAll(/<(loc|link|guid)\b[^>]*>\s*([^<\s]+)\s*<\/\1>|<(?:atom:)?link\b[^>]*\bhref="([^"]+)"/g)].map((match) => match[2] ?? match[3] ?? '');
}

function referencesInCss(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((match) => match[2] ?? '').filter((ref) => !ref.startsWith('data:'));
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(dir, file).split(sep).some((part) => part.startsWith('.')));
}

const idCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set();
    for (const tag of scanTags(readFileSync(file, 'utf8'))) {
      const id = tag.attrs.get('id') ?? (tag.name === 'a' ? tag.attrs.get('name') : undefined);
      if (id !== undefined) ids.add(id);
    }
    idCache.set(file, ids);
  }
  return ids;
}

/** Why a reference from `fromPath` is broken, or undefined when it resolves. */
function problemWith(distDir: string, fromPath: string, ref: string): string | undefined {
  if (ref === '' || /^(mailto|tel|sms|data|blob):/i.test(ref)) return undefined;
  if (/^javascript:/i.test(ref)) return 'javascript: URL (blocked by the CSP)';
  let url: URL;
  try {
    url = new URL(ref, new URL(fromPath, base));
  } catch {
    return 'not a valid URL';
  }
  if (url.origin !== base && url.origin !== siteOrigin) return undefined;
  const resolved = resolvePath(distDir, url.pathname);
  if (!resolved) return 'no such file in dist/';
  if ('redirect' in resolved) return `missing trailing slash (the server redirects to ${resolved.redirect})`;
  const fragment = url.hash.slice(1);
  if (fragment && fragment !== 'top' && resolved.file.endsWith('.html')) {
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      return `fragment #${fragment} is not valid percent-encoding`;
    }
    if (!idsOf(resolved.file).has(id)) return `no element with id="${id}" on ${url.pathname}`;
  }
  return undefined;
}

const builtPages = discoverPages(defaultDistDir);

describe('internal links of the built site', () => {
  it('has a built site to check (run `npm run build` first)', () => {
    expect(builtPages.length, `no pages in ${defaultDistDir}`).toBeGreaterThan(0);
  });

  it.skipIf(builtPages.length === 0)('every internal href, src and srcset in dist/ resolves, fragments included', () => {
    const broken: Array<Reference & { reason: string }> = [];
    let checked = 0;
    for (const file of allFiles(defaultDistDir)) {
      const fromPath = urlPathOf(defaultDistDir, file);
      const text = () => readFileSync(file, 'utf8');
      const refs = file.endsWith('.html') ? referencesInHtml(text()) : file.endsWith('.xml') ? referencesInXml(text()) : file.endsWith('.css') ? referencesInCss(text()) : [];
      for (const ref of refs) {
        checked++;
        const reason = problemWith(defaultDistDir, fromPath, ref);
        if (reason) broken.push({ from: fromPath, ref, reason });
      }
    }
    expect(checked, 'no links found at all: is the scanner broken?').toBeGreaterThan(0);
    const lines = broken.map((link) => `${link.from} → ${link.ref}: ${link.reason}`);
    expect(lines, `${broken.length} broken internal links:\n${lines.join('\n')}`).toEqual([]);
  });
});

describe('the link checker itself', () => {
  it('reports a missing page, a missing fragment and a missing trailing slash, and accepts good links', async () => {
    const { createFixtureSite } = await import('./fixtureSite.ts');
    const dist = await createFixtureSite();
    expect(problemWith(dist, '/sq/', '/en/')).toBeUndefined();
    expect(problemWith(dist, '/sq/', '../en/')).toBeUndefined();
    expect(problemWith(dist, '/sq/', `${siteOrigin}/en/`)).toBeUndefined();
    expect(problemWith(dist, '/sq/', 'https://example.org/nowhere/')).toBeUndefined();
    expect(problemWith(dist, '/sq/', '/en/missing/')).toBe('no such file in dist/');
    expect(problemWith(dist, '/sq/', '/en')).toMatch(/trailing slash/);
    expect(problemWith(dist, '/sq/', '/robots.txt/')).toBe('no such file in dist/');
    expect(problemWith(dist, '/sq/', '/en/#nowhere')).toMatch(/no element with id="nowhere"/);
    expect(referencesInHtml('<img srcset="/a.png 1x, /b.png 2x" src="/c.png"><!-- <a href="/hidden/"> --><script>const a = "<a href=/x/>"</script>').sort()).toEqual(['/a.png', '/b.png', '/c.png']);
  });
});
