import { describe, expect, it } from 'vitest';
import cases from '../fixtures/detector-cases.json' with { type: 'json' };
import { detectSafeguarding, type SafeguardingKind } from '../../src/lib/detectSafeguarding.ts';

function spans(text: string): Array<[SafeguardingKind, string]> {
  return detectSafeguarding(text).matches.map((m) => [m.kind, text.slice(m.start, m.end)]);
}

describe('detectSafeguarding on the shared fixture', () => {
  it.each(cases.safeguarding)('$note: $text → $expected', ({ text, expected }) => {
    expect(detectSafeguarding(text).found).toBe(expected);
  });
});

describe('detectSafeguarding kinds', () => {
  it.each<[string, SafeguardingKind]>([
    ['po më detyron', 'forced'],
    ['M’kanë detyrue me punu', 'forced'],
    ['Jam e trafikuar', 'forced'],
    ['My uncle makes me work every night', 'forced'],
    ['Nuk ma kthejnë pasaportën', 'documents'],
    ['They won’t give me back my passport', 'documents'],
    ['Më thanë që do më gjejnë punë në Greqi', 'jobOffer'],
    ['Më premtuan që në Itali do kem punë', 'jobOffer'],
    ['A man on TikTok wants me to send pics', 'images'],
    ['Më kërkoi fotografi', 'images'],
    ['M’kanë rrahur', 'violence'],
    ['Babai më rrah', 'violence'],
    ['My dad hits me', 'violence'],
    ['I’m terrified of going home', 'fear'],
    ['Kam frikë për jetën time', 'fear'],
    ['sme lene te dal', 'confinement'],
    ['They locked me in', 'confinement'],
    ['I owe them money', 'debt'],
    ['Më shantazhon me fotot', 'threat'],
    ['He is threatening me', 'threat'],
  ])('%j → %s', (text, kind) => {
    expect(detectSafeguarding(text).matches.map((m) => m.kind)).toContain(kind);
  });
});

describe('detectSafeguarding spans', () => {
  it('points into the original text with its diacritics', () => {
    expect(spans('Dua të them diçka: më morën pasaportën.')).toEqual([['documents', 'më morën pasaportën']]);
  });

  it('handles decomposed diacritics and curly apostrophes', () => {
    const text = 'Ata s’me\u0308 lene\u0308 te\u0308 dal';
    expect(spans(text)).toEqual([['confinement', 's’me\u0308 lene\u0308 te\u0308 dal']]);
  });

  it('reports nothing for an ordinary idea', () => {
    expect(detectSafeguarding('Shkolla të ftojë policinë të flasë për rreziqet e internetit.')).toEqual({
      found: false,
      matches: [],
    });
  });

  it.each([
    ['Më pëlqen të dal me shoqet', 'going out, happy'],
    ['Me punë të mirë në Shqipëri të rinjtë nuk ikin', '"me punë" meaning "with work"'],
    ['Me foto të rreme mashtrojnë të rinjtë', '"me foto" meaning "with photos"'],
    ['Prindërit duhet të kenë kujdes me ofertat jashtë', 'about offers abroad'],
    ['Ata u kërkojnë vajzave foto në Instagram', 'third person'],
    ['The traffickers hit their victims', 'third person, en'],
    ['This idea made me think about my future', '"made me" harmless'],
    ['Mësuesja më mori telefonin', 'phone taken by the teacher'],
  ])('leaves %j alone (%s)', (text) => {
    expect(detectSafeguarding(text).found).toBe(false);
  });

  it('answers quickly on long hostile input', () => {
    const started = performance.now();
    detectSafeguarding(`më premtuan ${'punë '.repeat(3000)} më kërkoi ${'x '.repeat(3000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('the shared fixture', () => {
  it.each(['personalData', 'safeguarding'] as const)('%s has at least 40 plain cases, both answers, no repeats', (name) => {
    const list = cases[name];
    expect(list.length).toBeGreaterThanOrEqual(40);
    expect(list.filter((c) => c.expected).length).toBeGreaterThanOrEqual(15);
    expect(list.filter((c) => !c.expected).length).toBeGreaterThanOrEqual(15);
    expect(new Set(list.map((c) => c.text)).size).toBe(list.length);
    for (const c of list) expect(c.note.length).toBeGreaterThan(0);
  });
});
