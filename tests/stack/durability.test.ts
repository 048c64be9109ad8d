import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { apiKeys, DEFAULT_JWT_SECRET } from '../../supabase/local/jwt.ts';

const node = process.execPath;
const serve = new URL('../../supabase/local/serve.ts', import.meta.url).pathname;

function start(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [serve], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`stack exited (${code}): ${out}`)));
  });
}

describe('crash durability on PGlite', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged submission after kill -9 and a restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zeri-crash-'));
    const { anonKey, serviceKey } = apiKeys(DEFAULT_JWT_SECRET);
    const first = await start(dataDir);
    const anon = createClient(first.url, anonKey, { auth: { persistSession: false } });
    const acknowledged: string[] = [];
    for (let i = 0; i < 20; i++) {
      const key = crypto.randomUUID();
      const { error } = await anon.rpc('submit_idea', {
        p_code: 'SHK234', p_text: `Crash test idea number ${i} for durability.`, p_theme: 'community',
        p_can_do: null, p_age_band: null, p_locale: 'sq', p_publish_consent: false, p_idempotency_key: key,
      });
      if (!error) acknowledged.push(key);
    }
    expect(acknowledged.length).toBe(20);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await start(dataDir);
    try {
      const service = createClient(second.url, serviceKey, { auth: { persistSession: false } });
      const { data, error } = await service.from('ideas').select('idempotency_key').in('idempotency_key', acknowledged);
      expect(error).toBeNull();
      expect(data?.length).toBe(20);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
  }, 180_000); // a fresh PGlite folder is migrated and seeded first: tens of seconds on a busy two-core machine
});
