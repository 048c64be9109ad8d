// Committees in real Chromium against `npm start`'s server with the local
// Supabase stack: the Durrës moderator signs in, sees only Durrës ideas,
// publishes one with its phone number masked, rejects one, refers one,
// adopts one into a plan activity (keyboard shortcuts for the actions); the
// student's receipt then says "adopted"; the public pages show what was
// published (the original with masks, never a rewrite) and nothing else; the Kukës moderator can neither see nor act on
// Durrës ideas; two moderators on one idea: one wins, the other is told who.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { formatMessage } from '../../src/lib/formatMessage.ts';
import { LOCAL_ANON_KEY } from '../../src/lib/supabase/config.ts';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, startIdeasPortal, type IdeasPortal } from './ideas/portal.ts';

const PASSWORD = 'zeri-demo-2026';
const DURRES = 'durres@zeri.test';
const KUKES = 'kukes@zeri.test';
const COORDINATOR = 'koordinator@zeri.test';

const texts = {
  phone: 'Më telefononi në 069 123 4567 për të bërë postera në shkollë për punën jashtë.',
  offTopic: 'Dua një fushë të re futbolli në lagjen time sepse nuk kemi ku të luajmë.',
  danger: 'Më detyrojnë të punoj natën dhe nuk më lënë të dal nga shtëpia.',
  race: 'Të kemi një takim me prindërit për ofertat e rreme të punës jashtë.',
  kukes: 'Një ide nga Kukësi për një ditë informimi në bibliotekë.',
};

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000 });
}

let portal: IdeasPortal;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function apiClient(email?: string): Promise<SupabaseClient> {
  const client = createClient(portal.origin, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
  if (email) {
    const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
    if (error) throw new Error(`${email}: ${error.message}`);
  }
  return client;
}

async function submit(code: string, text: string): Promise<void> {
  const anon = await apiClient();
  const { error } = await anon.rpc('submit_idea', {
    p_code: code, p_text: text, p_theme: 'work_abroad', p_can_do: null, p_age_band: '15-17', p_locale: 'sq',
    p_publish_consent: true, p_idempotency_key: crypto.randomUUID(),
  });
  if (error) throw new Error(error.message);
}

async function ideaIdByText(moderator: SupabaseClient, text: string): Promise<string> {
  const { data, error } = await moderator.from('ideas').select('id').eq('text', text).single();
  if (error) throw new Error(error.message);
  return (data as { id: string }).id;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal.origin });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string, next = '/en/committee/'): Promise<void> {
  await page.goto(`/en/account/signin/?next=${encodeURIComponent(next)}`);
  const button = page.getByRole('button', { name: en['account.signIn.submit'], exact: true });
  await poll(() => button.isEnabled()).toBe(true);
  await page.getByRole('textbox', { name: en['account.email'] }).fill(email);
  await page.getByLabel(en['account.password'], { exact: true }).fill(PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === next), button.click()]);
}

function item(page: Page, text: string) {
  return page.locator('li.queue-item', { hasText: text.slice(0, 40) });
}

async function openIdea(page: Page, text: string): Promise<void> {
  await item(page, text).getByRole('button', { name: en['committee.queue.open'] }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${en['committee.review.title']}:`) }).waitFor();
}

const done = (status: string) => formatMessage(en['committee.review.done'], { status });

beforeAll(async () => {
  portal = await startIdeasPortal();
  if (!portal.apiAnswers) return;
  browser = await launchBrowser();
  for (const text of [texts.phone, texts.offTopic, texts.danger, texts.race]) await submit('DUR234', text);
  await submit('KUK234', texts.kukes);
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await portal?.stop();
});

describe('a Durrës committee member on Monday morning', () => {
  let page: Page;

  it('signs in and sees only Durrës ideas, safeguarding first', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    page = await newPage();
    await signIn(page, DURRES);
    await item(page, texts.phone).waitFor();
    expect(await page.locator('li.queue-item').first().innerText()).toContain(texts.danger.slice(0, 30));
    expect(await item(page, texts.kukes).count()).toBe(0);
    await expectNoAxeViolations(page, 'queue');
  });

  it('publishes an idea with the phone number masked, using the keyboard', async ({ skip }) => {
    if (!page) skip();
    await openIdea(page, texts.phone);
    await expect.poll(() => page.getByText(en['committee.review.markedRead']).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'review');
    await page.keyboard.press('a');
    // No text box to rewrite: the child's words as toggles, the phone number already hidden.
    const words = page.getByRole('group', { name: en['committee.approve.words'] });
    await poll(() => words.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    expect(await page.getByRole('textbox', { name: /publish/i }).count()).toBe(0);
    await expect.poll(() => words.getByRole('button', { name: '069 123 4567' }).getAttribute('aria-pressed')).toBe('true');
    const preview = page.getByRole('region', { name: en['committee.approve.preview'] });
    expect(await preview.innerText()).toContain('Më telefononi në [hequr] për të bërë postera');
    expect(await preview.innerText()).not.toContain('069');
    await expectNoAxeViolations(page, 'approve');
    // Keyboard only: the arrow keys move between words; Space hides one, Space again shows it.
    await page.keyboard.press('ArrowRight');
    expect(await words.getByRole('button', { name: 'telefononi' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => words.getByRole('button', { name: 'telefononi' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => preview.innerText()).toContain('Më [hequr] në [hequr] për të bërë postera');
    const reason = page.getByLabel(formatMessage(en['committee.approve.maskReason'], { words: 'telefononi' }));
    expect(await reason.inputValue()).toBe('real_person');
    await expect.poll(() => page.getByLabel(formatMessage(en['committee.approve.maskReason'], { words: '069 123 4567' })).inputValue()).toBe('personal_data');
    await page.keyboard.press('Space');
    await expect.poll(() => words.getByRole('button', { name: 'telefononi' }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => preview.innerText()).toContain('Më telefononi në [hequr] për të bërë postera');
    await page.getByLabel(en['committee.feedback.sq']).fill('Faleminderit! Ideja jote u publikua.');
    await page.getByRole('button', { name: en['committee.approve.submit'] }).click();
    await page.getByText(done(en['committee.status.approved'])).waitFor();
  });

  it('rejects an idea with plain feedback (jargon is refused first)', async ({ skip }) => {
    if (!page) skip();
    await page.getByRole('button', { name: en['committee.review.back'] }).click().catch(() => undefined);
    await openIdea(page, texts.offTopic);
    await page.keyboard.press('r');
    const feedback = page.getByLabel(en['committee.feedback.sq']);
    await feedback.fill('Sipas nenit 5, kjo ide nuk pranohet.');
    await page.getByText(formatMessage(en['committee.feedback.jargon'], { term: 'sipas nenit' })).waitFor();
    await feedback.fill('Faleminderit! Kjo ide nuk lidhet me trafikimin, por na pëlqen.');
    await page.getByRole('button', { name: en['committee.reject.submit'] }).click();
    await page.getByText(done(en['committee.status.rejected'])).waitFor();
  });

  it('refers the idea of a child at risk, with the procedure on screen', async ({ skip }) => {
    if (!page) skip();
    await page.getByRole('button', { name: en['committee.review.back'] }).click().catch(() => undefined);
    await openIdea(page, texts.danger);
    await page.getByText(en['committee.review.flagSafeguarding']).waitFor();
    await page.keyboard.press('e');
    await page.getByText(en['committee.escalate.procedure']).waitFor();
    await expectNoAxeViolations(page, 'escalate');
    // "Nothing was done" needs a reason before anything is sent.
    await page.getByRole('radio', { name: en['committee.escalate.action.none'] }).check();
    await page.getByRole('button', { name: en['committee.escalate.submit'] }).click();
    await page.getByRole('alert').getByText(en['committee.escalate.reasonRequired']).waitFor();
    await page.getByRole('radio', { name: en['committee.escalate.action.child_protection_unit'] }).check();
    await page.getByLabel(en['committee.escalate.reason']).fill('Bashkia Durrës, ora 10:30');
    await page.getByRole('button', { name: en['committee.escalate.submit'] }).click();
    await page.getByText(done(en['committee.status.escalated'])).waitFor();
  });

  it('adopts a published idea into a plan activity with the searchable picker', async ({ skip }) => {
    if (!page) skip();
    await page.goto('/en/committee/');
    await page.getByLabel(en['committee.filters.status']).selectOption('approved');
    await page.getByRole('button', { name: en['committee.filters.apply'] }).click();
    await openIdea(page, 'Në port duhet të ketë postera');
    await page.getByLabel(en['committee.adopt.search']).fill('rrjetet sociale');
    await page.getByRole('checkbox', { name: /Fushatë në rrjetet sociale/ }).check();
    const adopt = page.getByRole('region', { name: en['committee.adopt.title'] });
    await adopt.getByLabel(en['committee.feedback.sq']).fill('Bravo! Ideja jote hyn në fushatën e qarkut.');
    await expectNoAxeViolations(page, 'adopt');
    await page.getByRole('button', { name: en['committee.adopt.submit'] }).click();
    await page.getByText(done(en['committee.status.adopted'])).waitFor();
  });

  it('the student’s receipt now says "adopted" and names the activity', async ({ skip }) => {
    if (!page) skip();
    const student = await newPage();
    await student.goto('/en/ideas/track/');
    const check = student.getByRole('button', { name: en['track.submit'], exact: true });
    await poll(() => check.isEnabled()).toBe(true);
    await student.getByLabel(en['track.codeLabel']).fill('DURRS-APRV2');
    await check.click();
    await student.getByText(en['track.status.adopted']).waitFor();
    await student.getByText('Fushatë në rrjetet sociale e hartuar nga të rinjtë').first().waitFor();
  });

  it('the public pages show the published and adopted ideas and nothing else', async ({ skip }) => {
    if (!page) skip();
    const visitor = await newPage();
    await visitor.goto('/en/plans/durres/');
    await visitor.getByText('Në port duhet të ketë postera').waitFor();
    await visitor.getByText(formatMessage(en['plan.feedback'], { text: 'Bravo! Ideja jote hyn në fushatën e qarkut.' })).waitFor();
    await expectNoAxeViolations(visitor, 'plan');
    const body = await visitor.locator('main').innerText();
    for (const hidden of [texts.offTopic, texts.danger, texts.race]) expect(body).not.toContain(hidden.slice(0, 30));
    const anon = await apiClient();
    const { data } = await anon.from('public_ideas').select('public_text,status').eq('region', 'durres');
    const published = (data ?? []).map((row) => (row as { public_text: string }).public_text).join('\n');
    expect(published).toContain('Më telefononi në [hequr] për të bërë postera');
    for (const hidden of [texts.offTopic, texts.danger, texts.race, '069 123 4567']) expect(published).not.toContain(hidden);
    await visitor.goto('/en/statistics/');
    await visitor.getByRole('heading', { name: en['stats.byTheme'], level: 2 }).waitFor();
    await expectNoAxeViolations(visitor, 'statistics');
  });
});

describe('other regions and other moderators', () => {
  it('the Kukës moderator neither sees nor acts on Durrës ideas (UI and API)', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    const page = await newPage();
    await signIn(page, KUKES);
    await item(page, texts.kukes).waitFor();
    expect(await item(page, texts.race).count()).toBe(0);
    const durres = await apiClient(DURRES);
    const raceId = await ideaIdByText(durres, texts.race);
    const kukes = await apiClient(KUKES);
    const queue = await kukes.rpc('moderation_queue', { p_region: 'durres' });
    expect(queue.error?.message).toBe('not_allowed');
    const approve = await kukes.rpc('approve_idea', { p_idea_id: raceId, p_masks: [] });
    expect(approve.error?.message).toBe('not_allowed');
    const read = await kukes.from('ideas').select('id').eq('id', raceId);
    expect(read.data).toEqual([]);
  });

  it('two moderators on one idea: one wins, the other is told who got there first', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    const page = await newPage();
    await signIn(page, DURRES);
    await openIdea(page, texts.race);
    const coordinator = await apiClient(COORDINATOR);
    const raceId = await ideaIdByText(coordinator, texts.race);
    const first = await coordinator.rpc('approve_idea', { p_idea_id: raceId });
    expect(first.error).toBeNull();
    await page.getByRole('button', { name: en['committee.reject.title'], exact: true }).click();
    await page.getByLabel(en['committee.feedback.sq']).fill('Faleminderit! Kjo ide është si një tjetër.');
    await page.getByRole('button', { name: en['committee.reject.submit'] }).click();
    await page
      .getByText(formatMessage(en['committee.review.already'], { name: 'Koordinatorja Kombëtare', status: en['committee.status.approved'] }))
      .waitFor();
  });
});

describe('the other committee pages', () => {
  it('sign-in leads each role to its own home, and only the coordinator is offered Administration', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    const moderator = await newPage();
    await signIn(moderator, KUKES, '/en/committee/');
    // Signing in again from a plain sign-in link (no ?next=) lands on the queue, not on the account page.
    await moderator.goto('/en/account/signin/');
    const button = moderator.getByRole('button', { name: en['account.signIn.submit'], exact: true });
    await poll(() => button.isEnabled()).toBe(true);
    await moderator.getByRole('textbox', { name: en['account.email'] }).fill(KUKES);
    await moderator.getByLabel(en['account.password'], { exact: true }).fill(PASSWORD);
    await Promise.all([moderator.waitForURL((url) => url.pathname === '/en/committee/'), button.click()]);
    const nav = moderator.getByRole('navigation', { name: en['committee.nav.label'] });
    await poll(() => moderator.locator('li.queue-item').first().isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: en['committee.nav.admin'] }).count()).toBe(0);
    await moderator.goto('/en/account/');
    await poll(() => moderator.getByRole('link', { name: en['account.home.queueLink'] }).isVisible()).toBe(true);
    expect(await moderator.getByRole('link', { name: en['account.home.overviewLink'] }).count()).toBe(0);

    const coordinator = await newPage();
    await coordinator.goto('/en/account/signin/');
    const submit = coordinator.getByRole('button', { name: en['account.signIn.submit'], exact: true });
    await poll(() => submit.isEnabled()).toBe(true);
    await coordinator.getByRole('textbox', { name: en['account.email'] }).fill(COORDINATOR);
    await coordinator.getByLabel(en['account.password'], { exact: true }).fill(PASSWORD);
    await Promise.all([coordinator.waitForURL((url) => url.pathname === '/en/committee/admin/'), submit.click()]);
    await coordinator.goto('/en/committee/');
    await poll(() => coordinator.getByRole('navigation', { name: en['committee.nav.label'] }).getByRole('link', { name: en['committee.nav.admin'] }).isVisible()).toBe(true);
  });

  it('plan editor, log, export and administration load for the coordinator and pass axe', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    const page = await newPage();
    await signIn(page, COORDINATOR, '/en/committee/admin/');
    await page.getByRole('heading', { name: en['committee.admin.teachers'], level: 2 }).waitFor();
    // Every flag of this run was read by its officer or sent today: none is overdue.
    await page.getByRole('heading', { name: en['committee.admin.overdueFlags'], level: 2 }).waitFor();
    await page.getByText(en['committee.admin.noOverdueFlags']).waitFor();
    await expectNoAxeViolations(page, 'admin');
    await page.goto('/en/committee/plan/?region=durres');
    await page.getByRole('heading', { name: en['pillar.prevention'], level: 2 }).waitFor();
    await page.getByRole('button', { name: `${en['committee.plan.edit']}: Fushatë në rrjetet sociale e hartuar nga të rinjtë` }).click();
    await page.getByLabel(en['committee.plan.field.progress']).fill('45');
    await expectNoAxeViolations(page, 'plan editor');
    await page.getByRole('button', { name: en['committee.plan.save'] }).click();
    await page.getByText(en['committee.saved']).waitFor();
    await page.goto('/en/committee/log/?region=durres');
    await page.getByRole('table').getByText(en['committee.log.did.plan_activity'], { exact: false }).first().waitFor();
    expect(await page.getByRole('table').getByText('plan_activity', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'log');
    await page.goto('/en/committee/export/?region=durres');
    await page.getByRole('button', { name: en['committee.export.json'] }).waitFor();
    await expectNoAxeViolations(page, 'export');
  });

  it('a 300-letter word and right-to-left controls stay inside the review at 1280 px', async ({ skip }) => {
    if (!portal.apiAnswers) skip();
    // Last in the file: the detectors take seconds on one very long word, and
    // the queues of the tests before must not wait on it. 300 letters overflow 1280 px as surely.
    const word = `Fjalagjate${'x'.repeat(300)}`;
    await submit('DUR234', `\u202e${word} dhe një ide tjetër për shkollën.`);
    const page = await newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, DURRES);
    await openIdea(page, word);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    expect(await page.locator('.original').getAttribute('dir')).toBe('auto');
    expect((await page.locator('.original').textContent()) ?? '').not.toContain('\u202e');
  });
});
