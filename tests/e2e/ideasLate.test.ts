// The students' gaps in real Chromium against `npm start`'s server with the
// local Supabase stack: an idea queued offline survives its session closing;
// a refused one is announced without its text and deleted on acknowledgement
// or after 24 hours; the receipt's QR code
// loads on demand and holds only the track page's address; open calls on
// region pages; activity timelines on the track page.
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { LOCAL_ANON_KEY } from '../../src/lib/supabase/config.ts';
import { launchBrowser } from './browser.ts';
import {
  eventually,
  expectNoAxeViolations,
  HUMAN_PAUSE_MS,
  ideasInSession,
  openClassSession,
  queuedEntries,
  RECEIPT,
  signInTeacher,
  startIdeasPortal,
  type IdeasPortal,
} from './ideas/portal.ts';

let portal: IdeasPortal;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  portal = await startIdeasPortal();
  if (!portal.apiAnswers) {
    console.warn(`SKIPPED tests/e2e/ideasLate.test.ts: ${portal.origin}/rest/v1/ does not answer (local Supabase stack not mounted).`);
    return;
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

beforeEach(async (ctx) => {
  if (!portal.apiAnswers) ctx.skip();
  await context?.close();
  context = await browser.newContext({ baseURL: portal.origin });
  page = await context.newPage();
});

async function joinAndStart(code: string): Promise<void> {
  await page.goto('/en/ideas/');
  await eventually(() => page.getByRole('button', { name: en['ideaForm.join.submit'], exact: true }).isEnabled()).toBe(true);
  await page.getByLabel(en['ideaForm.join.codeLabel']).fill(code);
  await page.getByRole('button', { name: en['ideaForm.join.submit'], exact: true }).click();
  await page.getByRole('button', { name: en['ideaForm.intro.start'] }).click();
  await eventually(() => page.getByRole('heading', { name: en['ideaForm.title'], exact: true }).isVisible()).toBe(true);
}

async function writeAndSend(text: string): Promise<void> {
  await page.getByLabel(en['ideaForm.text.label']).fill(text);
  await page.getByRole('radio', { name: en['theme.community'] }).check();
  await page.getByRole('radio', { name: en['ideaForm.consent.yes'] }).check();
  await page.waitForTimeout(HUMAN_PAUSE_MS);
  await page.getByRole('button', { name: en['ideaForm.submit'] }).click();
}

async function receiptCode(): Promise<string> {
  const code = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
  expect(code).toMatch(RECEIPT);
  return code;
}

/** One idea straight through the API, as another student's tablet would send it. */
async function sendThroughApi(code: string): Promise<number> {
  const response = await fetch(`${portal.origin}/rest/v1/rpc/submit_idea`, {
    method: 'POST',
    headers: { apikey: LOCAL_ANON_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      p_code: code,
      p_text: 'Another student filled the last place in this session.',
      p_theme: 'school',
      p_can_do: null,
      p_age_band: null,
      p_locale: 'en',
      p_publish_consent: false,
      p_idempotency_key: crypto.randomUUID(),
    }),
  });
  return response.status;
}

/** The QR code as a camera sees it: a screenshot of the element, decoded by jsQR. */
async function readQr(): Promise<string | undefined> {
  const png = await page.getByRole('img', { name: en['ideaForm.receipt.qrLabel'] }).screenshot();
  const decoder = await browser.newPage();
  try {
    const pixels = (await decoder.evaluate(`(async () => {
      const blob = await (await fetch('data:image/png;base64,${png.toString('base64')}')).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const image = context.getImageData(0, 0, bitmap.width, bitmap.height);
      return { width: image.width, height: image.height, data: Array.from(image.data) };
    })()`)) as { width: number; height: number; data: number[] };
    return jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data;
  } finally {
    await decoder.close();
  }
}

describe('nothing is lost when a session closes while a device is offline', () => {
  it('stores an idea queued offline exactly once although the teacher closed the session before the device came back', async () => {
    const teacher = await signInTeacher(portal.origin);
    const session = await openClassSession(teacher, { opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 3_600_000) });
    await joinAndStart(session.joinCode);

    await context.setOffline(true);
    await writeAndSend('Older students could visit younger classes to talk about fake job offers.');
    await eventually(() => page.getByRole('heading', { name: en['ideaForm.receipt.queuedTitle'] }).isVisible()).toBe(true);
    const code = await receiptCode();
    expect(await queuedEntries(page)).toBe(1);
    // The queued idea carries the seat the device got on joining; the tab's storage does not.
    const seat = await queuedSeatToken();
    expect(seat).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(seat as string);

    const { error } = await teacher.rpc('close_session', { p_session_id: session.id });
    expect(error).toBeNull();
    // The session is closed for everyone else now.
    expect(await sendThroughApi(session.joinCode)).toBe(400);

    await context.setOffline(false);
    await eventually(() => page.getByText(en['ideaForm.queue.delivered']).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await queuedEntries(page)).toBe(0);
    expect(await ideasInSession(teacher, session.id)).toBe(1);
    expect(await page.getByRole('heading', { name: en['ideaForm.refused.title'] }).count()).toBe(0);

    // A reload delivers nothing twice.
    await page.reload();
    await page.waitForTimeout(1_000);
    expect(await ideasInSession(teacher, session.id)).toBe(1);
    await page.goto('/en/ideas/track/');
    await page.getByLabel(en['track.codeLabel']).fill(code);
    await page.getByRole('button', { name: en['track.submit'], exact: true }).click();
    await eventually(() => page.getByText(en['track.status.pending']).isVisible()).toBe(true);
  });

  it('announces a finally refused idea without its text, and deletes it once the teacher was told', async () => {
    const teacher = await signInTeacher(portal.origin);
    const session = await openClassSession(teacher, { opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 3_600_000), maxIdeas: 1 });
    await joinAndStart(session.joinCode);

    await context.setOffline(true);
    const text = 'A noticeboard in the town hall with the real job offers for young people.';
    await writeAndSend(text);
    await eventually(() => page.getByRole('heading', { name: en['ideaForm.receipt.queuedTitle'] }).isVisible()).toBe(true);
    const code = await receiptCode();
    // Meanwhile the last place goes to another tablet.
    expect(await sendThroughApi(session.joinCode)).toBe(200);

    await context.setOffline(false);
    const title = page.getByRole('heading', { name: en['ideaForm.refused.title'] });
    await eventually(() => title.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: en['ideaForm.refused.announce'] }).isVisible()).toBe(true);
    expect(await page.getByText(en['ideaForm.refused.reasonFull']).isVisible()).toBe(true);
    expect(await page.getByText(en['ideaForm.refused.whatToDo']).isVisible()).toBe(true);
    // Kept, not retried, not counted as waiting.
    expect(await queuedEntries(page)).toBe(1);
    expect(await ideasInSession(teacher, session.id)).toBe(1);
    await expectNoAxeViolations(page, 'refused idea');

    // The next child at this tablet finds neither the text nor the code, not even in the page's markup.
    await page.reload();
    await eventually(() => title.isVisible()).toBe(true);
    const markup = await page.content();
    expect(markup).not.toContain(text);
    expect(markup).not.toContain(code);
    expect(markup).not.toContain(code.replace('-', ''));

    // The teacher was told: deleted after a confirmation.
    await page.getByRole('button', { name: en['ideaForm.refused.forget'] }).click();
    await page.getByRole('button', { name: en['ideaForm.refused.yes'] }).click();
    await eventually(() => title.count()).toBe(0);
    expect(await queuedEntries(page)).toBe(0);
  });

  it('deletes a refused idea nobody acknowledged 24 hours after the refusal', async () => {
    await page.goto('/en/ideas/');
    await eventually(() => page.getByRole('button', { name: en['ideaForm.join.submit'], exact: true }).isEnabled()).toBe(true);
    const hour = 3_600_000;
    await putQueueEntries([
      refusedEntry('older-than-a-day', Date.now() - 25 * hour),
      refusedEntry('refused-this-morning', Date.now() - 2 * hour),
    ]);
    await page.reload();
    const title = page.getByRole('heading', { name: en['ideaForm.refused.title'] });
    await eventually(() => title.isVisible()).toBe(true);
    expect(await page.locator('.refused-ideas li').count()).toBe(1);
    expect(await queuedEntries(page)).toBe(1);
    expect(await page.content()).not.toContain('Words of a child');
  });
});

function refusedEntry(key: string, refusedAt: number) {
  return {
    idempotencyKey: key,
    payload: { p_code: 'KUK234', p_text: `Words of a child (${key})`, p_receipt_code: 'K7M9PQ2RXT' },
    queuedAt: refusedAt - 60_000,
    attempts: 1,
    refused: { code: 'session_closed', at: refusedAt },
  };
}

/** The seat token stored with the (single) queued idea, or undefined. */
function queuedSeatToken(): Promise<string | undefined> {
  return page.evaluate(
    `new Promise((resolve, reject) => {
      const open = indexedDB.open('zeri');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction('pendingIdeas').objectStore('pendingIdeas').getAll();
        all.onsuccess = () => { db.close(); resolve(all.result[0]?.payload?.p_seat_token); };
        all.onerror = () => reject(all.error);
      };
    })`,
  ) as Promise<string | undefined>;
}

/** Writes entries into the device's queue as an earlier visit would have left them. */
function putQueueEntries(entries: unknown[]): Promise<void> {
  return page.evaluate(
    `new Promise((resolve, reject) => {
      const open = indexedDB.open('zeri');
      open.onupgradeneeded = () => open.result.createObjectStore('pendingIdeas', { keyPath: 'idempotencyKey' });
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('pendingIdeas', 'readwrite');
        for (const entry of ${JSON.stringify(entries)}) tx.objectStore('pendingIdeas').put(entry);
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    })`,
  ) as Promise<void>;
}

describe('the receipt QR code', () => {
  it('loads its encoder only when asked and holds the track page address, never the receipt code', async () => {
    await joinAndStart('DUR234');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await writeAndSend('Every bus station could show where to check whether a job offer abroad is real.');
    await eventually(() => page.getByRole('heading', { name: en['ideaForm.receipt.title'] }).isVisible()).toBe(true);
    const code = await receiptCode();
    const before = scripts.length;

    await page.getByRole('button', { name: en['ideaForm.receipt.qrShow'] }).click();
    const qr = page.getByRole('img', { name: en['ideaForm.receipt.qrLabel'] });
    await eventually(() => qr.isVisible()).toBe(true);
    expect(scripts.length, 'the QR encoder is a separate script, fetched on demand').toBeGreaterThan(before);
    const decoded = await readQr();
    expect(decoded).toBe(`${portal.origin}/en/ideas/track/`);
    expect(decoded).not.toContain(code.replace('-', ''));
    expect(await page.getByRole('figure').evaluate((node) => node === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page, 'receipt with QR');
  });
});

describe('region pages and the track page', () => {
  it('shows a running open call with a button to the form, and nothing where there is none', async () => {
    await page.goto('/en/regions/durres/');
    // client:visible: the island loads when the ideas section scrolls into view.
    await page.getByRole('heading', { name: en['region.ideasTitle'] }).scrollIntoViewIfNeeded();
    const link = page.getByRole('link', { name: en['openCalls.join'] });
    await eventually(() => link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe('/en/ideas/?code=DUR234');
    expect(await page.getByText(/An open call for ideas is running until .*2099/).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'region with open call');
    await link.click();
    await eventually(() => page.getByRole('heading', { name: en['ideaForm.intro.title'] }).isVisible()).toBe(true);

    const asked = page.waitForResponse((response) => response.url().includes('/rest/v1/public_open_calls'));
    await page.goto('/en/regions/berat/');
    await page.getByRole('heading', { name: en['region.ideasTitle'] }).scrollIntoViewIfNeeded();
    expect((await asked).status()).toBe(200);
    expect(await page.locator('.open-call').count()).toBe(0);
  });

  it('shows when each adopted idea\'s plan activity takes place', async () => {
    await page.goto('/en/ideas/track/');
    await page.getByLabel(en['track.codeLabel']).fill('KUKES-ADPT2');
    await page.getByRole('button', { name: en['track.submit'], exact: true }).click();
    await eventually(() => page.getByText(en['track.status.adopted']).isVisible()).toBe(true);
    const when = page.locator('.track-activities dt', { hasText: en['track.activity.timeline'] }).locator('xpath=following-sibling::dd[1]');
    expect(await when.textContent()).toMatch(/20\d\d/);
    await expectNoAxeViolations(page, 'track with timeline');
  });
});
