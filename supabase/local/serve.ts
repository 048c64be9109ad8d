// The local Supabase-compatible API on its own (no static site): for a
// self-hosted API next to a static host, and for the crash test.
//   node supabase/local/serve.ts            # PORT=54321, DATA_DIR=.data/pglite
//   DATABASE_URL=postgres://… node supabase/local/serve.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStack } from './stack.ts';
import { describeStack } from './banner.ts';
import { checkJwtSecret } from './checkJwtSecret.ts';
import { DEFAULT_JWT_SECRET } from './jwt.ts';

const host = process.env.HOST ?? '127.0.0.1';
const secretCheck = checkJwtSecret(process.env.JWT_SECRET ?? DEFAULT_JWT_SECRET, host);
if (secretCheck.error) {
  console.error(secretCheck.error);
  process.exit(1);
}
if (secretCheck.warning) console.warn(secretCheck.warning);

const stack = await createStack().catch((error: unknown) => {
  console.error(`Cannot start the local stack: ${(error as Error).message}`);
  process.exit(1);
});
const server = createServer((req, res) => {
  void stack.handle(req, res).then((handled) => {
    if (!handled) {
      res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end('{"message":"not found"}');
    }
  });
});
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 54321), host, resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log(`listening ${url}`);
console.log(await describeStack(stack, url));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close();
    server.closeIdleConnections();
    void stack.close().then(() => process.exit(0));
  });
}
