// One browser visit of one page, returning every problem found rather than
// stopping at the first, so a run tells the author all that is wrong at once.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface PageFacts {
  readonly lang: string;
  readonly h1Count: number;
  readonly title: string;
  readonly description: string;
  readonly switchers: ReadonlyArray<{ href: string; hreflang: string; visible: boolean }>;
  readonly alternates: ReadonlyArray<{ href: string; hreflang: string }>;
}

// A string, not a function: vitest's transform can wrap functions in helpers
// that do not exist in the page.
const collectFacts = `(() => ({
  lang: document.documentElement.getAttribute('lang') ?? '',
  h1Count: document.querySelectorAll('h1').length,
  title: document.title.trim(),
  description: (document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '').trim(),
  switchers: [...document.querySelectorAll('a[data-language-switch]')].map((a) => ({
    href: a.getAttribute('href') ?? '',
    hreflang: a.getAttribute('hreflang') ?? '',
    visible: a.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
  })),
  alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => ({
    href: link.href,
    hreflang: link.getAttribute('hreflang') ?? '',
  })),
}))()`;

/** Watches a page: console errors, uncaught exceptions, failed and foreign requests. */
export function watchPage(page: Page, origin: string): { problems: string[]; ignoreConsole: (test: (message: ConsoleMessage) => boolean) => void } {
  const problems: string[] = [];
  const ignored: Array<(message: ConsoleMessage) => boolean> = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !ignored.some((test) => test(message))) {
      problems.push(`console error: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) problems.push(`request to another host: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    // ERR_ABORTED is the browser dropping a request because the page navigated away (a meta refresh, a click).
    const reason = request.failure()?.errorText ?? '?';
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return { problems, ignoreConsole: (test) => ignored.push(test) };
}

export function factsOf(page: Page): Promise<PageFacts> {
  return page.evaluate(collectFacts) as Promise<PageFacts>;
}

/** axe-core at WCAG 2.2 AA in the light scheme, then (unless `dark` is false) colour contrast again in dark mode. */
export async function axeProblems(page: Page, { dark = true }: { dark?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  const describe = (scheme: string) => (violation: { id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown }> }) =>
    `axe ${scheme} ${violation.id} (${violation.impact ?? '?'}): ${violation.help} at ${violation.nodes
      .slice(0, 3)
      .map((node) => JSON.stringify(node.target))
      .join(', ')}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ''}`;
  // Only violations are needed; collecting passes and incompletes roughly doubles axe's time.
  const light = await new AxeBuilder({ page }).withTags(axeTags).options({ resultTypes: ['violations'] }).analyze();
  problems.push(...light.violations.map(describe('light')));
  if (!dark) return problems;
  await page.emulateMedia({ colorScheme: 'dark' });
  const darkResults = await new AxeBuilder({ page }).withRules(['color-contrast']).options({ resultTypes: ['violations'] }).analyze();
  problems.push(...darkResults.violations.map(describe('dark')));
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}

/**
 * The context the pages of a run share. Sharing the cache hides a foreign
 * request only from pages after the first one that made it, which still fails.
 */
export function openContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
}

/**
 * One page per route template gets the dark-mode contrast pass: pages built
 * from the same template share their colours, and axe's contrast rule is the
 * slowest one. `/en/regions/kukes/` stands for every region page.
 */
export function darkModeSample(paths: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const sample = new Set<string>();
  for (const path of paths) {
    const template = path.replace(/^\/(sq|en)\//, '/').replace(/[^/]+\/$/, '*/');
    if (!seen.has(template)) sample.add(path);
    seen.add(template);
  }
  return sample;
}

/** Wait until the islands on the page, if any, are hydrated (or the network settles). */
export async function settle(page: Page): Promise<void> {
  if ((await page.locator('astro-island').count()) > 0) await page.waitForLoadState('networkidle');
}
