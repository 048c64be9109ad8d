// A student on a bad rural connection sends 20 ideas in real Chromium while
// requests to submit_idea are dropped at random: some never reach the server,
// some reach it and lose their answer. Every idea must end up stored exactly
// once, under the receipt code the student was shown.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { LOCAL_ANON_KEY } from '../../src/lib/supabase/config.ts';
import { launchBrowser } from './browser.ts';
import { ideasInSession, openClassSession, queuedEntries, signInTeacher, startIdeasPortal, type IdeasPortal } from './ideas/portal.ts';

const IDEAS = 20;
// The form refuses sends faster than a person could manage (MIN_FILL_MS).
const HUMAN_PAUSE_MS = 3_100;
const eventually = <T,>(read: () => T | Promise<T>, timeout = 20_000) => expect.poll(read, { interval: 100, timeout });

/** Small seeded generator (mulberry32), so a failing run can be repeated with FLAKY_SEED. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let portal: IdeasPortal;
let browser: Browser | undefined;

beforeAll(async () => {
  portal = await startIdeasPortal();
  if (portal.apiAnswers) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

it('stores all 20 ideas exactly once when the network drops requests and answers at random', async (ctx) => {
  if (!portal.apiAnswers || !browser) {
    console.warn(`SKIPPED tests/e2e/flakyNetwork.test.ts: ${portal.origin}/rest/v1/ does not answer (no local stack).`);
    ctx.skip();
    return;
  }
  const seed = Number(process.env['FLAKY_SEED'] ?? Date.now() % 100_000);
  console.log(`flakyNetwork: FLAKY_SEED=${seed}`);
  const next = random(seed);
  const teacher = await signInTeacher(portal.origin);
  const session = await openClassSession(teacher, { opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 3_600_000) });
  const context = await browser.newContext({ baseURL: portal.origin });
  const page: Page = await context.newPage();

  let flaky = true;
  const faults = { dropped: 0, lostAnswers: 0, delivered: 0 };
  await page.route('**/rest/v1/rpc/submit_idea', async (route) => {
    const roll = next();
    if (!flaky || roll >= 0.6) {
      faults.delivered++;
      return route.continue();
    }
    if (roll < 0.3) {
      // Never reaches the server.
      faults.dropped++;
      return route.abort('internetdisconnected');
    }
    // Reaches the server and is stored; the answer is lost on the way back.
    faults.lostAnswers++;
    await route.fetch().catch(() => undefined);
    return route.abort('connectionreset');
  });

  await page.goto('/en/ideas/');
  await eventually(() => page.getByRole('button', { name: en['ideaForm.join.submit'], exact: true }).isEnabled()).toBe(true);
  await page.getByLabel(en['ideaForm.join.codeLabel']).fill(session.joinCode);
  await page.getByRole('button', { name: en['ideaForm.join.submit'], exact: true }).click();
  await page.getByRole('button', { name: en['ideaForm.intro.start'] }).click();

  const codes: string[] = [];
  const receipt = page.getByRole('heading', { name: new RegExp(`^(${en['ideaForm.receipt.title']}|${en['ideaForm.receipt.queuedTitle']})$`.replace(/[.!]/g, '\\$&')) });
  for (let i = 0; i < IDEAS; i++) {
    await eventually(() => page.getByLabel(en['ideaForm.text.label']).isVisible()).toBe(true);
    await page.getByLabel(en['ideaForm.text.label']).fill(`Idea ${i + 1} from a village school: a talk about fake job offers abroad.`);
    await page.getByRole('radio', { name: en['theme.work_abroad'] }).check();
    await page.getByRole('radio', { name: en['ideaForm.consent.no'] }).check();
    await page.waitForTimeout(HUMAN_PAUSE_MS);
    await page.getByRole('button', { name: en['ideaForm.submit'] }).click();
    await eventually(() => receipt.isVisible()).toBe(true);
    codes.push(((await page.locator('.receipt-code').textContent()) ?? '').trim());
    if (i < IDEAS - 1) await page.getByRole('button', { name: en['ideaForm.receipt.another'] }).click();
  }
  console.log(`flakyNetwork: ${faults.dropped} requests dropped, ${faults.lostAnswers} answers lost, ${faults.delivered} delivered`);
  expect(new Set(codes).size).toBe(IDEAS);

  // The connection comes back; opening the page again delivers what waited on the device.
  flaky = false;
  await page.reload();
  await eventually(() => queuedEntries(page), 60_000).toBe(0);

  expect(await ideasInSession(teacher, session.id)).toBe(IDEAS);
  for (const code of codes) {
    const response = await fetch(`${portal.origin}/rest/v1/rpc/idea_status`, {
      method: 'POST',
      headers: { apikey: LOCAL_ANON_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ p_receipt_code: code }),
    });
    expect(((await response.json()) as { status: string }).status, `receipt ${code}`).toBe('received');
  }
  await context.close();
}, 300_000);
