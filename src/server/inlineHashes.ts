import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface InlineHashes {
  /** CSP sources (`'sha256-…'`) for every inline executable `<script>`, sorted. */
  readonly scripts: readonly string[];
  /** CSP sources for every inline `<style>` element, sorted. */
  readonly styles: readonly string[];
}

// Astro inlines its island bootstrap (`astro-island` custom element and the
// `client:*` directive loaders) and small stylesheets into the HTML. A CSP
// without 'unsafe-inline' must list the hash of each of them; the text hashed
// is the element's raw content, exactly as the browser sees it.
const scriptPattern = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const stylePattern = /<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi;
const commentPattern = /<!--[\s\S]*?-->/g;
// Data blocks (JSON-LD, import maps are the exception) are not executed, so CSP ignores them.
const executableTypes = new Set(['', 'module', 'text/javascript', 'application/javascript', 'importmap']);

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  if (match) return match[1] ?? match[2] ?? match[3] ?? '';
  return new RegExp(`(?:^|\\s)${name}(?:\\s|$)`, 'i').test(attributes) ? '' : undefined;
}

/**
 * The CSP hashes of the inline scripts and styles of one HTML document.
 * @example hashInlineContent('<script>go()</script>').scripts // ["'sha256-…'"]
 */
export function hashInlineContent(html: string): InlineHashes {
  const source = html.replace(commentPattern, '');
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, attributes = '', body = ''] of source.matchAll(scriptPattern)) {
    if (attribute(attributes, 'src') !== undefined) continue;
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (executableTypes.has(type)) scripts.add(cspHash(body));
  }
  for (const [, , body = ''] of source.matchAll(stylePattern)) styles.add(cspHash(body));
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

/** Every `.html` file under `dir`, as absolute paths, sorted. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.slice(dir.length).split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort();
}

/** The union of the inline hashes of every HTML page in a built site. */
export async function hashInlineContentOfSite(distDir: string): Promise<InlineHashes> {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const file of await listHtmlFiles(distDir)) {
    const hashes = hashInlineContent(await readFile(file, 'utf8'));
    for (const hash of hashes.scripts) scripts.add(hash);
    for (const hash of hashes.styles) styles.add(hash);
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}
