import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { warmUpSql } from '../../supabase/local/server/warmUp.ts';
import { useTestDatabase } from './harness.ts';

const t = useTestDatabase();


interface Span {
  kind: string;
  start: number;
  end: number;
}

async function detect(fn: 'detect_personal_data' | 'detect_safeguarding', text: string): Promise<Span[]> {
  const { rows } = await t.db.query<{ spans: Span[] }>(`select private.${fn}($1) as spans`, [text]);
  return rows[0]!.spans;
}

const fixture = new URL('../fixtures/detector-cases.json', import.meta.url);

describe.skipIf(!existsSync(fixture))('detectors agree with tests/fixtures/detector-cases.json', () => {
  const cases = existsSync(fixture)
    ? (JSON.parse(readFileSync(fixture, 'utf8')) as Record<'personalData' | 'safeguarding', { text: string; expected: boolean; note?: string }[]>)
    : { personalData: [], safeguarding: [] };

  for (const c of cases.personalData) {
    it(`personal data ${c.expected ? 'found' : 'not found'}: ${c.note ?? c.text}`, async () => {
      expect((await detect('detect_personal_data', c.text)).length > 0).toBe(c.expected);
    });
  }
  for (const c of cases.safeguarding) {
    it(`safeguarding ${c.expected ? 'found' : 'not found'}: ${c.note ?? c.text}`, async () => {
      expect((await detect('detect_safeguarding', c.text)).length > 0).toBe(c.expected);
    });
  }
});

describe('detector spans', () => {
  it('returns 0-based, end-exclusive code point offsets of each match', async () => {
    const text = 'Shkruani në çdo rast 😀 arta@test.al, ose 069 123 4567.';
    const spans = await detect('detect_personal_data', text);
    const found = spans.map((span) => [span.kind, [...text].slice(span.start, span.end).join('')]);
    expect(found).toEqual([
      ['email', 'arta@test.al'],
      ['phone', '069 123 4567'],
    ]);
  });

  it('keeps offsets on the original text after folding diacritics', async () => {
    const text = 'Ndihmë! Më morën pasaportën dje.';
    const [span] = await detect('detect_safeguarding', text);
    expect(span?.kind).toBe('documents');
    expect(text.slice(span!.start, span!.end)).toBe('Më morën pasaportën');
  });

  it('does not flag hotlines, years or prices', async () => {
    expect(await detect('detect_personal_data', 'Thirr 116 111 ose 129; në 2024 bileta kushtonte 2 000 000 lekë.')).toEqual([]);
  });
});

describe('the PGlite worker warm-up (supabase/local/server/warmUp.ts)', () => {
  it('names functions the migrations define, and runs', async () => {
    const named = [...warmUpSql.matchAll(/to_regprocedure\('([^']+)'\)/g)].map((match) => match[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const signature of named) {
      const { rows } = await t.db.query<{ found: boolean }>('select to_regprocedure($1) is not null as found', [signature]);
      expect(rows[0]?.found, signature).toBe(true);
    }
    await t.db.exec(warmUpSql);
  });
});
