import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The inline script of the fixture's home page, as Astro would inline an island bootstrap. */
export const fixtureInlineScript = "(()=>{document.documentElement.dataset.ready='1'})();";
export const fixtureInlineStyle = 'astro-island{display:contents}';

const page = (lang: string, title: string, body: string): string =>
  `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><style>${fixtureInlineStyle}</style></head><body><main><h1>${title}</h1>${body}</main><script>${fixtureInlineScript}</script></body></html>`;

/**
 * A tiny built site in a temp folder, shaped like Astro's output, plus a
 * secret file beside it (and a symlink to it inside) that must never be served.
 * Resolves with the dist folder.
 */
export async function createFixtureSite(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'zeri-fixture-'));
  const dist = join(root, 'dist');
  const files: Record<string, string> = {
    'index.html': '<!DOCTYPE html><html lang="sq"><head><meta http-equiv="refresh" content="0;url=/sq/"><title>Zëri</title></head><body><a href="/sq/">Shqip</a> <a href="/en/">English</a></body></html>',
    'sq/index.html': page('sq', 'Zëri', '<a href="/en/" hreflang="en" data-language-switch>English</a>'),
    'en/index.html': page('en', 'Zëri', '<a href="/sq/" hreflang="sq" data-language-switch>Shqip</a>'),
    'sq/ideas/index.html': page('sq', 'Idetë', ''),
    'en/ideas/index.html': page('en', 'Ideas', ''),
    '404.html': page('en', 'Not found', ''),
    '_astro/app.Ab12Cd34.js': 'export const answer = 42;\n'.repeat(50),
    '_astro/site.Ef56Gh78.css': 'body{font-family:system-ui}\n'.repeat(50),
    'robots.txt': 'User-agent: *\nAllow: /\n',
    'logo.png': '\x89PNG\r\n',
    '.prerender/chunk.mjs': 'export {}',
    _headers: '/*\n  X-Secret: export {}\n',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dist, path)), { recursive: true });
    await writeFile(join(dist, path), text);
  }
  await writeFile(join(root, 'secret.txt'), 'TOP SECRET\n');
  await symlink(join(root, 'secret.txt'), join(dist, 'leak.txt'));
  return dist;
}
