import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createStack, type Stack, type StackOptions } from '../../supabase/local/stack.ts';
import type { SqlExecutor } from '../../supabase/local/migrate.ts';
import { createThrowawayDatabase } from '../support/throwawayDatabase.ts';

export interface Running {
  url: string;
  stack: Stack;
  close(): Promise<void>;
}

/** bootstrap.sql then the tests' own fixture schema, never the project's migrations. */
export async function applyFixture(db: SqlExecutor): Promise<void> {
  const bootstrap = await readFile(new URL('../../supabase/local/bootstrap.sql', import.meta.url), 'utf8');
  const fixture = await readFile(new URL('./fixture.sql', import.meta.url), 'utf8');
  await db.exec(bootstrap);
  await db.exec(fixture);
}

/** Which databases the suite runs against: PGlite always, Postgres when DATABASE_URL is set. */
export const backends: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Starts the stack in-process on a random loopback port with the fixture schema. */
export async function startStack(backend: 'pglite' | 'postgres', options: Partial<StackOptions> = {}): Promise<Running> {
  const throwaway = backend === 'postgres' ? await createThrowawayDatabase(process.env.DATABASE_URL as string, 'zeri_stack') : undefined;
  const stack = await createStack({
    database: throwaway?.url ?? 'pglite',
    dataDir: null,
    prepare: applyFixture,
    log: () => undefined,
    ...options,
  });
  const server: Server = createServer((req, res) => {
    void stack.handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stack,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stack.close();
      await throwaway?.drop();
    },
  };
}
