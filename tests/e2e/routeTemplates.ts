// Which Astro route file built each page of dist/, and which pages the
// browser sweep visits. Pages that one template fills from data (a region's
// statistics, a pillar's campaign list) look the same to a browser, so the
// sweep takes a sample of those; pages whose body is content (a campaign's
// or an activity's Markdown) and every static page are visited one by one.
// Everything a page's HTML alone can show is checked on every page by
// staticFacts.ts, without a browser.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import regionList from '../../content/regions.json' with { type: 'json' };

const pagesDir = join(import.meta.dirname, '../../src/pages');

export interface RouteTemplate {
  /** The route file under src/pages, `[locale]/regions/[region].astro`. */
  readonly file: string;
  /** Its dynamic parameters other than `locale`. */
  readonly params: readonly string[];
  readonly pattern: RegExp;
}

/** Route files (not `_partials`, not endpoints), static routes before dynamic ones as Astro ranks them. */
export function routeTemplates(dir: string = pagesDir): RouteTemplate[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.astro') && !entry.name.startsWith('_'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  const templates = files.map((file) => {
    const segments = file.replace(/\.astro$/, '').split('/');
    if (segments.at(-1) === 'index') segments.pop();
    const params: string[] = [];
    const source = segments
      .map((segment) => {
        const param = /^\[(\w+)\]$/.exec(segment)?.[1];
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (param !== 'locale') params.push(param);
        return `(?<${param}>[^/]+)`;
      })
      .join('/');
    return { file, params, pattern: new RegExp(`^/${source}${source ? '/' : ''}$`) };
  });
  const dynamicCount = (template: RouteTemplate) => template.params.length;
  return templates.sort((a, b) => dynamicCount(a) - dynamicCount(b));
}

/** The template that built `path`, or undefined (404 pages, the root redirect). */
export function templateOf(path: string, templates: readonly RouteTemplate[]): RouteTemplate | undefined {
  return templates.find((template) => template.pattern.test(path));
}

const firstPilot = regionList.find((region) => region.pilot)?.id;
const firstOther = regionList.find((region) => !region.pilot)?.id;
const regionIds = new Set(regionList.map((region) => region.id));

/**
 * Whether the browser visits `path`. For data-filled templates: per locale,
 * a pilot county (it has the seeded children's ideas), one other county,
 * any value that is not a county (`national`), and the first pillar.
 */
export function inBrowserSample(path: string, templates: readonly RouteTemplate[]): boolean {
  const template = templateOf(path, templates);
  const groups = template?.pattern.exec(path)?.groups ?? {};
  if (!template) return true;
  return template.params.every((param) => {
    const value = groups[param] ?? '';
    if (param === 'region') return value === firstPilot || value === firstOther || !regionIds.has(value);
    if (param === 'pillar') return value === 'prevention';
    return true;
  });
}
