// The portal's entry point: `npm start` runs `astro build`, then this file
// with Node 24 (which runs TypeScript directly, hence the `.ts` imports).
//   PORT (4321), HOST (localhost), DIST_DIR (dist/)
//   PUBLIC_SUPABASE_URL: the browser talks to that Supabase; no local stack
//   LOCAL_STACK=off: serve the built site only (tests of the static server)
//   DATABASE_URL / DATA_DIR: where the local stack keeps its data (supabase/local)
//   JWT_SECRET: required when HOST is not loopback (the default one is public)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPortalServer } from './createPortalServer.ts';
import type { Mount, PortalServer } from './createPortalServer.ts';
import { startRetentionTimer, type RetentionTimer } from '../../supabase/local/retentionTimer.ts';
import { createStack } from '../../supabase/local/stack.ts';
import { describeStack } from '../../supabase/local/banner.ts';
import { checkJwtSecret } from '../../supabase/local/checkJwtSecret.ts';
import { DEFAULT_JWT_SECRET } from '../../supabase/local/jwt.ts';

const distDir = process.env['DIST_DIR'] ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const port = Number(process.env['PORT'] ?? 4321);
const host = process.env['HOST'] ?? 'localhost';
const supabaseUrl = process.env['PUBLIC_SUPABASE_URL'] || undefined;

if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env['PORT'])}`);
  process.exit(1);
}

// Before anything slow: a server others can reach must not sign with the public secret.
if (!supabaseUrl && process.env['LOCAL_STACK'] !== 'off') {
  const secretCheck = checkJwtSecret(process.env['JWT_SECRET'] ?? DEFAULT_JWT_SECRET, host);
  if (secretCheck.error) {
    console.error(secretCheck.error);
    process.exit(1);
  }
  if (secretCheck.warning) console.warn(secretCheck.warning);
}

if (!existsSync(distDir)) {
  console.error(`No built site in ${distDir}: run \`npm run build\` first.`);
  process.exit(1);
}

let portal: PortalServer | undefined;
let stopping: Promise<void> | undefined;

// The local Supabase stack (supabase/local) answers `/rest/v1` and `/auth/v1`
// on this same origin. With PUBLIC_SUPABASE_URL set the browser talks to that
// Supabase instead and only the built site is served here.
const stackReady = supabaseUrl || process.env['LOCAL_STACK'] === 'off' ? Promise.resolve(undefined) : createStack();
let retention: RetentionTimer | undefined;
const closeStack = async (): Promise<void> => {
  retention?.stop();
  await (await stackReady.catch(() => undefined))?.close();
};

// Installed before anything slow starts: a signal during start-up waits for
// the database to open and then closes it, instead of killing it mid-write.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    console.log(`${signal}: finishing open requests, then stopping.`);
    stopping = (portal ? portal.close() : closeStack()).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

// A database that cannot open (unwritable data folder, Postgres down) is an
// operator's problem to fix: say what is wrong in one line, no stack trace.
const stack = await stackReady.catch((error: unknown) => {
  console.error(`Could not start the local Supabase stack: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const mounts: Mount[] = stack ? [stack.handle] : [];
// Retention on the local stack, as pg_cron runs it on hosted Supabase.
if (stack) {
  retention = startRetentionTimer(stack.database, {
    log: (error) => console.error(`Retention job failed: ${error instanceof Error ? error.message : String(error)}`),
  });
}
try {
  if (!stopping) portal = await createPortalServer({ distDir, mounts, onClose: closeStack, supabaseUrl, trustProxy: process.env['TRUST_PROXY'] === '1' });
} catch (error) {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(missing ? `No built site in ${distDir}: run \`npm run build\` first.` : error);
  await closeStack();
  process.exit(1);
}
if (stopping || !portal) {
  await stopping; // the signal handler exits once the database is closed
  process.exit(0);
}
try {
  const url = await portal.listen(port, host);
  if (stack) console.log(await describeStack(stack, url));
  console.log(`Zëri is running at ${url}`);
} catch (error) {
  console.error(`Cannot listen on ${host}:${port}: ${(error as Error).message}`);
  await closeStack();
  process.exit(1);
}
