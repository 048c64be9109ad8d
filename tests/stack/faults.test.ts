// Faults the stack must survive without losing or doubling a child's idea:
// the server killed mid-burst, the database going away and coming back, and a
// data folder that cannot be written. Loopback only, bounded in time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createConnection, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiKeys, DEFAULT_JWT_SECRET } from '../../supabase/local/jwt.ts';
import { createStack, type Stack } from '../../supabase/local/stack.ts';
import { connectClient, createThrowawayDatabase } from '../support/throwawayDatabase.ts';

const node = process.execPath;
const serve = new URL('../../supabase/local/serve.ts', import.meta.url).pathname;
const { anonKey, serviceKey } = apiKeys(DEFAULT_JWT_SECRET);
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

interface Served {
  child: ChildProcess;
  url: string;
}

/** supabase/local/serve.ts on PGlite in `dataDir`; rejects with its output if it exits first. */
function startServe(dataDir: string): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [serve], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(Object.assign(new Error(`stack exited (${code}): ${out}`), { code, out })));
  });
}

/** Runs serve.ts expecting it to stop on its own; resolves with exit code and output. */
function runToExit(dataDir: string, timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, [serve], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

function submission(key: string, i: number): Record<string, unknown> {
  return {
    p_code: 'SHK234', p_text: `Fault test idea number ${i}: talk about safe work abroad in class.`, p_theme: 'work_abroad',
    p_can_do: null, p_age_band: '15-17', p_locale: 'sq', p_publish_consent: false, p_idempotency_key: key,
  };
}

async function submit(base: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${base}/rest/v1/rpc/submit_idea`, {
    method: 'POST',
    headers: { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

/** How many rows hold each of `keys`, read with the service key. */
async function countByKey(base: string, keys: string[]): Promise<Map<string, number>> {
  const response = await fetch(`${base}/rest/v1/ideas?select=idempotency_key&idempotency_key=in.(${keys.join(',')})`, {
    headers: { apikey: serviceKey, authorization: `Bearer ${serviceKey}` },
  });
  expect(response.status).toBe(200);
  const counts = new Map<string, number>();
  for (const row of (await response.json()) as { idempotency_key: string }[]) {
    counts.set(row.idempotency_key, (counts.get(row.idempotency_key) ?? 0) + 1);
  }
  return counts;
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** The PGlite folder the burst test leaves behind (reused below: opening a fresh one takes a while). */
let burst: { dataDir: string; keys: string[] } | undefined;

describe('the server killed during a burst (PGlite)', () => {
  it('keeps every acknowledged idea and stores each retried one exactly once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zeri-faults-'));
    scratch.push(dir);
    const dataDir = join(dir, 'pglite');
    const first = await startServe(dataDir);
    const keys = Array.from({ length: 40 }, () => crypto.randomUUID());
    const acknowledged = new Map<string, string>();
    let killed = false;
    // The whole class presses "send" at once; the server dies once a third are answered.
    await Promise.all(
      keys.map(async (key, i) => {
        try {
          const response = await submit(first.url, submission(key, i));
          if (response.status !== 200) return;
          const body = (await response.json()) as { receipt_code: string };
          acknowledged.set(key, body.receipt_code);
          if (!killed && acknowledged.size >= 12) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } catch {
          // The connection died with the server: the client will retry.
        }
      }),
    );
    await stop(first.child, 'SIGKILL');
    expect(acknowledged.size).toBeGreaterThanOrEqual(12);

    const second = await startServe(dataDir);
    try {
      // Every acknowledged receipt is still there.
      const before = await countByKey(second.url, [...acknowledged.keys()]);
      for (const key of acknowledged.keys()) expect(before.get(key), `acknowledged ${key}`).toBe(1);
      // Every client retries with its own key, acknowledged or not.
      for (const [i, key] of keys.entries()) {
        const response = await submit(second.url, { ...submission(key, i), p_receipt_code: acknowledged.get(key) ?? null });
        expect(response.status, await response.clone().text()).toBe(200);
        const body = (await response.json()) as { duplicate: boolean; receipt_code: string | null };
        if (acknowledged.has(key)) {
          expect(body.duplicate).toBe(true);
          expect(body.receipt_code).toBe(acknowledged.get(key));
        }
      }
      const after = await countByKey(second.url, keys);
      expect(after.size).toBe(keys.length);
      expect([...after.values()].every((n) => n === 1)).toBe(true);
      burst = { dataDir, keys };
      const status = await fetch(`${second.url}/rest/v1/rpc/idea_status`, {
        method: 'POST',
        headers: { apikey: anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ p_receipt_code: [...acknowledged.values()][0] }),
      });
      expect(((await status.json()) as { status: string }).status).toBe('received');
    } finally {
      await stop(second.child, 'SIGTERM');
    }
  }, 150_000);
});

/** A TCP relay in front of Postgres that the test can cut and restore. */
async function startRelay(target: { host: string; port: number }): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: TcpServer | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      server = createTcpServer((client) => {
        const upstream = createConnection(target);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server?.address() as AddressInfo).port;
        resolve();
      });
    });
  const cut = async () => {
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    server = undefined;
    await closed;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

/** The Postgres to test against: DATABASE_URL, else the local development cluster; undefined when none answers. */
async function reachablePostgres(): Promise<string | undefined> {
  const url = process.env['DATABASE_URL'] || 'postgres://zeri:zeri@localhost:5432/postgres';
  try {
    const client = await connectClient(url, { connectionTimeoutMillis: 2_000 });
    await client.end();
    return url;
  } catch {
    return undefined;
  }
}

const postgresUrl = await reachablePostgres();
if (!postgresUrl) console.warn('faults.test.ts: skipping "database unavailable": no Postgres at DATABASE_URL or localhost:5432.');

describe.skipIf(!postgresUrl)('the database unavailable (Postgres behind a relay the test cuts)', () => {
  it('answers 503 with a JSON error while it is gone and recovers by itself when it is back', async () => {
    const throwaway = await createThrowawayDatabase(postgresUrl as string, 'zeri_faults');
    const upstream = new URL(postgresUrl as string);
    const relay = await startRelay({ host: upstream.hostname === 'localhost' ? '127.0.0.1' : upstream.hostname, port: Number(upstream.port || 5432) });
    const viaRelay = new URL(postgresUrl as string);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    viaRelay.pathname = `/${throwaway.name}`;
    let stack: Stack | undefined;
    let server: Server | undefined;
    try {
      stack = await createStack({ database: viaRelay.toString(), dataDir: null, seed: true, log: () => undefined });
      const running = stack;
      server = createServer((req, res) => void running.handle(req, res));
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

      expect((await submit(base, submission(crypto.randomUUID(), 1))).status).toBe(200);

      await relay.cut();
      const started = Date.now();
      const down = await submit(base, submission(crypto.randomUUID(), 2));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toMatch(/application\/json/);
      expect(await down.json()).toMatchObject({ code: 'PGRST000', message: expect.stringMatching(/database/i) });
      const read = await fetch(`${base}/rest/v1/public_regions?select=slug`, { headers: { apikey: anonKey } });
      expect(read.status).toBe(503);

      await relay.restore();
      // No restart: the next requests open fresh connections.
      const key = crypto.randomUUID();
      let recovered: Response | undefined;
      for (let attempt = 0; attempt < 20 && recovered?.status !== 200; attempt++) {
        recovered = await submit(base, submission(key, 3));
        if (recovered.status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(recovered?.status).toBe(200);
      expect((await countByKey(base, [key])).get(key)).toBe(1);
    } finally {
      server?.closeAllConnections();
      server?.close();
      await relay.restore();
      await stack?.close().catch(() => undefined);
      await relay.close();
      await throwaway.drop();
    }
  }, 120_000);
});

describe('a data folder that cannot be written, at start', () => {
  it('stops with a clear message and a non-zero exit when the folder cannot be created', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zeri-faults-'));
    scratch.push(dir);
    await writeFile(join(dir, 'not-a-folder'), 'a file where the database folder should be');
    const { code, out } = await runToExit(join(dir, 'not-a-folder', 'pglite'), 60_000);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(out).toMatch(/Cannot write to the database folder .*not-a-folder\/pglite \(ENOTDIR\)/);
    expect(out).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 90_000);

  it('refuses a read-only database folder and leaves its data intact', async (context) => {
    let dataDir = burst?.dataDir;
    let keys = burst?.keys ?? [];
    if (!dataDir) {
      const dir = await mkdtemp(join(tmpdir(), 'zeri-faults-'));
      scratch.push(dir);
      dataDir = join(dir, 'pglite');
      const first = await startServe(dataDir);
      keys = [crypto.randomUUID()];
      expect((await submit(first.url, submission(keys[0] as string, 1))).status).toBe(200);
      await stop(first.child, 'SIGTERM');
    }
    const folder = dataDir;

    // Root ignores permission bits, so as root the folder is bind-mounted read-only instead.
    const root = process.getuid?.() === 0;
    const mounted = root && spawnSync('mount', ['--bind', folder, folder]).status === 0;
    if (root && (!mounted || spawnSync('mount', ['-o', 'remount,bind,ro', folder]).status !== 0)) {
      if (mounted) spawnSync('umount', [folder]);
      console.warn('faults.test.ts: skipping the read-only folder case: running as root without permission to mount.');
      context.skip();
    }
    if (!root) await chmod(folder, 0o555);
    try {
      const { code, out } = await runToExit(folder, 60_000);
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(out).toMatch(/Cannot write to the database folder .*\((EROFS|EACCES|EPERM)\)/);
    } finally {
      if (mounted) spawnSync('umount', [folder]);
      if (!root) await chmod(folder, 0o755);
    }

    const again = await startServe(folder);
    try {
      const counts = await countByKey(again.url, keys);
      expect(counts.size).toBe(keys.length);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await stop(again.child, 'SIGTERM');
    }
  }, 150_000);
});
