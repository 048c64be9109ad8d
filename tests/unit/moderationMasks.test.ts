// The moderator's masking (src/islands/Moderation/spans.ts): what the preview
// shows is what approve_idea will build from the same masks (tests/db/22
// checks the database side with the same kind of text).
import { describe, expect, it } from 'vitest';
import { flaggedSpans, maskedText, maskUnits, toCodePoints, unitMasks } from '../../src/islands/Moderation/spans.ts';
import type { MaskReason } from '../../src/lib/maskReasons.ts';

const noFlags = { personalData: [], safeguarding: [] };

function hide(units: ReturnType<typeof maskUnits>, words: Record<string, MaskReason>): Map<number, MaskReason> {
  return new Map(units.flatMap((unit, index) => (words[unit.text] ? [[index, words[unit.text]!] as const] : [])));
}

describe('masking a child\'s words', () => {
  it('offers every word, and a detected phone number as one piece', () => {
    const text = 'Më telefononi në 069 123 4567 për postera.';
    const units = maskUnits(text, flaggedSpans(text, noFlags));
    expect(units.map((u) => u.text)).toEqual(['Më', 'telefononi', 'në', '069 123 4567', 'për', 'postera']);
    expect(units.filter((u) => u.detected).map((u) => u.text)).toEqual(['069 123 4567']);
  });

  it('previews the original with [hequr] or [removed] in place of hidden words, nothing else', () => {
    const text = 'Mësuesja Drita në Bicaj na foli.';
    const units = maskUnits(text, []);
    const masks = unitMasks(text, units, hide(units, { Drita: 'real_person', Bicaj: 'identifying_place' }));
    expect(maskedText(text, masks, 'sq')).toBe('Mësuesja [hequr] në [hequr] na foli.');
    expect(maskedText(text, masks, 'en')).toBe('Mësuesja [removed] në [removed] na foli.');
  });

  it('joins neighbouring hidden words with the same reason into one mask, not across reasons', () => {
    const text = 'Arta Hoxha nga Bicaj Poshtë';
    const units = maskUnits(text, []);
    const same = unitMasks(text, units, hide(units, { Arta: 'real_person', Hoxha: 'real_person', Bicaj: 'identifying_place', Poshtë: 'identifying_place' }));
    expect(maskedText(text, same, 'sq')).toBe('[hequr] nga [hequr]');
    const mixed = unitMasks(text, units, hide(units, { Arta: 'real_person', Hoxha: 'personal_data' }));
    expect(mixed).toHaveLength(2);
  });

  it('sends offsets in code points, as the database counts them (an emoji is one)', () => {
    const text = '🙂🙂 Drita';
    const units = maskUnits(text, []);
    const masks = unitMasks(text, units, hide(units, { Drita: 'real_person' }));
    expect(masks).toEqual([{ start: 5, end: 10, reason: 'real_person' }]);
    expect(toCodePoints(text, masks)).toEqual([{ start: 3, end: 8, reason: 'real_person' }]);
  });
});
