// Teachers in real Chromium against `npm start`'s server with the local
// Supabase stack: sign in, open a session, read its QR code from the
// screen's pixels, watch a second browser's ideas arrive, extend, close,
// type in an idea from paper; an unapproved teacher is stopped by the page
// and by the database; axe on every teacher page; keyboard only.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createClient } from '@supabase/supabase-js';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { LOCAL_ANON_KEY } from '../../src/lib/supabase/config.ts';
import { joinUrl } from '../../src/lib/sessionCode.ts';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, startIdeasPortal, type IdeasPortal } from './ideas/portal.ts';

const TEACHER = { email: 'mesuese@zeri.test', password: 'zeri-demo-2026' };
// The students' form refuses sends faster than a person could manage.
const HUMAN_PAUSE_MS = 3_100;
const CODE = /^[0-9A-HJKMNP-Z]{6}$/;

/** `expect.poll` with room for hydration and the 5 s polling of the projector screen. */
function poll<T>(read: () => Promise<T> | T, options: { timeout?: number; interval?: number } = {}) {
  return expect.poll(read, { timeout: 10_000, ...options });
}

let portal: IdeasPortal;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  portal = await startIdeasPortal();
  if (!portal.apiAnswers) return;
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await portal?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal.origin });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, next: string, who = TEACHER): Promise<void> {
  await page.goto(`/en/account/signin/?next=${encodeURIComponent(next)}`);
  await expectNoAxeViolations(page, 'sign-in');
  const submit = page.getByRole('button', { name: en['account.signIn.submit'], exact: true });
  await poll(() => submit.isEnabled()).toBe(true);
  await page.getByRole('textbox', { name: en['account.email'] }).fill(who.email);
  await page.getByLabel(en['account.password'], { exact: true }).fill(who.password);
  await Promise.all([page.waitForURL((url) => url.pathname === next.split('?')[0]), submit.click()]);
}

/** The QR code as a camera sees it: a screenshot of the element, decoded by jsQR. */
async function readQr(page: Page): Promise<string | undefined> {
  const png = await page.getByRole('img', { name: /QR code/ }).screenshot();
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

async function studentSends(page: Page, code: string, text: string): Promise<void> {
  await page.getByLabel(en['ideaForm.text.label']).fill(text);
  await page.getByRole('radio', { name: en['theme.school'] }).check();
  await page.getByRole('radio', { name: en['ideaForm.consent.yes'] }).check();
  await page.waitForTimeout(HUMAN_PAUSE_MS);
  await page.getByRole('button', { name: en['ideaForm.submit'] }).click();
  await poll(() => page.getByRole('heading', { name: en['ideaForm.receipt.title'] }).isVisible(), { timeout: 15_000 }).toBe(true);
  void code;
}

describe('teachers run a class session', () => {
  it('the demo teacher opens a session, shows code and QR, and sees two ideas arrive, extends and closes it', { timeout: 240_000 }, async (ctx) => {
    if (!portal.apiAnswers) ctx.skip();
    const teacher = await newPage();
    await teacher.goto('/en/teachers/new/?activity=spot-the-fake-job-ad');
    await poll(() => teacher.getByRole('heading', { name: en['account.signedOutTitle'] }).isVisible()).toBe(true);
    await expectNoAxeViolations(teacher, 'new session, signed out');
    // The sign-in link carries this page (with its query) as ?next=.
    const signInLink = await teacher.getByRole('link', { name: en['account.signInLink'], exact: true }).getAttribute('href');
    expect(signInLink).toBe(`/en/account/signin/?next=${encodeURIComponent('/en/teachers/new/?activity=spot-the-fake-job-ad')}`);

    await signIn(teacher, '/en/teachers/new/?activity=spot-the-fake-job-ad');
    const school = teacher.getByLabel(en['teacher.new.school']);
    await poll(() => school.inputValue()).toBe('Shkolla e Mesme Demo, Kukës');
    // Coming from an activity page pre-selects that activity.
    expect(await teacher.getByLabel(en['teacher.new.activity']).inputValue()).toBe('spot-the-fake-job-ad');
    await expectNoAxeViolations(teacher, 'new session form');

    // Nothing is sent while a rule is broken: the error is announced and tied to its field.
    await teacher.getByRole('button', { name: en['teacher.new.submit'] }).click();
    await poll(() => teacher.getByRole('alert').first().textContent()).toBe(en['validation.session.gradeBandRequired']);
    await expectNoAxeViolations(teacher, 'new session form with errors');

    await teacher.getByRole('radio', { name: en['teacher.new.gradeBand.6-9'] }).check();
    await teacher.getByLabel(en['teacher.new.studentsPresent']).fill('24');
    await Promise.all([teacher.waitForURL(/\/en\/teachers\/session\/\?id=/), teacher.getByRole('button', { name: en['teacher.new.submit'] }).click()]);

    const codeText = teacher.getByTestId('join-code');
    await poll(() => codeText.isVisible()).toBe(true);
    const code = (await codeText.textContent())?.trim() ?? '';
    expect(code).toMatch(CODE);
    expect(await readQr(teacher)).toBe(joinUrl(portal.origin, 'en', code));
    await poll(() => teacher.getByTestId('idea-count').textContent()).toBe('0 of 40');
    await expectNoAxeViolations(teacher, 'projector screen');
    const sessionId = new URL(teacher.url()).searchParams.get('id') ?? '';

    // A student, in another browser context, follows the QR code's link.
    const student = await newPage();
    await student.goto(joinUrl(portal.origin, 'en', code));
    await student.getByRole('button', { name: en['ideaForm.intro.start'] }).click();
    await studentSends(student, code, 'Every class could invite a police officer to talk about fake job offers.');
    await student.getByRole('button', { name: en['ideaForm.receipt.another'] }).click();
    await studentSends(student, code, 'Posters about safe work abroad in every bus station of the county.');

    // The projector counts them without a reload (polling every 5 s).
    await poll(() => teacher.getByTestId('idea-count').textContent(), { timeout: 15_000, interval: 500 }).toBe('2 of 40');

    // Extend by 15 minutes: the database's closing time moves by 15 minutes.
    const owner = createClient(portal.origin, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
    await owner.auth.signInWithPassword(TEACHER);
    const before = await owner.from('class_sessions').select('closes_at').eq('id', sessionId).single();
    await teacher.getByRole('button', { name: en['teacher.screen.extend'] }).click();
    await poll(() => teacher.getByRole('status').filter({ hasText: 'The session now closes at' }).count()).toBe(1);
    const after = await owner.from('class_sessions').select('closes_at').eq('id', sessionId).single();
    expect(Date.parse(after.data?.closes_at as string) - Date.parse(before.data?.closes_at as string)).toBe(15 * 60_000);

    // Close now (after the browser's confirmation).
    teacher.once('dialog', (dialog) => void dialog.accept());
    await teacher.getByRole('button', { name: en['teacher.screen.close'] }).click();
    await poll(() => teacher.getByTestId('countdown').textContent()).toBe(en['teacher.screen.ended']);
    expect(await teacher.getByRole('button', { name: en['teacher.screen.extend'] }).count()).toBe(0);
    await expectNoAxeViolations(teacher, 'projector screen, closed');

    // The next idea is refused, in the student's browser and by the API.
    await student.getByRole('button', { name: en['ideaForm.receipt.another'] }).click();
    await student.getByLabel(en['ideaForm.text.label']).fill('One more idea after the session was closed by the teacher.');
    await student.getByRole('radio', { name: en['theme.school'] }).check();
    await student.getByRole('radio', { name: en['ideaForm.consent.no'] }).check();
    await student.waitForTimeout(HUMAN_PAUSE_MS);
    await student.getByRole('button', { name: en['ideaForm.submit'] }).click();
    await poll(() => student.getByText(en['ideaForm.error.sessionClosed']).isVisible()).toBe(true);
    const anon = createClient(portal.origin, LOCAL_ANON_KEY, { auth: { persistSession: false } });
    const refused = await anon.rpc('submit_idea', {
      p_code: code,
      p_text: 'Another idea sent straight to the API after closing.',
      p_theme: 'school',
      p_can_do: null,
      p_age_band: null,
      p_locale: 'en',
      p_publish_consent: false,
      p_idempotency_key: crypto.randomUUID(),
    });
    expect(refused.error?.message).toBe('session_closed');

    // My sessions lists it as closed with its two ideas pending; the sheet prints code and QR.
    await teacher.goto('/en/teachers/');
    const card = teacher.getByRole('listitem').filter({ hasText: code });
    await poll(() => card.getByText(en['teacher.status.closed']).isVisible()).toBe(true);
    expect(await card.getByRole('definition').allTextContents()).toEqual(expect.arrayContaining([code, '2']));
    await expectNoAxeViolations(teacher, 'my sessions');
    await teacher.goto(`/en/teachers/sheet/?id=${sessionId}`);
    await poll(() => teacher.getByText(`Type the session code: ${code}.`).isVisible()).toBe(true);
    expect(await readQr(teacher)).toBe(joinUrl(portal.origin, 'en', code));
    await expectNoAxeViolations(teacher, 'printable sheet');
  });

  it('a teacher types in an idea from paper and gets a receipt slip; the idea is marked transcribed', async (ctx) => {
    if (!portal.apiAnswers) ctx.skip();
    const teacher = await newPage();
    await signIn(teacher, '/en/teachers/new/');
    await teacher.getByRole('radio', { name: en['teacher.new.gradeBand.10-12'] }).check();
    await Promise.all([teacher.waitForURL(/\/en\/teachers\/session\/\?id=/), teacher.getByRole('button', { name: en['teacher.new.submit'] }).click()]);
    const sessionId = new URL(teacher.url()).searchParams.get('id') ?? '';
    await teacher.getByRole('link', { name: en['teacher.openTranscribe'] }).click();
    await poll(() => teacher.getByLabel(en['teacher.transcribe.text']).isVisible()).toBe(true);
    await expectNoAxeViolations(teacher, 'transcribe form');

    await teacher.getByRole('button', { name: en['teacher.transcribe.submit'] }).click();
    await poll(() => teacher.getByText(en['validation.idea.textRequired']).isVisible()).toBe(true);

    await teacher.getByLabel(en['teacher.transcribe.text']).fill('Our class wants a poster competition about safe work abroad.');
    await teacher.getByRole('radio', { name: en['theme.work_abroad'] }).check();
    await teacher.getByRole('radio', { name: en['teacher.transcribe.consentYes'] }).check();
    await teacher.getByRole('button', { name: en['teacher.transcribe.submit'] }).click();
    await poll(() => teacher.getByRole('status').filter({ hasText: en['teacher.transcribe.sent'] }).isVisible()).toBe(true);
    const slip = (await teacher.locator('.slip-code').first().textContent())?.trim() ?? '';
    expect(slip).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(await teacher.getByLabel(en['teacher.transcribe.text']).inputValue()).toBe('');
    await expectNoAxeViolations(teacher, 'transcribe with a slip');
    // The way back to the projector screen of the same session.
    await Promise.all([
      teacher.waitForURL((url) => url.pathname === '/en/teachers/session/' && url.searchParams.get('id') === sessionId),
      teacher.getByRole('link', { name: en['teacher.transcribe.backToSession'] }).click(),
    ]);

    // The slip's code tracks the idea; the teacher's counts include it.
    const anon = createClient(portal.origin, LOCAL_ANON_KEY, { auth: { persistSession: false } });
    const status = await anon.rpc('idea_status', { p_receipt_code: slip });
    expect(status.data?.status).toBe('received');
    const owner = createClient(portal.origin, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
    await owner.auth.signInWithPassword(TEACHER);
    const counts = await owner.from('teacher_session_counts').select('total').eq('session_id', sessionId).single();
    expect(counts.data?.total).toBe(1);
    // A moderator sees it flagged as transcribed.
    const moderator = createClient(portal.origin, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
    await moderator.auth.signInWithPassword({ email: 'kukes@zeri.test', password: 'zeri-demo-2026' });
    const ideas = await moderator.from('ideas').select('transcribed').eq('session_id', sessionId);
    expect(ideas.data).toEqual([{ transcribed: true }]);
  });

  it('an unapproved teacher waits for approval and cannot create sessions, in the page or through the API', async (ctx) => {
    if (!portal.apiAnswers) ctx.skip();
    const page = await newPage();
    const email = `new.teacher.${Date.now()}@zeri.test`;
    const password = 'a-long-enough-password';
    await page.goto('/en/account/signup/');
    await expectNoAxeViolations(page, 'sign-up');
    const submit = page.getByRole('button', { name: en['account.signUp.submit'] });
    await poll(() => submit.isEnabled()).toBe(true);
    await submit.click();
    await poll(() => page.getByText(en['account.validation.nameRequired']).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'sign-up with errors');
    await page.getByLabel(en['account.signUp.name']).fill('Teacher Waiting');
    await page.getByLabel(en['account.email']).fill(email);
    await page.getByLabel(en['account.password']).fill(password);
    await page.getByLabel(en['account.signUp.school']).fill('Shkolla 9-vjeçare Test, Shkodër');
    await page.getByLabel(en['account.signUp.region']).selectOption('shkoder');
    await submit.click();
    await poll(() => page.getByRole('heading', { name: en['account.waiting.title'] }).isVisible()).toBe(true);

    // The page: no form, the waiting message instead.
    await page.goto('/en/teachers/new/');
    await poll(() => page.getByRole('heading', { name: en['account.waiting.title'] }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: en['teacher.new.submit'] }).count()).toBe(0);
    await expectNoAxeViolations(page, 'new session, waiting for approval');
    await page.goto('/en/account/');
    await poll(() => page.getByText('Teacher, waiting for approval: Shkolla 9-vjeçare Test, Shkodër', { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'account, waiting');

    // The API: row-level security refuses the insert.
    const client = createClient(portal.origin, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
    const signedIn = await client.auth.signInWithPassword({ email, password });
    expect(signedIn.error).toBeNull();
    const insert = await client
      .from('class_sessions')
      .insert({
        kind: 'class',
        teacher_id: signedIn.data.user?.id,
        region: 'shkoder',
        school: 'Shkolla 9-vjeçare Test, Shkodër',
        grade_band: '6-9',
        opens_at: new Date().toISOString(),
        closes_at: new Date(Date.now() + 3_600_000).toISOString(),
      })
      .select('id')
      .single();
    expect(insert.error?.code).toBe('42501');

    // Sign out clears the tab's session: the teachers' pages ask to sign in again.
    await page.goto('/en/account/');
    await page.getByRole('button', { name: en['account.signOut'] }).click();
    await poll(() => page.getByText(en['account.signedOut']).isVisible()).toBe(true);
    await page.goto('/en/teachers/');
    await poll(() => page.getByRole('heading', { name: en['account.signedOutTitle'] }).isVisible()).toBe(true);
  });

  it('says password reset is not available on the local stack, and refuses ?next= to another site', async (ctx) => {
    if (!portal.apiAnswers) ctx.skip();
    const page = await newPage();
    // Hold the island's JavaScript so the address is typed before hydration,
    // as on a slow school network: what was typed then must be what is sent.
    const held: Array<() => Promise<void>> = [];
    await page.route('**/*.js', (route) => held.push(() => route.continue()));
    await page.goto('/en/account/signin/?next=//evil.example/', { waitUntil: 'domcontentloaded' });
    await page.getByText(en['account.forgot.title']).click();
    await page.locator('#forgot-email').fill(TEACHER.email);
    expect(held.length).toBeGreaterThan(0);
    await Promise.all(held.splice(0).map((release) => release()));
    await page.route('**/*.js', (route) => route.continue());
    await page.getByRole('button', { name: en['account.forgot.submit'] }).click();
    await poll(() => page.getByText(en['account.forgot.unavailable']).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'forgotten password, unavailable');

    await page.getByRole('textbox', { name: en['account.email'] }).first().fill(TEACHER.email);
    await page.getByLabel(en['account.password'], { exact: true }).fill(TEACHER.password);
    await Promise.all([page.waitForURL((url) => url.pathname === '/en/account/'), page.getByRole('button', { name: en['account.signIn.submit'], exact: true }).click()]);
    expect(new URL(page.url()).origin).toBe(portal.origin);
    await poll(() => page.getByText('Approved teacher: Shkolla e Mesme Demo, Kukës', { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'account');
    await page.goto('/en/account/password/');
    await poll(() => page.getByLabel(en['account.password.current']).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'change password');
  });

  it('works with the keyboard alone: sign in, open a session, extend it', async (ctx) => {
    if (!portal.apiAnswers) ctx.skip();
    const page = await newPage();
    await page.goto(`/sq/account/signin/?next=${encodeURIComponent('/sq/teachers/new/')}`);
    await poll(() => page.getByRole('button', { name: 'Hyr', exact: true }).isEnabled()).toBe(true);

    async function tabTo(accessibleName: string, max = 40): Promise<void> {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
          return (label ?? el.closest('label')?.textContent ?? el.textContent ?? '').trim();
        });
        if (name === accessibleName) return;
      }
      throw new Error(`Tab never reached "${accessibleName}"`);
    }

    await tabTo('Adresa e e-mailit');
    await page.keyboard.type(TEACHER.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEACHER.password);
    await Promise.all([page.waitForURL((url) => url.pathname === '/sq/teachers/new/'), page.keyboard.press('Enter')]);

    await poll(() => page.getByLabel('Shkolla', { exact: true }).isVisible()).toBe(true);
    await tabTo('Klasat 6–9');
    await page.keyboard.press('Space');
    await tabTo('Krijo seancën');
    await Promise.all([page.waitForURL(/\/sq\/teachers\/session\/\?id=/), page.keyboard.press('Enter')]);
    await poll(() => page.getByTestId('join-code').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'projector screen (sq)');
    await tabTo('Zgjate 15 minuta');
    await page.keyboard.press('Enter');
    await poll(() => page.getByText(/Seanca u zgjat deri në/).isVisible()).toBe(true);
    // The outcome takes the focus, so a screen reader hears it.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/Seanca u zgjat deri në/);
  });
});
