import { describe, expect, it } from 'vitest';
import cases from '../fixtures/detector-cases.json' with { type: 'json' };
import { detectSafeguarding, detectSafeguardingIn, safeguardingKinds, type SafeguardingKind } from '../../src/lib/detectSafeguarding.ts';

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
    ['po më detyron', 'trafficking'],
    ['M’kanë detyrue me punu', 'trafficking'],
    ['Jam e trafikuar', 'trafficking'],
    ['My uncle makes me work every night', 'trafficking'],
    ['Nuk ma kthejnë pasaportën', 'documents'],
    ['They won’t give me back my passport', 'documents'],
    ['Më thanë që do më gjejnë punë në Greqi', 'trafficking'],
    ['Më premtuan që në Itali do kem punë', 'trafficking'],
    ['A man on TikTok wants me to send pics', 'grooming'],
    ['Më kërkoi fotografi', 'grooming'],
    ['M’kanë rrahur', 'home_violence'],
    ['Babai më rrah', 'home_violence'],
    ['My dad hits me', 'home_violence'],
    ['I’m terrified of going home', 'home_violence'],
    ['Kam frikë për jetën time', 'home_violence'],
    ['sme lene te dal', 'trafficking'],
    ['They locked me in', 'trafficking'],
    ['I owe them money', 'debt_bondage'],
    ['Më shantazhon me fotot', 'sextortion'],
    ['He is threatening me', 'trafficking'],
    ['Dua të vras veten', 'self_harm'],
    ['Xhaxhai më prek kur jemi vetëm', 'sexual_abuse'],
    ['Më çojnë të lyp te semafori', 'begging'],
    ['My boyfriend wants me to work for him', 'lover_boy'],
    ['M’kanë fejue kur isha 14 vjeç', 'forced_marriage'],
    ['Më ndihmoni, jam në rrezik', 'help_request'],
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
    expect(spans(text)).toEqual([['trafficking', 's’me\u0308 lene\u0308 te\u0308 dal']]);
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

describe('detectSafeguardingIn', () => {
  it('flags a disclosure in any field, "what I can do" included', () => {
    expect(detectSafeguardingIn(['Posters about fake jobs at school', 'Më ndihmoni, jam në rrezik'])).toBe(true);
    expect(detectSafeguardingIn(['Posters about fake jobs at school', undefined, ''])).toBe(false);
  });

  it('does not join the end of one field to the start of the next', () => {
    expect(detectSafeguardingIn(['Kam nevojë për ndihmë', 'me detyrat e shtëpisë'])).toBe(true);
    // Joined, the second field would read as "help with homework" and hide the first.
    expect(detectSafeguarding('Kam nevojë për ndihmë\nme detyrat e shtëpisë').found).toBe(false);
  });
});

describe('the shared fixture', () => {
  it.each(safeguardingKinds)('has at least 15 disclosures and 10 ordinary sentences of kind %s', (kind) => {
    const ofKind = cases.safeguarding.filter((c) => c.kind === kind);
    expect(ofKind.filter((c) => c.expected).length).toBeGreaterThanOrEqual(15);
    expect(ofKind.filter((c) => !c.expected).length).toBeGreaterThanOrEqual(10);
  });

  it('names only kinds of the one vocabulary', () => {
    for (const c of cases.safeguarding) expect(safeguardingKinds).toContain(c.kind);
  });

  it.each(['personalData', 'safeguarding'] as const)('%s has at least 40 plain cases, both answers, no repeats', (name) => {
    const list = cases[name];
    expect(list.length).toBeGreaterThanOrEqual(40);
    expect(list.filter((c) => c.expected).length).toBeGreaterThanOrEqual(15);
    expect(list.filter((c) => !c.expected).length).toBeGreaterThanOrEqual(15);
    expect(new Set(list.map((c) => c.text)).size).toBe(list.length);
    for (const c of list) expect(c.note.length).toBeGreaterThan(0);
  });
});
