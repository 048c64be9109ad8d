// The portal for the ideas browser tests: `npm start`'s server (startPortal)
// on the built site (dist/, or ZERI_DIST_DIR), or one already running at
// ZERI_PORTAL_URL. The tests need the local
// Supabase stack mounted on it; `apiAnswers` says whether it is.
import AxeBuilder from '@axe-core/playwright';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeTags } from '../auditPage.ts';
import { startPortal } from '../browser.ts';
import { LOCAL_ANON_KEY } from '../../../src/lib/supabase/config.ts';
import { MIN_FILL_MS } from '../../../src/islands/IdeaForm/submission.ts';

export interface IdeasPortal {
  origin: string;
  /** Whether `/rest/v1/` answers like PostgREST (the local stack is mounted). */
  apiAnswers: boolean;
  stop(): Promise<void>;
}

async function restAnswers(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/rest/v1/rpc/join_session`, {
      method: 'POST',
      headers: { apikey: LOCAL_ANON_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ p_code: 'KUK234' }),
    });
    return response.ok && (response.headers.get('content-type') ?? '').includes('json');
  } catch {
    return false;
  }
}

export async function startIdeasPortal(): Promise<IdeasPortal> {
  const existing = process.env['ZERI_PORTAL_URL'];
  if (existing) {
    const origin = new URL(existing).origin;
    return { origin, apiAnswers: await restAnswers(origin), stop: async () => {} };
  }
  // ZERI_DIST_DIR: a build elsewhere (`npx astro build --outDir …`), so a
  // run does not rebuild the dist/ other suites may be reading.
  const distDir = process.env['ZERI_DIST_DIR'];
  const portal = await startPortal(distDir ? { distDir } : {});
  return {
    origin: portal.origin,
    apiAnswers: await restAnswers(portal.origin),
    stop: async () => {
      await portal.stop();
    },
  };
}

/** axe with the project's WCAG tags; fails with the rule ids and targets. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations in state "${state}"`).toEqual([]);
}

export const DEMO_CODE = 'KUK234';

/** A receipt code as the student sees it, XXXXX-XXXXX from the receipt alphabet. */
export const RECEIPT = /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/;

/** The form refuses sends faster than a person could manage (MIN_FILL_MS); tests wait a little longer. */
export const HUMAN_PAUSE_MS = MIN_FILL_MS + 100;

/** expect.poll gives up after 1 s by default; a loaded CI machine needs longer. */
export const eventually = <T,>(read: () => T | Promise<T>, options: { timeout?: number } = {}) =>
  expect.poll(read, { interval: 100, timeout: 15_000, ...options });
const TEACHER = { email: 'mesuese@zeri.test', password: 'zeri-demo-2026' };

/** The seeded demo teacher (Kukës), signed in through the portal's /auth/v1. */
export async function signInTeacher(origin: string): Promise<SupabaseClient> {
  const client = createClient(origin, LOCAL_ANON_KEY, { auth: { persistSession: false, autoRefreshToken: false } });
  const { error } = await client.auth.signInWithPassword(TEACHER);
  if (error) throw new Error(`teacher sign-in failed: ${error.message}`);
  return client;
}

/** A new class session of the demo teacher; returns its id and join code. */
export async function openClassSession(
  teacher: SupabaseClient,
  window: { opensAt: Date; closesAt: Date; maxIdeas?: number },
): Promise<{ id: string; joinCode: string }> {
  const { data, error } = await teacher
    .from('class_sessions')
    .insert({
      kind: 'class',
      region: 'kukes',
      school: 'Shkolla e Testit',
      grade_band: '6-9',
      teacher_id: (await teacher.auth.getUser()).data.user?.id,
      opens_at: window.opensAt.toISOString(),
      closes_at: window.closesAt.toISOString(),
      max_ideas: window.maxIdeas ?? 200,
    })
    .select('id, join_code')
    .single();
  if (error) throw new Error(`could not open a session: ${error.message}`);
  return { id: data.id as string, joinCode: data.join_code as string };
}

/** How many ideas a session of the demo teacher holds (the teacher's own count view). */
export async function ideasInSession(teacher: SupabaseClient, sessionId: string): Promise<number> {
  const { data, error } = await teacher.from('teacher_session_counts').select('total').eq('session_id', sessionId).single();
  if (error) throw new Error(error.message);
  return data.total as number;
}

/** Entries of the offline queue, read in the page. */
export function queuedEntries(page: Page): Promise<number> {
  return page.evaluate(
    `new Promise((resolve, reject) => {
      const open = indexedDB.open('zeri');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('pendingIdeas')) { db.close(); resolve(0); return; }
        const count = db.transaction('pendingIdeas').objectStore('pendingIdeas').count();
        count.onsuccess = () => { db.close(); resolve(count.result); };
        count.onerror = () => reject(count.error);
      };
    })`,
  ) as Promise<number>;
}
