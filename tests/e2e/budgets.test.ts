import { describe, expect, it } from 'vitest';
import { defaultDistDir, discoverPages } from './builtSite.ts';
import { budgets, isIdeasPage, measure, weighPage } from './pageWeights.ts';
import { createFixtureSite } from './fixtureSite.ts';

const pages = discoverPages(defaultDistDir);
const weights = pages.map((page) => weighPage(defaultDistDir, page));

it('has a built site to check (run `npm run build` first)', () => {
  expect(pages.length, `no pages in ${defaultDistDir}`).toBeGreaterThan(0);
});

describe.skipIf(pages.length === 0)('page budgets of the built site', () => {
  it('ships 0 bytes of JavaScript on pages without an island', () => {
    const offenders = weights.filter((weight) => !weight.hasIsland && weight.js.raw > 0).map((weight) => `${weight.path}: ${weight.js.raw} B of JS (${weight.files.filter((file) => file.endsWith('.js')).join(', ') || 'inline <script>'})`);
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it(`keeps the HTML of every page under ${budgets.htmlGzip / 1000} kB gzip`, () => {
    const offenders = weights.filter((weight) => weight.html.gzip >= budgets.htmlGzip).map((weight) => `${weight.path}: ${weight.html.gzip} B gzip`);
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it(`keeps the ideas pages under ${budgets.ideasJsGzip / 1000} kB of gzip JavaScript`, () => {
    const offenders = weights.filter((weight) => isIdeasPage(weight.path) && weight.js.gzip > budgets.ideasJsGzip).map((weight) => `${weight.path}: ${weight.js.gzip} B gzip JS`);
    expect(offenders, offenders.join('\n')).toEqual([]);
  });
});

describe('page weight measurement', () => {
  it('counts the JavaScript an island pulls in, including static imports, and nothing on a plain page', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const dist = await createFixtureSite();
    await mkdir(join(dist, 'sq/ideas'), { recursive: true });
    await writeFile(join(dist, '_astro/Form.X1.js'), 'import{r}from"./react.X2.js";export default r;');
    await writeFile(join(dist, '_astro/react.X2.js'), 'export const r = 1;'.repeat(100));
    await writeFile(join(dist, 'sq/ideas/index.html'), '<html lang="sq"><link rel="stylesheet" href="/_astro/site.Ef56Gh78.css"><h1>Ide</h1><astro-island component-url="/_astro/Form.X1.js"></astro-island><img src="/logo.png"></html>');
    await writeFile(join(dist, 'sq/plain.html'), '<html lang="sq"><h1>Plain</h1></html>');
    const island = weighPage(dist, { path: '/sq/ideas/', file: join(dist, 'sq/ideas/index.html'), kind: 'page', locale: 'sq' });
    expect(island.hasIsland).toBe(true);
    expect(island.js.raw).toBe('import{r}from"./react.X2.js";export default r;'.length + 'export const r = 1;'.length * 100);
    expect(island.css.raw).toBe('body{font-family:system-ui}\n'.length * 50);
    expect(island.requests).toBe(5);
    const plain = weighPage(dist, { path: '/sq/plain.html', file: join(dist, 'sq/plain.html'), kind: 'page', locale: 'sq' });
    expect(plain.js.raw).toBe(0);
    expect(plain.requests).toBe(1);
    const home = weighPage(dist, { path: '/sq/', file: join(dist, 'sq/index.html'), kind: 'page', locale: 'sq' });
    expect(home.inlineJs.raw).toBeGreaterThan(0);
    expect(measure('a'.repeat(10_000)).gzip).toBeLessThan(100);
  });
});
