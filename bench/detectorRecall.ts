// Recall and false-flag rate of the safeguarding detector, per kind:
//   node bench/detectorRecall.ts          # browser rules (TypeScript)
//   node bench/detectorRecall.ts --sql    # and private.detect_safeguarding on PGlite
// Two sets: tests/fixtures/detector-cases.json (the rules are tuned on it, so
// its figures only show that nothing regressed) and
// tests/fixtures/detector-heldout.json (never tuned on: the honest estimate).
// Recall: share of disclosures flagged at all (any kind). Same kind: share
// flagged with the kind they were written for. False flags: share of ordinary
// sentences (prevention ideas with the same words included) that were flagged.
// Prints a Markdown table for docs/security.md.
import { readFileSync } from 'node:fs';
import { detectSafeguarding, safeguardingKinds, type SafeguardingKind } from '../src/lib/detectSafeguarding.ts';
import { migrate } from '../supabase/local/migrate.ts';
import { asExecutor, openPglite } from '../supabase/local/pglite.ts';

interface Case {
  text: string;
  expected: boolean;
  kind: SafeguardingKind;
}

type Detect = (text: string) => Promise<string[]>;

const read = (name: string) => JSON.parse(readFileSync(new URL(`../tests/fixtures/${name}`, import.meta.url), 'utf8'));

const fixture: Case[] = read('detector-cases.json').safeguarding;
const heldOut: Case[] = Object.entries(
  read('detector-heldout.json').safeguarding as Record<SafeguardingKind, { disclosures: string[]; ordinary: string[] }>,
).flatMap(([kind, set]) => [
  ...set.disclosures.map((text) => ({ text, expected: true, kind: kind as SafeguardingKind })),
  ...set.ordinary.map((text) => ({ text, expected: false, kind: kind as SafeguardingKind })),
]);

const browser: Detect = async (text) => detectSafeguarding(text).matches.map((m) => m.kind);

async function database(): Promise<{ detect: Detect; close(): Promise<void> }> {
  const pglite = await openPglite();
  const db = asExecutor(pglite);
  await migrate(db, { seed: false });
  return {
    detect: async (text) => {
      const { rows } = await db.query<{ spans: { kind: string }[] }>('select private.detect_safeguarding($1) as spans', [text]);
      return rows[0]!.spans.map((span) => span.kind);
    },
    close: () => pglite.close(),
  };
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`);

async function table(title: string, cases: Case[], detect: Detect): Promise<string> {
  const rows = ['| Kind | Disclosures | Recall | Same kind | Ordinary | False flags |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  const total = { pos: 0, hit: 0, same: 0, neg: 0, flagged: 0 };
  const misses: string[] = [];
  for (const kind of safeguardingKinds) {
    const ofKind = cases.filter((c) => c.kind === kind);
    const row = { pos: 0, hit: 0, same: 0, neg: 0, flagged: 0 };
    for (const c of ofKind) {
      const kinds = await detect(c.text);
      if (c.expected) {
        row.pos++;
        if (kinds.length > 0) row.hit++;
        else misses.push(`missed (${kind}): ${c.text}`);
        if (kinds.includes(kind)) row.same++;
      } else {
        row.neg++;
        if (kinds.length > 0) {
          row.flagged++;
          misses.push(`false flag (${kind} → ${kinds.join(', ')}): ${c.text}`);
        }
      }
    }
    for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += row[key];
    rows.push(`| ${kind} | ${row.pos} | ${percent(row.hit, row.pos)} | ${percent(row.same, row.pos)} | ${row.neg} | ${percent(row.flagged, row.neg)} |`);
  }
  rows.push(`| **all** | ${total.pos} | ${percent(total.hit, total.pos)} | ${percent(total.same, total.pos)} | ${total.neg} | ${percent(total.flagged, total.neg)} |`);
  return [`### ${title}`, '', ...rows, '', ...misses.map((m) => `- ${m}`), ''].join('\n');
}

const sides: Array<[string, Detect]> = [['browser', browser]];
const sql = process.argv.includes('--sql') ? await database() : undefined;
if (sql) sides.push(['database', sql.detect]);
for (const [side, detect] of sides) {
  console.log(await table(`Fixture (tuned on), ${side}`, fixture, detect));
  console.log(await table(`Held-out sentences, ${side}`, heldOut, detect));
}
await sql?.close();
