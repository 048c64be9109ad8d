// The portal's entry point: `npm start` runs `astro build`, then this file
// with Node 24 (which runs TypeScript directly, hence the `.ts` imports).
import { fileURLToPath } from 'node:url';
import { createPortalServer } from './createPortalServer.ts';
import type { Mount } from './createPortalServer.ts';
import { createStack } from '../../supabase/local/stack.ts';
import { describeStack } from '../../supabase/local/banner.ts';

const distDir = process.env['DIST_DIR'] ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const port = Number(process.env['PORT'] ?? 4321);
const host = process.env['HOST'] ?? 'localhost';

// Hook for the local Supabase stack: it pushes handlers for `/rest/v1` and
// `/auth/v1` here and closes its database in `onClose`.
// With PUBLIC_SUPABASE_URL set the browser talks to hosted Supabase instead.
const stack = process.env['PUBLIC_SUPABASE_URL'] ? undefined : await createStack();
const mounts: Mount[] = stack ? [stack.handle] : [];
const onClose = async (): Promise<void> => {
  await stack?.close();
};

if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number, got ${JSON.stringify(process.env['PORT'])}`);
  process.exit(1);
}

let portal;
try {
  portal = await createPortalServer({ distDir, mounts, onClose, supabaseUrl: process.env['PUBLIC_SUPABASE_URL'] });
} catch (error) {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(missing ? `No built site in ${distDir}: run \`npm run build\` first.` : error);
  process.exit(1);
}
const url = await portal.listen(port, host);
console.log(`Zëri is running at ${url}`);
if (stack) console.log(await describeStack(stack, url));

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (++signals > 1) process.exit(1);
    console.log(`${signal}: finishing open requests, then stopping.`);
    portal.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
