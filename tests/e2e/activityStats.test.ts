// "Awareness activities run" on the public statistics pages, in real Chromium
// against `npm start`'s server with the local Supabase stack: the seeded
// Lezhë lessons (supabase/seed.sql) per activity, titles in the page's
// locale, counts of children under 10 suppressed, an unrecorded count said
// as such, a retired activity read as "Other activity"; axe on each page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { sq } from '../../src/i18n/sq.ts';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, signInTeacher, startIdeasPortal, type IdeasPortal } from './ideas/portal.ts';

let portal: IdeasPortal;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal.origin });
  contexts.push(context);
  return context.newPage();
}

/** The cells of the activities table's row whose header is `title`, once the island has loaded it. */
async function rowOf(page: Page, tableName: string, title: string): Promise<string[]> {
  const row = page.getByRole('table', { name: tableName }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: title, exact: true }) });
  await row.waitFor({ timeout: 15_000 });
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}

beforeAll(async () => {
  portal = await startIdeasPortal();
  if (!portal.apiAnswers) return;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await portal?.stop();
});

describe('awareness activities run', () => {
  it('the Lezhë page lists the seeded lessons per activity, suppressing counts of children under 10', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    const page = await newPage();
    await page.goto('/en/statistics/lezhe/');
    await page.getByRole('heading', { name: en['stats.activities.title'], level: 2 }).waitFor();
    const table = en['stats.activities.title'];
    expect(await rowOf(page, table, 'Spot the fake job ad')).toEqual(['2', '43', '12']);
    expect(await rowOf(page, table, 'Myths and facts about trafficking')).toEqual(['1', en['stats.suppressed'], en['stats.suppressed']]);
    expect(await rowOf(page, table, 'Who can I trust online?')).toEqual(['1', en['stats.activities.notRecorded'], en['stats.suppressed']]);
    expect(await page.getByRole('img', { name: new RegExp(en['stats.activities.title']) }).count()).toBe(1);
    await expectNoAxeViolations(page, 'region statistics with activities');
  });

  it('the national page in Albanian shows the same lessons with Albanian titles', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    const page = await newPage();
    await page.goto('/sq/statistics/');
    await page.getByRole('heading', { name: sq['stats.activities.title'], level: 2 }).waitFor();
    expect(await rowOf(page, sq['stats.activities.title'], 'Gjej njoftimin e rremë të punës')).toEqual(['2', '43', '12']);
    await expectNoAxeViolations(page, 'national statistics with activities');
  });

  it('a lesson of an activity no longer in the library reads "Other activity"; a region without lessons says so', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    const page = await newPage();
    await page.goto('/en/statistics/kukes/');
    await page.getByText(en['stats.activities.none']).waitFor({ timeout: 15_000 });

    const teacher = await signInTeacher(portal.origin);
    const now = Date.now();
    const { data, error } = await teacher
      .from('class_sessions')
      .insert({
        kind: 'class', region: 'kukes', school: 'Shkolla e Testit', grade_band: '10-12', max_ideas: 40,
        activity_slug: 'retired-activity', students_present: 12,
        opens_at: new Date(now - 30 * 60_000).toISOString(), closes_at: new Date(now + 30 * 60_000).toISOString(),
      })
      .select('id')
      .single();
    if (error) throw new Error(error.message);
    const closed = await teacher.rpc('close_session', { p_session_id: (data as { id: string }).id });
    expect(closed.error).toBeNull();

    await page.reload();
    expect(await rowOf(page, en['stats.activities.title'], en['stats.activities.other'])).toEqual(['1', '12', en['stats.suppressed']]);
    expect(await page.locator('main').innerText()).not.toContain('retired-activity');
    await expectNoAxeViolations(page, 'region statistics with another activity');
  });
});
