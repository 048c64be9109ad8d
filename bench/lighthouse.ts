// Lighthouse (mobile preset: simulated slow 4G, 4x CPU slowdown, Moto G
// Power-sized screen) on the built site served by `npm start`'s server, in
// Debian's Chromium. Needs a built site (npm run build).
//   node bench/lighthouse.ts                 # the pages below, both locales; Markdown table
//   node bench/lighthouse.ts --json          # the same, machine-readable
//   node bench/lighthouse.ts /sq/ /en/help/  # only these paths
//   LIGHTHOUSE_URL=http://127.0.0.1:4321 node bench/lighthouse.ts   # a portal already running
// Targets (issue 8): 100 in all four categories on content pages, >= 95
// performance on pages with islands.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startPortal, chromiumPath, type RunningPortal } from '../tests/e2e/browser.ts';

const templates = [
  { name: 'home', path: '/{locale}/', islands: false },
  { name: 'region', path: '/{locale}/regions/kukes/', islands: true },
  { name: 'campaign', path: '/{locale}/campaigns/kukes-job-offers-abroad/', islands: false },
  { name: 'ideas form', path: '/{locale}/ideas/', islands: true },
  { name: 'tracking', path: '/{locale}/ideas/track/', islands: true },
  { name: 'teachers session', path: '/{locale}/teachers/session/', islands: true },
];
const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const json = process.argv.includes('--json');
const pages = args.length > 0
  ? args.map((path) => ({ name: path, path, islands: true }))
  : ['sq', 'en'].flatMap((locale) => templates.map((t) => ({ ...t, path: t.path.replace('{locale}', locale) })));

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Row {
  path: string;
  name: string;
  islands: boolean;
  scores: Record<(typeof categories)[number], number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  failing: string[];
}

let portal: RunningPortal | undefined;
const origin = process.env['LIGHTHOUSE_URL'] ? new URL(process.env['LIGHTHOUSE_URL']).origin : (portal = await startPortal()).origin;
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows: Row[] = [];
try {
  for (const page of pages) {
    const result = await lighthouse(`${origin}${page.path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
      // The default config is the mobile preset: simulated throttling at slow 4G (150 ms RTT, 1.6 Mbps) and 4x CPU.
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`no Lighthouse result for ${page.path}`);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Row['scores'];
    // Audits that cost points, so a score below 100 says why.
    const failing = categories.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
        .map((ref) => ref.id),
    );
    const row: Row = {
      path: page.path, name: page.name, islands: page.islands, scores,
      lcpMs: numeric('largest-contentful-paint'), tbtMs: numeric('total-blocking-time'), cls: numeric('cumulative-layout-shift'),
      fcpMs: numeric('first-contentful-paint'), failing,
    };
    rows.push(row);
    if (!json) console.error(`${page.path}: ${categories.map((c) => scores[c]).join(' / ')}`);
  }
} finally {
  chrome.kill();
  await portal?.stop();
}

if (json) {
  console.log(JSON.stringify({ chromium: chromiumPath, lighthouse: (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version, rows }, null, 2));
} else {
  console.log('| Page | Path | Perf. | A11y | Best pr. | SEO | FCP | LCP | TBT | CLS | Audits below 0.9 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.path} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${(r.fcpMs / 1000).toFixed(1)} s | ${(r.lcpMs / 1000).toFixed(1)} s | ${Math.round(r.tbtMs)} ms | ${r.cls.toFixed(3)} | ${r.failing.join(', ') || '—'} |`);
  }
  const misses = rows.filter((r) => (r.islands ? r.scores.performance < 95 : categories.some((c) => r.scores[c] < 100)));
  console.log(`\n${rows.length} pages; ${misses.length === 0 ? 'all on target' : `below target: ${misses.map((r) => r.path).join(', ')}`}.`);
}
