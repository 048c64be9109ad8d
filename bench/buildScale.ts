// How `astro build` time grows with content: the site is copied to a temp
// folder (node_modules linked, never the repository's own content/), N
// generated campaigns are added in both locales, and the build is timed.
// Nothing generated is ever written inside the repository.
//   node bench/buildScale.ts                  # 0, 250, 500 and 1000 generated campaigns
//   node bench/buildScale.ts 0 1000           # only these sizes
//   node bench/buildScale.ts --json
// A "campaign" here is one translation pair: an Albanian and an English page,
// cloned from the real campaigns in content/campaigns with a new key and title.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const sizes = process.argv.slice(2).filter((arg) => /^\d+$/.test(arg)).map(Number);
if (sizes.length === 0) sizes.push(0, 250, 500, 1000);

const copied = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'content', 'public', 'src', 'supabase'];

async function prepareCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zeri-build-scale-'));
  for (const entry of copied) await cp(join(root, entry), join(dir, entry), { recursive: true });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Astro's and Vite's caches default to node_modules/, which is the
  // repository's own through the link: keep them inside the copy instead.
  await writeFile(join(dir, 'astro.bench.config.mjs'), [
    "import config from './astro.config.mjs';",
    "export default { ...config, cacheDir: './.bench-cache/astro', vite: { ...config.vite, cacheDir: './.bench-cache/vite' } };",
  ].join('\n'));
  return dir;
}

/** Writes `count` campaign pairs next to the real ones; returns how many files were written. */
async function generate(dir: string, count: number): Promise<number> {
  const templates = (await readdir(join(root, 'content/campaigns/sq'))).filter((file) => file.endsWith('.md'));
  let files = 0;
  for (const locale of ['sq', 'en']) {
    const folder = join(dir, 'content/campaigns', locale);
    await mkdir(folder, { recursive: true });
    const sources = await Promise.all(templates.map((file) => readFile(join(root, 'content/campaigns', locale, file), 'utf8')));
    for (let i = 0; i < count; i++) {
      const index = i % templates.length;
      const slug = `bench-${String(i).padStart(4, '0')}-${(templates[index] as string).replace(/\.md$/, '')}`;
      const text = (sources[index] as string)
        .replace(/^translationKey: .*$/m, `translationKey: ${slug}`)
        .replace(/^title: "(.*)"$/m, (_, title: string) => `title: "${title} (${i})"`);
      await writeFile(join(folder, `${slug}.md`), text);
      files++;
    }
  }
  return files;
}

async function clearGenerated(dir: string): Promise<void> {
  for (const locale of ['sq', 'en']) {
    const folder = join(dir, 'content/campaigns', locale);
    for (const file of await readdir(folder)) if (file.startsWith('bench-')) await rm(join(folder, file));
  }
  // Astro's content cache would otherwise make later builds look cheaper.
  await rm(join(dir, '.astro'), { recursive: true, force: true });
  await rm(join(dir, '.bench-cache'), { recursive: true, force: true });
}

/** How many pages were built, and the largest one gzipped (listing pages grow with content). */
async function measurePages(dir: string): Promise<{ pages: number; largest: string; largestGzipKb: number }> {
  const found = spawnSync('find', [dir, '-name', 'index.html'], { encoding: 'utf8' });
  const files = found.stdout.split('\n').filter(Boolean);
  let largest = '';
  let largestGzip = 0;
  for (const file of files) {
    const size = gzipSync(await readFile(file), { level: 9 }).length;
    if (size > largestGzip) [largest, largestGzip] = [file.slice(dir.length).replace(/index\.html$/, ''), size];
  }
  return { pages: files.length, largest, largestGzipKb: largestGzip / 1000 };
}

const dir = await prepareCopy();
// A first, unmeasured build warms the file system cache and Node's compile cache, so row 0 is not penalised.
if (!process.argv.includes('--no-warmup')) {
  spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', 'astro.bench.config.mjs', '--outDir', join(dir, 'dist')], {
    cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'ignore',
  });
}
const results: { campaigns: number; files: number; pages: number; largest: string; largestGzipKb: number; seconds: number }[] = [];
try {
  for (const count of sizes) {
    await clearGenerated(dir);
    const files = await generate(dir, count);
    const outDir = join(dir, 'dist');
    await rm(outDir, { recursive: true, force: true });
    const started = performance.now();
    const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', 'astro.bench.config.mjs', '--outDir', outDir], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    if (build.status !== 0) throw new Error(`build with ${count} generated campaigns failed:\n${build.stdout.slice(-4000)}\n${build.stderr.slice(-4000)}`);
    const row = { campaigns: count, files, ...(await measurePages(outDir)), seconds };
    results.push(row);
    if (!json) console.error(`${count} generated campaigns: ${row.pages} pages in ${seconds.toFixed(1)} s`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const first = results[0];
  console.log('| Generated campaigns (sq + en) | Pages built | Build time | ms per page | vs first row | Largest HTML (gzip) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.campaigns} | ${r.pages} | ${r.seconds.toFixed(1)} s | ${((r.seconds * 1000) / r.pages).toFixed(1)} | x${first ? (r.seconds / first.seconds).toFixed(2) : '1'} | ${r.largest} ${r.largestGzipKb.toFixed(1)} kB |`);
  }
}
