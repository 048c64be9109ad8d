// What the browser, link and budget tests know about a built site: its pages
// and the tags in them. Plain Node, no DOM, so `bench/pages.ts` can use it too.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** `dist/`, or `DIST_DIR` to check a build made elsewhere (`astro build --outDir …`). */
export const defaultDistDir = resolve(process.env['DIST_DIR'] ?? resolve(import.meta.dirname, '../../dist'));

export interface Tag {
  readonly name: string;
  readonly attrs: ReadonlyMap<string, string>;
}

export type PageKind = 'page' | 'redirect' | 'notFound';

export interface BuiltPage {
  /** URL path, `/sq/regions/`; `/404.html` style for error pages. */
  readonly path: string;
  readonly file: string;
  readonly kind: PageKind;
  /** `sq` or `en` from the first path segment, when there is one. */
  readonly locale: 'sq' | 'en' | undefined;
  /** For a redirect page, where its meta refresh points. */
  readonly redirectTo?: string | undefined;
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the character references that appear in attribute values. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return entities[ref.toLowerCase()] ?? whole;
  });
}

const tagPattern = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const attrPattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Every start tag of an HTML document with its attributes (names lowercased,
 * values decoded). Comments and the bodies of `<script>`/`<style>` are skipped.
 * @example scanTags('<a href="/sq/">x</a>')[0]?.attrs.get('href') // '/sq/'
 */
export function scanTags(html: string): Tag[] {
  const source = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style|textarea|title)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
  const tags: Tag[] = [];
  for (const [, name = '', attributes = ''] of source.matchAll(tagPattern)) {
    const attrs = new Map<string, string>();
    for (const [, attrName = '', double, single, bare] of attributes.matchAll(attrPattern)) {
      const key = attrName.toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(double ?? single ?? bare ?? ''));
    }
    tags.push({ name: name.toLowerCase(), attrs });
  }
  return tags;
}

function redirectTarget(tags: readonly Tag[]): string | undefined {
  const refresh = tags.find((tag) => tag.name === 'meta' && tag.attrs.get('http-equiv')?.toLowerCase() === 'refresh');
  return refresh?.attrs.get('content')?.match(/url\s*=\s*['"]?([^'"\s]+)/i)?.[1];
}

function listHtml(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(dir, file).split(sep).some((part) => part.startsWith('.')))
    .sort();
}

/** The URL path that serves a file of `dist/`: `sq/index.html` → `/sq/`. */
export function urlPathOf(distDir: string, file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

/**
 * Every HTML page of a built site, classified: normal pages, redirect stubs
 * (a meta refresh, like the root `/`), and 404 pages.
 */
export function discoverPages(distDir: string = defaultDistDir): BuiltPage[] {
  if (!existsSync(join(distDir, 'index.html')) && !existsSync(join(distDir, 'sq'))) return [];
  return listHtml(distDir).map((file) => {
    const path = urlPathOf(distDir, file);
    const first = path.split('/')[1];
    const locale = first === 'sq' || first === 'en' ? first : undefined;
    const redirectTo = redirectTarget(scanTags(readFileSync(file, 'utf8')));
    const kind: PageKind = /(^|\/)404(\.html|\/)$/.test(path) ? 'notFound' : redirectTo !== undefined ? 'redirect' : 'page';
    return { path, file, kind, locale, redirectTo };
  });
}

export type Resolution = { readonly file: string } | { readonly redirect: string } | undefined;

/**
 * What the portal server does with a URL path: the file it serves, the
 * trailing-slash redirect it answers with, or nothing (404).
 * @example resolvePath('dist', '/sq/') // { file: 'dist/sq/index.html' }
 */
export function resolvePath(distDir: string, pathname: string): Resolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  const target = join(distDir, ...segments);
  const info = statSync(target, { throwIfNoEntry: false });
  if (info?.isDirectory()) {
    const index = join(target, 'index.html');
    if (!existsSync(index)) return undefined;
    return decoded.endsWith('/') ? { file: index } : { redirect: `${pathname}/` };
  }
  return info?.isFile() && !decoded.endsWith('/') ? { file: target } : undefined;
}

/** What a page's HTML says about itself: the facts the site sweep checks on every page without a browser. */
export interface HtmlFacts {
  readonly lang: string;
  readonly h1Count: number;
  readonly title: string;
  readonly description: string;
  readonly switchers: ReadonlyArray<{ href: string; hreflang: string }>;
  /** `href` resolved against the site's origin, as `link.href` is in a browser. */
  readonly alternates: ReadonlyArray<{ href: string; hreflang: string }>;
}

/** @example htmlFacts('<html lang="sq"><title>Zëri</title>…').lang // 'sq' */
export function htmlFacts(html: string, origin: string): HtmlFacts {
  const tags = scanTags(html);
  const attr = (tag: Tag | undefined, name: string) => tag?.attrs.get(name) ?? '';
  const title = decodeEntities(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1] ?? '').trim();
  return {
    lang: attr(tags.find((tag) => tag.name === 'html'), 'lang'),
    h1Count: tags.filter((tag) => tag.name === 'h1').length,
    title,
    description: attr(tags.find((tag) => tag.name === 'meta' && tag.attrs.get('name') === 'description'), 'content').trim(),
    switchers: tags.filter((tag) => tag.name === 'a' && tag.attrs.has('data-language-switch')).map((tag) => ({ href: attr(tag, 'href'), hreflang: attr(tag, 'hreflang') })),
    alternates: tags
      .filter((tag) => tag.name === 'link' && tag.attrs.get('rel') === 'alternate' && tag.attrs.has('hreflang'))
      .map((tag) => ({ href: new URL(attr(tag, 'href'), origin).href, hreflang: attr(tag, 'hreflang') })),
  };
}
