// Abuse limits of the student entry points (issue 13): private.check_request,
// PostgREST's db-pre-request, and the counters join_session and submit_idea
// keep per client address (the first X-Forwarded-For entry of
// request.headers, as Supabase's gateway passes it), per session, and for
// failed joins from everyone.
import { describe, expect, it } from 'vitest';
import { attempt, authenticateAs, ideaArgs, resetRole, rpc, rpcAttempt, sessions, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

/** The request context PostgREST sets for an anonymous (or `persona`) call to `path` from `address`. */
async function asClient(address: string | null, path = '/rpc/join_session', persona: 'anon' | 'service_role' = 'anon'): Promise<void> {
  await authenticateAs(t.db, persona);
  const headers = address === null ? {} : { 'x-forwarded-for': address, 'user-agent': 'test' };
  await t.db.query("select set_config('request.headers', $1, true), set_config('request.path', $2, true)", [JSON.stringify(headers), path]);
}

async function setting(key: string, value: number): Promise<void> {
  await resetRole(t.db);
  await t.db.query('update public.settings set value = $2::text::jsonb where key = $1', [key, String(value)]);
}

/** The pre-request function as PostgREST calls it: 'ok' or the error's code and message. */
async function preRequest(address: string | null, path = '/rpc/join_session'): Promise<string> {
  await asClient(address, path);
  const result = await attempt(t.db, 'select private.check_request()');
  return result.ok ? 'ok' : `${result.error.code} ${result.error.message}`;
}

async function join(address: string | null, code: string): Promise<string> {
  await asClient(address);
  const result = await rpcAttempt<{ status: string }>(t.db, 'join_session', { p_code: code });
  return result.ok ? (result.rows[0]?.status ?? 'none') : `${result.error.code} ${result.error.message}`;
}

async function submit(address: string | null, overrides: Record<string, unknown> = {}): Promise<string> {
  await asClient(address, '/rpc/submit_idea');
  const result = await rpcAttempt<{ refused?: string }>(t.db, 'submit_idea', ideaArgs(overrides));
  if (!result.ok) return `${result.error.code} ${result.error.message}`;
  return result.rows[0]?.refused ?? 'accepted';
}

async function counters(): Promise<number> {
  await resetRole(t.db);
  const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from private.rate_counters');
  return rows[0]!.n;
}

describe('private.client_address', () => {
  it('reads the first X-Forwarded-For entry, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', async () => {
    const read = async (header: string | null) => {
      await asClient(header);
      await resetRole(t.db);
      const { rows } = await t.db.query<{ address: string | null }>('select private.client_address() as address');
      return rows[0]!.address;
    };
    expect(await read('203.0.113.7')).toBe('203.0.113.7');
    expect(await read('203.0.113.7, 10.0.0.1')).toBe('203.0.113.7');
    expect(await read('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(await read('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(await read('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::/64');
    expect(await read('not an address')).toBe('invalid');
    expect(await read(null)).toBeNull();
  });

  it('is null for service_role, which no per-address limit applies to', async () => {
    await asClient('203.0.113.7', '/rpc/join_session', 'service_role');
    // Back to the owner to call the helper, with service_role's claims still set.
    await t.db.exec('reset role');
    const { rows } = await t.db.query<{ address: string | null }>('select private.client_address() as address');
    expect(rows[0]!.address).toBeNull();
  });
});

describe('private.check_request (db-pre-request)', () => {
  it('is what the authenticator role names as pgrst.db_pre_request', async () => {
    await resetRole(t.db);
    const { rows } = await t.db.query<{ setting: string }>(`
      select unnest(s.setconfig) as setting
      from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
      where r.rolname = 'authenticator' and s.setdatabase = (select oid from pg_database where datname = current_database())`);
    expect(rows.map((row) => row.setting)).toContain('pgrst.db_pre_request=private.check_request');
  });

  it('counts nothing for reads and other paths, nor without a client address', async () => {
    const before = await counters();
    expect(await preRequest('203.0.113.7', '/public_ideas')).toBe('ok');
    expect(await preRequest('203.0.113.7', '/rpc/idea_status')).toBe('ok');
    expect(await preRequest(null)).toBe('ok');
    expect(await counters()).toBe(before);
  });

  it('refuses an address past student_requests_per_minute_per_address with PT429; another address is served', async () => {
    await setting('student_requests_per_minute_per_address', 3);
    for (let i = 0; i < 3; i++) expect(await preRequest('203.0.113.7', i % 2 ? '/rpc/submit_idea' : '/rpc/join_session')).toBe('ok');
    expect(await preRequest('203.0.113.7')).toBe('PT429 rate_limited');
    expect(await preRequest('198.51.100.2')).toBe('ok');
  });
});

describe('failed joins', () => {
  it('after failed_joins_per_address unknown codes, refuses every join from that address, even a right code', async () => {
    await setting('failed_joins_per_address', 3);
    for (const code of ['ZZZ991', 'ZZZ992', 'ZZZ993']) expect(await join('203.0.113.7', code)).toBe('unknown');
    expect(await join('203.0.113.7', 'KUK234')).toBe('PT429 rate_limited');
    expect(await submit('203.0.113.7', { p_code: 'KUK234' })).toBe('PT429 rate_limited');
    expect(await preRequest('203.0.113.7')).toBe('PT429 rate_limited');
    // A whole class behind another address is served.
    expect(await join('198.51.100.2', 'KUK234')).toBe('open');
  });

  it('counts an unknown code sent to submit_idea as a failed join', async () => {
    await setting('failed_joins_per_address', 2);
    expect(await submit('203.0.113.7', { p_code: 'ZZZ991' })).toBe('session_unknown');
    expect(await submit('203.0.113.7', { p_code: 'ZZZ992' })).toBe('session_unknown');
    expect(await submit('203.0.113.7', { p_code: 'KUK234' })).toBe('PT429 rate_limited');
  });

  it('once failed_joins_global_per_hour is spent, lets in only addresses that joined a class this hour', async () => {
    await setting('failed_joins_global_per_hour', 2);
    // A school already at work this hour.
    expect(await join('192.0.2.10', 'KUK234')).toBe('open');
    expect(await join('203.0.113.7', 'ZZZ991')).toBe('unknown');
    expect(await join('203.0.113.8', 'ZZZ992')).toBe('unknown');
    // A fresh address learns nothing, right code or not.
    expect(await join('203.0.113.9', 'KUK234')).toBe('PT429 rate_limited');
    expect(await join('203.0.113.9', 'ZZZ993')).toBe('PT429 rate_limited');
    expect(await join('192.0.2.10', 'KUK234')).toBe('open');
    // Calls without an address (SQL, jobs) are not limited.
    expect(await join(null, 'KUK234')).toBe('open');
  });

  it('does not count right codes, or closed sessions, as failures', async () => {
    await setting('failed_joins_per_address', 1);
    await resetRole(t.db);
    await t.db.query('update public.class_sessions set closed_at = now() where id = $1', [sessions.shkoderOpenCall]);
    for (let i = 0; i < 5; i++) expect(await join('203.0.113.7', 'KUK234')).toBe('open');
    expect(await join('203.0.113.7', 'SHK234')).toBe('closed');
    expect(await join('203.0.113.7', 'KUK234')).toBe('open');
  });
});

describe('ideas per address in a session', () => {
  it('keeps one address to ideas_per_minute_per_address of a session, so the others can still send', async () => {
    await setting('ideas_per_minute_per_address', 2);
    expect(await submit('203.0.113.7')).toBe('accepted');
    expect(await submit('203.0.113.7')).toBe('accepted');
    expect(await submit('203.0.113.7')).toBe('PT429 rate_limited');
    expect(await submit('198.51.100.2')).toBe('accepted');
    // Another session is another budget.
    expect(await submit('203.0.113.7', { p_code: 'DUR234' })).toBe('accepted');
  });

  it('counts only accepted ideas: a retry of an accepted idea is free', async () => {
    await setting('ideas_per_minute_per_address', 1);
    const args = { p_idempotency_key: crypto.randomUUID() };
    expect(await submit('203.0.113.7', args)).toBe('accepted');
    await asClient('203.0.113.7', '/rpc/submit_idea');
    expect(await rpc(t.db, 'submit_idea', ideaArgs(args))).toMatchObject({ duplicate: true });
    expect(await submit('203.0.113.7', { p_text: 'x' })).toBe('P0001 invalid_text');
    expect(await submit('203.0.113.7')).toBe('PT429 rate_limited');
  });
});

describe('the counters', () => {
  it('are out of reach of the API roles', async () => {
    for (const persona of ['anon', 'teacherKukes'] as const) {
      await authenticateAs(t.db, persona);
      const read = await attempt(t.db, 'select * from private.rate_counters');
      expect(read.ok ? 'read' : read.error.code).toBe('42501');
      const seats = await attempt(t.db, 'select * from private.session_seats');
      expect(seats.ok ? 'read' : seats.error.code).toBe('42501');
    }
  });
});
