// Page weight of a built site, read from dist/ alone: what a cold visit to a
// page downloads. Shared by the budget test and `bench/pages.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { resolvePath, scanTags } from './builtSite.ts';
import type { BuiltPage } from './builtSite.ts';

export interface Bytes {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

export interface PageWeight {
  readonly path: string;
  readonly html: Bytes;
  readonly css: Bytes;
  /** External scripts (with the modules they import statically) plus inline scripts. */
  readonly js: Bytes;
  readonly inlineJs: Bytes;
  readonly hasIsland: boolean;
  /** HTML + stylesheets + scripts and their static imports + images, icons and fonts it references. */
  readonly requests: number;
  readonly files: readonly string[];
}

const zero: Bytes = { raw: 0, gzip: 0, brotli: 0 };
const cache = new Map<string, Bytes>();

/** Sizes as the portal server sends them: gzip level 9, brotli quality 11. */
export function measure(buffer: Buffer | string): Bytes {
  const data = Buffer.from(buffer);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function measureFile(file: string): Bytes {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = measure(readFileSync(file));
    cache.set(file, bytes);
  }
  return bytes;
}

function add(a: Bytes, b: Bytes): Bytes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

function fileFor(distDir: string, fromPath: string, ref: string): string | undefined {
  const url = new URL(ref, new URL(fromPath, 'http://zeri.invalid'));
  if (url.origin !== 'http://zeri.invalid') return undefined;
  const resolved = resolvePath(distDir, url.pathname);
  return resolved && 'file' in resolved ? resolved.file : undefined;
}

/** The module and its static imports, transitively (what the browser fetches before running it). */
function moduleClosure(file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, spec = ''] of source.matchAll(/\b(?:import|from)\s*["']([^"']+)["']/g)) {
    if (spec.startsWith('.')) moduleClosure(join(dirname(file), spec), seen);
  }
}

/**
 * The weight of one page. Images count once each (an upper bound: lazy
 * images below the fold are not fetched on the first paint).
 */
export function weighPage(distDir: string, page: BuiltPage): PageWeight {
  const html = readFileSync(page.file, 'utf8');
  const tags = scanTags(html);
  const styles = new Set<string>();
  const scripts = new Set<string>();
  const others = new Set<string>();
  const want = (set: Set<string>, ref: string | undefined) => {
    const file = ref ? fileFor(distDir, page.path, ref) : undefined;
    if (file) set.add(file);
  };
  for (const tag of tags) {
    const rel = tag.attrs.get('rel')?.toLowerCase().split(/\s+/) ?? [];
    if (tag.name === 'link' && rel.includes('stylesheet')) want(styles, tag.attrs.get('href'));
    else if (tag.name === 'link' && (rel.includes('modulepreload') || (rel.includes('preload') && tag.attrs.get('as') === 'script'))) want(scripts, tag.attrs.get('href'));
    else if (tag.name === 'link' && (rel.includes('icon') || rel.includes('preload'))) want(others, tag.attrs.get('href'));
    else if (tag.name === 'script') want(scripts, tag.attrs.get('src'));
    else if (tag.name === 'astro-island') {
      want(scripts, tag.attrs.get('component-url'));
      want(scripts, tag.attrs.get('renderer-url'));
      want(scripts, tag.attrs.get('before-hydration-url'));
    } else if (tag.name === 'img' || tag.name === 'image') want(others, tag.attrs.get('src') ?? tag.attrs.get('href'));
  }
  const modules = new Set<string>();
  for (const script of scripts) moduleClosure(script, modules);
  for (const sheet of styles) {
    for (const [, ref = ''] of readFileSync(sheet, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
      if (ref.startsWith('data:')) continue;
      const target = posix.join(posix.dirname(`/${sheet.slice(distDir.length).split('\\').join('/')}`), ref);
      want(others, ref.startsWith('/') ? ref : target);
    }
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attrs = '']) => !/type\s*=\s*["']?(application\/(ld\+)?json|text\/template)/i.test(attrs))
    .map(([, , body = '']) => body)
    .join('');
  const inlineJs = inline ? measure(inline) : zero;
  return {
    path: page.path,
    html: measure(html),
    css: [...styles].map(measureFile).reduce(add, zero),
    js: [...modules].map(measureFile).reduce(add, inlineJs),
    inlineJs,
    hasIsland: tags.some((tag) => tag.name === 'astro-island'),
    requests: 1 + styles.size + modules.size + others.size,
    files: [...styles, ...modules, ...others].map((file) => file.slice(distDir.length)),
  };
}

/** Budgets, in bytes (1 kB = 1000 B). */
export const budgets = {
  /** Compressed HTML that fits the first TCP round trip (10 segments of ~1400 B). */
  htmlGzip: 14_000,
  /** All JavaScript of an ideas page, gzip. */
  ideasJsGzip: 120_000,
} as const;

export const isIdeasPage = (path: string): boolean => /^\/(sq|en)\/ideas\//.test(path);
