// The database's detector is generated from the browser's rules; this fails
// when someone changes one side without regenerating the other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSafeguardingSql, generatedSection, ideasMigration } from '../../supabase/codegen/detectSafeguardingSql.ts';
import { safeguardingKinds, safeguardingPatterns, toPostgresPattern } from '../../src/lib/safeguardingPatterns.ts';

describe('private.detect_safeguarding in the ideas migration', () => {
  it('is what the generator makes of src/lib/safeguardingPatterns.ts (else npm run db:detector)', () => {
    expect(generatedSection(readFileSync(ideasMigration, 'utf8'))).toBe(detectSafeguardingSql());
  });

  it('uses every kind of the one vocabulary, and only those', () => {
    expect([...new Set(safeguardingPatterns.map(([kind]) => kind))].sort()).toEqual([...safeguardingKinds].sort());
  });

  it('keeps each kind\'s rules together, so the per-kind alternations keep the rules\' order', () => {
    const order = safeguardingPatterns.map(([kind]) => kind).filter((kind, i, all) => i === 0 || all[i - 1] !== kind);
    expect(new Set(order).size).toBe(order.length);
  });

  it('spells word boundaries the ARE way', () => {
    expect(toPostgresPattern(String.raw`\bme\s+\w+\b`)).toBe(String.raw`\yme\s+\w+\y`);
  });
});
