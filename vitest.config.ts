import { defineConfig } from 'vitest/config';

// One project per area so a newcomer can run just the part they touch:
// `npx vitest run --project db`.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          env: { ZERI_DB_BACKEND: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // The same database suite on real Postgres, when there is one (CI starts it).
      ...(process.env['DATABASE_URL']
        ? [
            {
              test: {
                name: 'db-postgres',
                include: ['tests/db/**/*.test.ts'],
                env: { ZERI_DB_BACKEND: 'postgres' },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      { test: { name: 'stack', include: ['tests/stack/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
