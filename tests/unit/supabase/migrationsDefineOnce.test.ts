// One migration per domain: every table, view, function, trigger, index and
// policy is created once across supabase/migrations/, and a table's row level
// security is enabled in the file that creates it. Nothing is in production,
// so nothing is redefined, replaced or dropped later.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('../../../supabase/migrations/', import.meta.url);
const files = readdirSync(folder)
  .filter((file) => file.endsWith('.sql'))
  .sort()
  .map((file) => ({ file, sql: stripComments(readFileSync(new URL(file, folder), 'utf8')).toLowerCase() }));

/** Drops `--` comments outside strings, so a comment naming a function is not a definition. */
function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '');
}

const definitions: ReadonlyArray<readonly [kind: string, pattern: RegExp]> = [
  ['table', /\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?([\w.]+)/g],
  ['view', /\bcreate\s+(?:or\s+replace\s+)?view\s+([\w.]+)/g],
  ['function', /\bcreate\s+(?:or\s+replace\s+)?function\s+([\w.]+)\s*\(/g],
  ['trigger', /\bcreate\s+(?:or\s+replace\s+)?trigger\s+(\w+)\s+[\s\S]*?\bon\s+([\w.]+)/g],
  ['index', /\bcreate\s+(?:unique\s+)?index\s+(?:if\s+not\s+exists\s+)?(\w+)/g],
  ['policy', /\bcreate\s+policy\s+"([^"]+)"\s+on\s+([\w.]+)/g],
];

function definedIn(pattern: RegExp): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const { file, sql } of files) {
    for (const match of sql.matchAll(pattern)) {
      const name = match.slice(1).join(' on ');
      seen.set(name, [...(seen.get(name) ?? []), file]);
    }
  }
  return seen;
}

describe('supabase/migrations/', () => {
  it('holds one file per domain, in the order the domains depend on each other', () => {
    expect(files.map(({ file }) => file.replace(/^\d+_/, ''))).toEqual([
      'foundation_and_settings.sql',
      'people_and_roles.sql',
      'plans.sql',
      'class_sessions.sql',
      'ideas_and_detectors.sql',
      'student_functions.sql',
      'moderation.sql',
      'plan_editor.sql',
      'public_views_and_statistics.sql',
      'retention_and_schedules.sql',
    ]);
  });

  for (const [kind, pattern] of definitions) {
    it(`defines each ${kind} once`, () => {
      const defined = definedIn(pattern);
      expect(defined.size).toBeGreaterThan(0);
      const twice = [...defined].filter(([, where]) => where.length > 1);
      expect(twice).toEqual([]);
    });
  }

  it('never replaces or drops what an earlier statement created', () => {
    const offending = files.flatMap(({ file, sql }) =>
      [...sql.matchAll(/\b(create\s+or\s+replace|drop\s+(?:function|policy|view|index|trigger|table))\b/g)].map((m) => `${file}: ${m[1]}`),
    );
    expect(offending).toEqual([]);
  });

  it('enables row level security in the file that creates each table', () => {
    const missing = files.flatMap(({ file, sql }) =>
      [...sql.matchAll(/\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?([\w.]+)/g)]
        .map((m) => m[1] as string)
        .filter((table) => !new RegExp(`alter\\s+table\\s+${table.replace('.', '\\.')}\\s+enable\\s+row\\s+level\\s+security`).test(sql))
        .map((table) => `${file}: ${table}`),
    );
    expect(missing).toEqual([]);
  });
});
