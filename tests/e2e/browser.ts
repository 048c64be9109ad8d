// The browser-test harness: Debian's Chromium driven by playwright-core (never
// a downloaded browser), and the portal started the way `npm start` runs it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { defaultDistDir } from './builtSite.ts';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const root = resolve(import.meta.dirname, '../..');

/** Chromium may still be installing (apt) when the tests start; wait for it rather than fail. */
async function waitForChromium(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  while (!existsSync(chromiumPath)) {
    if (Date.now() > deadline) throw new Error(`${chromiumPath} not found: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
    if (!told) console.warn(`Waiting for ${chromiumPath} to appear…`);
    told = true;
    await sleep(2_000);
  }
}

/** Headless Debian Chromium with background networking off, so every request a test sees comes from the page. */
export async function launchBrowser(): Promise<Browser> {
  await waitForChromium(10 * 60_000);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Node 24 runs the server's TypeScript; under `npm run`/`npx` that is `process.execPath` already. */
export function nodeBinary(): string {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 24 ? process.execPath : resolve(root, 'node_modules/.bin/node');
}

export interface RunningPortal {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly origin: string;
  readonly child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** SIGTERM, wait for exit (SIGKILL after 10 s); resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface StartPortalOptions {
  readonly distDir?: string;
  /**
   * Run the local Supabase stack on `/rest/v1` and `/auth/v1` (default true),
   * in a fresh PGlite folder, so every test file starts from the demo seed
   * alone (also in CI, where DATABASE_URL points at the shared Postgres that
   * the db and stack suites use); pass `env: { DATABASE_URL }` to override.
   * Off for tests of the static server alone: opening the database is slow.
   */
  readonly stack?: boolean;
  /** Extra environment; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
}

/**
 * Start `src/server/start.ts` on a free port against an already built
 * `dist/` and wait until it answers.
 * @example
 * const portal = await startPortal();
 * await fetch(new URL('/sq/', portal.url));
 * await portal.stop();
 */
export async function startPortal(options: StartPortalOptions = {}): Promise<RunningPortal> {
  const stack = options.stack ?? true;
  const scratch = stack ? await mkdtemp(join(tmpdir(), 'zeri-portal-')) : undefined;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DIST_DIR: options.distDir ?? defaultDistDir,
    LOCAL_STACK: stack ? undefined : 'off',
    // Never the developer's `.data/pglite`: a second process on the same PGlite folder corrupts it.
    DATA_DIR: scratch ? join(scratch, 'pglite') : undefined,
  };
  delete env['PUBLIC_SUPABASE_URL'];
  delete env['DATABASE_URL'];
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const child = spawn(nodeBinary(), [resolve(root, 'src/server/start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const removeScratch = exited.then(() => (scratch ? rm(scratch, { recursive: true, force: true }) : undefined));

  const deadline = Date.now() + (options.timeoutMs ?? (stack ? 150_000 : 30_000));
  let url: string | undefined;
  while (!url) {
    url = /running at (http:\/\/\S+)/.exec(output)?.[1];
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The portal did not start (exit ${child.exitCode}):\n${output}`);
    }
    await sleep(50);
  }
  const portalUrl = url;
  while ((await fetch(portalUrl, { redirect: 'manual' }).catch(() => undefined)) === undefined) {
    if (Date.now() > deadline) throw new Error(`The portal does not answer at ${portalUrl}:\n${output}`);
    await sleep(50);
  }
  return {
    url: portalUrl,
    origin: new URL(portalUrl).origin,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      await removeScratch;
      return child.exitCode;
    },
  };
}
