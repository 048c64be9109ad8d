// Page weight of every page of the built site: HTML, CSS and JavaScript
// (raw, gzip, brotli) and the requests of a cold load.
//   npm run build && node bench/pages.ts            (Markdown table)
//   node bench/pages.ts --build                      (build first)
//   node bench/pages.ts --json                       (machine-readable)
// Budgets are enforced by tests/e2e/budgets.test.ts.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defaultDistDir, discoverPages } from '../tests/e2e/builtSite.ts';
import { budgets, isIdeasPage, weighPage } from '../tests/e2e/pageWeights.ts';
import type { Bytes, PageWeight } from '../tests/e2e/pageWeights.ts';

if (process.argv.includes('--build')) {
  const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
  const build = spawnSync(process.execPath, [astro, 'build', ...(process.env['DIST_DIR'] ? ['--outDir', defaultDistDir] : [])], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const pages = discoverPages(defaultDistDir);
if (pages.length === 0) {
  console.error(`No built site in ${defaultDistDir}: run \`npm run build\` first.`);
  process.exit(1);
}
const weights = pages.map((page) => weighPage(defaultDistDir, page));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(weights, null, 2));
  process.exit(0);
}

const kb = (bytes: number): string => (bytes / 1000).toFixed(1);
const triple = (bytes: Bytes): string => `${kb(bytes.raw)} / ${kb(bytes.gzip)} / ${kb(bytes.brotli)}`;
const row = (weight: PageWeight): string =>
  `| ${weight.path} | ${triple(weight.html)} | ${triple(weight.css)} | ${weight.js.raw === 0 ? '0' : triple(weight.js)} | ${weight.requests} |`;

const largest = (pick: (weight: PageWeight) => number): PageWeight => weights.reduce((a, b) => (pick(b) > pick(a) ? b : a));
const html = largest((weight) => weight.html.gzip);
const js = largest((weight) => weight.js.gzip);
const cpu = cpus()[0]?.model ?? 'unknown CPU';

console.log(`Page weight of ${weights.length} pages in ${defaultDistDir}, ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB.`);
console.log('Sizes in kB (1000 B): raw / gzip -9 / brotli -q 11. JS includes inline scripts and static imports; requests count HTML, CSS, JS, images, icons and fonts.\n');
console.log('| Page | HTML | CSS | JS | Requests |');
console.log('|---|---|---|---|---|');
for (const weight of weights) console.log(row(weight));
console.log('');
console.log(`Largest HTML: ${html.path} at ${kb(html.html.gzip)} kB gzip (budget < ${kb(budgets.htmlGzip)} kB).`);
console.log(js.js.raw === 0 ? 'Most JavaScript: no page ships any.' : `Most JavaScript: ${js.path} at ${kb(js.js.gzip)} kB gzip.`);
console.log(`Pages with JavaScript: ${weights.filter((weight) => weight.js.raw > 0).length} of ${weights.length} (islands on ${weights.filter((weight) => weight.hasIsland).length}).`);
const ideas = weights.filter((weight) => isIdeasPage(weight.path));
if (ideas.length > 0) console.log(`Ideas pages: ${ideas.map((weight) => `${weight.path} ${kb(weight.js.gzip)} kB gzip JS`).join(', ')} (budget ≤ ${kb(budgets.ideasJsGzip)} kB).`);
