// The student entry points' abuse limits (issue 13) through the local stack
// over the project's migrations and seed: the stack runs the db-pre-request
// function the migrations register on the authenticator role (no
// PGRST_DB_PRE_REQUEST), passes the client address in request.headers as
// Supabase's gateway does, and answers PT429 with HTTP 429.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgrestClient } from '@supabase/postgrest-js';
import { createStack } from '../../supabase/local/stack.ts';
import { ApiError } from '../../src/lib/supabase/apiError.ts';
import type { Database } from '../../src/lib/supabase/database.types.ts';
import { joinSession, submitIdea } from '../../src/lib/supabase/studentApi.ts';
import { raw, serviceClient } from './clients.ts';
import { backends, type Running } from './harness.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../support/throwawayDatabase.ts';

let run: Running;
let server: Server;

/** The stack over the project's migrations and seed on `backend`, behind a trusted proxy. */
function useProjectStack(backend: 'pglite' | 'postgres'): void {
  let throwaway: ThrowawayDatabase | undefined;
  beforeAll(async () => {
    throwaway = backend === 'postgres' ? await createThrowawayDatabase(process.env.DATABASE_URL as string, 'zeri_limits') : undefined;
    // Behind a trusted proxy, so the test can speak from several addresses: the
    // rightmost X-Forwarded-For entry is the client's.
    const stack = await createStack({ database: throwaway?.url ?? 'pglite', dataDir: null, seed: true, trustProxy: true, log: () => undefined });
    server = createServer((req, res) => void stack.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    run = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stack, close: async () => undefined };
  }, 120_000);

  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await run?.stack.close();
    await throwaway?.drop();
  });
}

async function setting(key: string, value: number): Promise<void> {
  const { error } = await serviceClient(run).from('settings').update({ value }).eq('key', key);
  expect(error).toBeNull();
}

function call(fn: string, address: string, body: Record<string, unknown>): Promise<Response> {
  return raw(run, `/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });
}

const idea = (code: string, i: number) => ({
  p_code: code, p_text: `Idea number ${i}: posters about safe jobs abroad in the school hall.`, p_theme: 'work_abroad',
  p_can_do: null, p_age_band: '15-17', p_locale: 'sq', p_publish_consent: false, p_idempotency_key: crypto.randomUUID(),
});

/** Waits past a minute boundary when one is near, so a burst falls in one counting window. */
async function awayFromMinuteBoundary(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
}

describe.each(backends)('the students\' limits through the stack (%s)', (backend) => {
  useProjectStack(backend);

  describe('join codes cannot be enumerated', () => {
    it('answers a burst of wrong codes from one address with 429 after failed_joins_per_address; another address is served', async () => {
      await setting('failed_joins_per_address', 5);
      try {
        for (let i = 0; i < 5; i++) {
          const res = await call('join_session', '203.0.113.7', { p_code: `ZZZ99${i}` });
          expect(res.status).toBe(200);
          expect(await res.json()).toEqual({ status: 'unknown' });
        }
        const refused = await call('join_session', '203.0.113.7', { p_code: 'ZZZ995' });
        expect(refused.status).toBe(429);
        expect(await refused.json()).toMatchObject({ code: 'PT429', message: 'rate_limited' });
        // Refused before the code is read: a right code from there learns nothing either.
        expect((await call('join_session', '203.0.113.7', { p_code: 'KUK234' })).status).toBe(429);
        // Nor can submit_idea be used to guess instead.
        expect((await call('submit_idea', '203.0.113.7', idea('ZZZ996', 0))).status).toBe(429);
        // A class behind another address joins.
        const other = await call('join_session', '198.51.100.2', { p_code: 'KUK234' });
        expect(other.status).toBe(200);
        expect(await other.json()).toMatchObject({ status: 'open', seat_token: expect.any(String) });
      } finally {
        await setting('failed_joins_per_address', 20);
      }
    });

    it('takes the address the proxy added, not one the client wrote into X-Forwarded-For', async () => {
      await setting('failed_joins_per_address', 2);
      try {
        for (const forged of ['1.1.1.1', '2.2.2.2']) {
          expect((await call('join_session', `${forged}, 203.0.113.20`, { p_code: 'ZZZ990' })).status).toBe(200);
        }
        expect((await call('join_session', '3.3.3.3, 203.0.113.20', { p_code: 'KUK234' })).status).toBe(429);
      } finally {
        await setting('failed_joins_per_address', 20);
      }
    });
  });

  describe('the students\' API layer', () => {
    const client = () =>
      new PostgrestClient<Database>(`${run.url}/rest/v1`, { headers: { apikey: run.stack.anonKey, Authorization: `Bearer ${run.stack.anonKey}` } });

    it('hands the seat token to the device, and throws session_unknown for a code submit_idea answered as unknown', async () => {
      const joined = await joinSession('KUK234', client());
      expect(joined).toMatchObject({ status: 'open', seatToken: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });
      const sent = await submitIdea({ ...idea('KUK234', 1), p_receipt_code: 'K7M9PQ2RXT', p_seat_token: joined.seatToken as string }, client());
      expect(sent).toMatchObject({ duplicate: false, receiptCode: 'K7M9PQ2RXT' });
      const refused = await submitIdea({ ...idea('ZZZ997', 2), p_receipt_code: 'K7M9PQ2RXS' }, client()).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).code).toBe('session_unknown');
    });
  });

  describe('the db-pre-request function', () => {
    it('runs the one the migrations set on the authenticator role, and follows NOTIFY pgrst, reload config', async () => {
      await setting('student_requests_per_minute_per_address', 3);
      try {
        await awayFromMinuteBoundary();
        for (let i = 0; i < 3; i++) expect((await call('join_session', '203.0.113.30', { p_code: 'KUK234' })).status).toBe(200);
        const refused = await call('join_session', '203.0.113.30', { p_code: 'KUK234' });
        expect(refused.status).toBe(429);
        expect(await refused.json()).toMatchObject({ code: 'PT429', details: 'at most 3 requests per minute from one address' });
        // Reads are not counted.
        expect((await raw(run, '/rest/v1/public_regions?select=slug', { headers: { 'x-forwarded-for': '203.0.113.30' } })).status).toBe(200);

        // Without the role setting (and no PGRST_DB_PRE_REQUEST) the stack runs no pre-request function.
        await run.stack.database.transaction(async (query) => {
          await query(`do $$ begin execute format('alter role authenticator in database %I reset pgrst.db_pre_request', current_database()); end $$`);
          await query("notify pgrst, 'reload config'");
        }, { readOnly: false });
        await expect.poll(async () => (await call('join_session', '203.0.113.30', { p_code: 'KUK234' })).status, { timeout: 5_000 }).toBe(200);
      } finally {
        await run.stack.database.transaction(async (query) => {
          await query(`do $$ begin execute format('alter role authenticator in database %I set pgrst.db_pre_request = %L', current_database(), 'private.check_request'); end $$`);
          await query("notify pgrst, 'reload config'");
        }, { readOnly: false });
        await setting('student_requests_per_minute_per_address', 600);
      }
    });
  });

  describe('a session\'s ideas budget', () => {
    it('cannot be exhausted by one client: past ideas_per_minute_per_address the others still send', async () => {
      // The default settings: 60 ideas per session per minute, 40 of them from one address.
      await awayFromMinuteBoundary();
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await call('submit_idea', '203.0.113.40', idea('DUR234', i))).status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(40);
      expect(statuses.slice(40).every((status) => status === 429)).toBe(true);
      for (const [i, address] of ['198.51.100.41', '198.51.100.42', '2001:db8:5::1'].entries()) {
        const res = await call('submit_idea', address, idea('DUR234', 100 + i));
        expect(res.status, await res.clone().text()).toBe(200);
      }
    }, 120_000);
  });
});
