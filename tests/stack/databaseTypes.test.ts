// The committed Database type is what Supabase's generator makes of the
// migrations today: a schema change without `npm run db:types` fails CI.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateTypes, typesFile } from '../../supabase/types/generateTypes.ts';

const serverUrl = process.env['DATABASE_URL'];

describe.skipIf(!serverUrl)('src/lib/supabase/database.types.ts', () => {
  it('equals the output of Supabase\'s type generator for the migrated schema (else run npm run db:types)', async () => {
    const generated = await generateTypes(serverUrl as string);
    expect(generated).toContain('export type Database');
    expect(generated).toContain('submit_idea');
    expect(await readFile(typesFile, 'utf8')).toBe(generated);
  }, 120_000);
});
