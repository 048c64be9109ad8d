import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeProblems, darkModeSample, factsOf, openContext, settle, watchPage } from './auditPage.ts';
import { launchBrowser, startPortal } from './browser.ts';
import type { RunningPortal } from './browser.ts';
import { defaultDistDir, discoverPages, htmlFacts, type HtmlFacts } from './builtSite.ts';
import type { BuiltPage } from './builtSite.ts';
import { inBrowserSample, routeTemplates } from './routeTemplates.ts';

const pages = discoverPages(defaultDistDir);
const contentPages = pages.filter((page) => page.kind === 'page');
const knownPaths = new Set(contentPages.map((page) => page.path));
const otherLocale = { sq: 'en', en: 'sq' } as const;
const templates = routeTemplates();
// The browser visits every static and content page, and a sample of the
// pages one template fills from data (routeTemplates.ts says which).
const browserPages = contentPages.filter((page) => inBrowserSample(page.path, templates));
const darkChecked = darkModeSample(browserPages.map((page) => page.path));
const report: Record<string, string[]> = {};
const siteOrigin = 'http://zeri.invalid';

/** What is wrong with a page's language, headings, title, description, switcher and alternates. */
function factProblems(page: BuiltPage, facts: HtmlFacts): string[] {
  const problems: string[] = [];
  const locale = page.locale ?? 'sq';
  const other = otherLocale[locale];
  if (facts.h1Count !== 1) problems.push(`${facts.h1Count} h1 elements, expected exactly 1`);
  if (facts.lang !== locale) problems.push(`<html lang="${facts.lang}">, expected "${locale}"`);
  if (!facts.title) problems.push('empty <title>');
  if (!facts.description) problems.push('no <meta name="description">');
  const switcher = facts.switchers[0];
  if (!switcher) problems.push('no language switcher <a data-language-switch>');
  for (const candidate of facts.switchers) {
    if (candidate.hreflang !== other) problems.push(`language switcher hreflang="${candidate.hreflang}", expected "${other}"`);
    if (!candidate.href.startsWith(`/${other}/`)) problems.push(`language switcher goes to ${candidate.href}, expected a page under /${other}/`);
    else if (!knownPaths.has(candidate.href)) problems.push(`language switcher goes to ${candidate.href}, which is not a page of the site`);
    if (candidate.href !== switcher?.href) problems.push(`two language switchers disagree: ${candidate.href} and ${switcher?.href}`);
  }
  for (const lang of ['sq', 'en'] as const) {
    const alternate = facts.alternates.find((link) => link.hreflang === lang);
    const expected = lang === locale ? page.path : switcher?.href;
    if (!alternate) problems.push(`no <link rel="alternate" hreflang="${lang}">`);
    else if (expected && new URL(alternate.href).pathname !== expected) problems.push(`<link rel="alternate" hreflang="${lang}"> points to ${new URL(alternate.href).pathname}, expected ${expected}`);
  }
  return problems;
}

it('has a built site to check (run `npm run build` first)', () => {
  expect(contentPages.length, `no pages in ${defaultDistDir}`).toBeGreaterThan(0);
});

it('puts every page under /sq/ or /en/', () => {
  expect(contentPages.filter((page) => !page.locale).map((page) => page.path)).toEqual([]);
});

it('gives every page one h1, its language, a title, a description, a language switcher and alternates (from the HTML, all pages)', () => {
  const facts = new Map(contentPages.map((page) => [page.path, htmlFacts(readFileSync(page.file, 'utf8'), siteOrigin)] as const));
  const problems = contentPages.flatMap((page) => {
    const own = facts.get(page.path) as HtmlFacts;
    const target = own.switchers[0]?.href;
    const back = target ? facts.get(target)?.switchers[0]?.href : undefined;
    const found = factProblems(page, own);
    if (target && knownPaths.has(target) && back !== page.path) found.push(`the switcher on ${target} leads back to ${back ?? 'nothing'}, not to ${page.path}`);
    return found.map((problem) => `${page.path}: ${problem}`);
  });
  expect(problems).toEqual([]);
});

it('knows the route template of every page, and the browser sample covers every template in both languages', () => {
  const unknown = contentPages.filter((page) => !templates.some((template) => template.pattern.test(page.path))).map((page) => page.path);
  expect(unknown).toEqual([]);
  const covered = (list: readonly BuiltPage[]) => new Set(list.map((page) => `${page.locale} ${templates.find((template) => template.pattern.test(page.path))?.file}`));
  expect([...covered(browserPages)].sort()).toEqual([...covered(contentPages)].sort());
  expect(browserPages.length).toBeLessThan(contentPages.length);
});

let browser: Browser;
let context: BrowserContext;
let portal: RunningPortal;

it('has a built site to check (run `npm run build` first)', () => {
  expect(contentPages.length, `no pages in ${defaultDistDir}`).toBeGreaterThan(0);
});

it('puts every page under /sq/ or /en/', () => {
  expect(contentPages.filter((page) => !page.locale).map((page) => page.path)).toEqual([]);
});

describe.skipIf(contentPages.length === 0)('every page of the built site in a real browser', () => {
  beforeAll(async () => {
    [browser, portal] = await Promise.all([launchBrowser(), startPortal()]);
    context = await openContext(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    mkdirSync(resolve(import.meta.dirname, '../../test-results'), { recursive: true });
    writeFileSync(resolve(import.meta.dirname, '../../test-results/site-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  });

  async function audit(page: BuiltPage): Promise<string[]> {
    const locale = page.locale ?? 'sq';
    const other = otherLocale[locale];
    const tab = await context.newPage();
    const watch = watchPage(tab, portal.origin);
    const problems = watch.problems;
    try {
      const response = await tab.goto(new URL(page.path, portal.url).href, { waitUntil: 'load' });
      if (response?.status() !== 200) problems.push(`status ${response?.status()}, expected 200`);
      await settle(tab);
      const facts = await factsOf(tab);
      problems.push(...factProblems(page, facts));
      const switcher = facts.switchers[0];
      if (switcher && !switcher.visible) problems.push('language switcher is not visible');

      problems.push(...(await axeProblems(tab, { dark: darkChecked.has(page.path) })));

      if (switcher?.visible && switcher.href.startsWith(`/${other}/`)) {
        const target = new URL(switcher.href, portal.url).href;
        const [arrival] = await Promise.all([tab.waitForResponse((res) => res.url() === target && res.request().isNavigationRequest()), tab.locator('a[data-language-switch]').first().click()]);
        await tab.waitForLoadState('load');
        if (arrival.status() !== 200) problems.push(`following the language switcher to ${switcher.href} answered ${arrival.status()}`);
        const there = await factsOf(tab);
        if (there.lang !== other) problems.push(`after the language switcher, <html lang="${there.lang}">, expected "${other}"`);
        const back = there.switchers[0]?.href;
        if (back !== page.path) problems.push(`the switcher on ${switcher.href} leads back to ${back ?? 'nothing'}, not to ${page.path}`);
      }
    } finally {
      await tab.close();
    }
    report[page.path] = problems;
    return problems;
  }

  describe.concurrent('pages', () => {
    for (const page of browserPages) {
      it(`${page.path} loads, is accessible and switches language`, async ({ expect }) => {
        const problems = await audit(page);
        expect(problems, `${page.path}:\n  ${problems.join('\n  ')}`).toEqual([]);
      });
    }
  });

  it('/ sends visitors to /sq/ and shows a visible link to /en/', async () => {
    const root = pages.find((page) => page.path === '/');
    expect(root, 'dist/index.html is missing').toBeDefined();
    expect(root?.redirectTo, 'the root page has no <meta http-equiv="refresh">').toBeDefined();
    expect(new URL(root?.redirectTo ?? '', portal.url).pathname).toBe('/sq/');

    const tab = await context.newPage();
    const watch = watchPage(tab, portal.origin);
    try {
      // Serve / without its meta refresh so the page itself can be inspected and audited.
      await tab.route(portal.url, async (route) => {
        const original = await route.fetch();
        const body = (await original.text()).replace(/<meta[^>]+http-equiv=["']?refresh["']?[^>]*>/i, '');
        await route.fulfill({ response: original, body });
      });
      const response = await tab.goto(portal.url, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      const english = tab.locator('a[href="/en/"]');
      await expect(english.first().isVisible(), 'no visible <a href="/en/"> on /').resolves.toBe(true);
      const axe = await axeProblems(tab);
      expect(axe, axe.join('\n')).toEqual([]);
      await tab.unroute(portal.url);
      await tab.goto(portal.url);
      await tab.waitForURL(new URL('/sq/', portal.url).href);
      expect(await tab.locator('html').getAttribute('lang')).toBe('sq');
      expect(watch.problems).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  for (const locale of ['sq', 'en'] as const) {
    it(`an unknown /${locale}/ page answers 404 with an accessible page`, async () => {
      const tab = await context.newPage();
      const watch = watchPage(tab, portal.origin);
      const url = new URL(`/${locale}/kjo-faqe-nuk-ekziston/`, portal.url).href;
      // Chromium reports the 404 of the document itself as a console error.
      watch.ignoreConsole((message) => message.location().url === url && message.text().includes('404'));
      try {
        const response = await tab.goto(url, { waitUntil: 'load' });
        expect(response?.status()).toBe(404);
        const facts = await factsOf(tab);
        expect(facts.h1Count).toBe(1);
        const localized = pages.some((page) => page.kind === 'notFound' && page.locale === locale);
        if (localized) expect(facts.lang).toBe(locale);
        else expect(['sq', 'en']).toContain(facts.lang);
        const problems = [...watch.problems, ...(await axeProblems(tab))];
        expect(problems, problems.join('\n')).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }
});
