// One API layer: every call to the API goes through src/lib/supabase/.
// Islands import its functions and never name a function, table or view of
// the database themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);

function sourceFiles(folder: string): Array<{ file: string; text: string }> {
  return readdirSync(new URL(folder, root), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|astro)$/.test(file))
    .sort()
    .map((file) => ({ file: `${folder}${file}`, text: readFileSync(new URL(`${folder}${file}`, root), 'utf8') }));
}

/** Every table, view and function of the `public` schema, from the generated types. */
function apiNames(): string[] {
  const types = readFileSync(new URL('src/lib/supabase/database.types.ts', root), 'utf8');
  const schema = types.slice(types.indexOf('  public: {'));
  const names: string[] = [];
  for (const section of ['Tables', 'Views', 'Functions']) {
    const start = schema.indexOf(`    ${section}: {`);
    const body = schema.slice(start, schema.indexOf('\n    }\n', start));
    names.push(...[...body.matchAll(/^ {6}([a-z_]+): \{/gm)].map((match) => match[1] as string));
  }
  return names;
}

// 'open_call' is also the kind of a session ('class' | 'open_call'), which islands compare.
const vocabulary = new Set(['open_call']);

const islands = sourceFiles('src/islands/');

describe('islands use the API layer', () => {
  it('finds the islands and the names to look for', () => {
    expect(islands.length).toBeGreaterThan(20);
    expect(apiNames()).toEqual(expect.arrayContaining(['ideas', 'public_ideas', 'submit_idea', 'moderation_queue']));
  });

  it('never calls .rpc( or .from( in an island', () => {
    const calls = islands.filter(({ text }) => /\.rpc\(|\.from\(\s*['"`]/.test(text)).map(({ file }) => file);
    expect(calls).toEqual([]);
  });

  it('never calls Supabase Auth in an island (src/lib/supabase/accountApi.ts does)', () => {
    const calls = islands.filter(({ text }) => /\.auth\.\w+\(/.test(text)).map(({ file }) => file);
    expect(calls).toEqual([]);
  });

  it('never quotes a function, table or view name in an island', () => {
    const names = apiNames().filter((name) => !vocabulary.has(name));
    const quoted = new RegExp(`['"](${names.join('|')})['"]`, 'g');
    const found = islands.flatMap(({ file, text }) => [...text.matchAll(quoted)].map((match) => `${file}: ${match[1]}`));
    expect(found).toEqual([]);
  });
});
