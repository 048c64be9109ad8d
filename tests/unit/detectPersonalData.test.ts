import { describe, expect, it } from 'vitest';
import cases from '../fixtures/detector-cases.json' with { type: 'json' };
import { detectPersonalData, type PersonalDataKind } from '../../src/lib/detectPersonalData.ts';

/** The kinds and the highlighted parts of the text. */
function spans(text: string): Array<[PersonalDataKind, string]> {
  return detectPersonalData(text).matches.map((m) => [m.kind, text.slice(m.start, m.end)]);
}

describe('detectPersonalData on the shared fixture', () => {
  it.each(cases.personalData)('$note: $text → $expected', ({ text, expected }) => {
    expect(detectPersonalData(text).found).toBe(expected);
  });
});

describe('detectPersonalData spans', () => {
  it('highlights an e-mail address', () => {
    expect(spans('Shkruani te arta.hoxha@gmail.com sot')).toEqual([['email', 'arta.hoxha@gmail.com']]);
  });

  it.each([
    ['Numri 069 123 4567.', '069 123 4567'],
    ['Numri 067-123-45-67!', '067-123-45-67'],
    ['(+355 68 123 4567)', '+355 68 123 4567'],
    ['tel:00355691234567', '00355691234567'],
    ['Thirr 04 223 4567', '04 223 4567'],
    ['Telefono 69 123 4567', '69 123 4567'],
    ['Thirr +44 20 7946 0958', '+44 20 7946 0958'],
  ])('highlights the phone number in %j', (text, phone) => {
    expect(spans(text)).toEqual([['phone', phone]]);
  });

  it('stops a mobile number at its tenth digit', () => {
    expect(spans('Më thirr 069 123 4567 2 herë')).toEqual([['phone', '069 123 4567']]);
  });

  it('finds two numbers in one text', () => {
    expect(spans('0692345678 ose 0682345678')).toEqual([
      ['phone', '0692345678'],
      ['phone', '0682345678'],
    ]);
  });

  it.each([
    ['Ide: 2024', 'a year'],
    ['Kushton 1500 lekë', 'a price'],
    ['Kushton 1.500.000 lekë', 'a big price with dots'],
    ['Kemi 12345678 shikime', 'an 8-digit count'],
    ['Numri 123456789', 'a 9-digit number that is no Albanian phone'],
    ['Kodi ABCDE-23456', 'a receipt-like code'],
    ['Klasa 8-9 dhe 10-12', 'grade ranges'],
    ['+5 pikë', 'a plus sign with a short number'],
    ['116 111, 116006, 112, 129', 'helplines'],
  ])('leaves %j alone (%s)', (text) => {
    expect(detectPersonalData(text)).toEqual({ found: false, matches: [] });
  });

  it('highlights a full name after an introduction', () => {
    expect(spans('Emri im është Arta Hoxha, nga Kukësi')).toEqual([['name', 'Arta Hoxha']]);
    expect(spans('my name is John Smith')).toEqual([['name', 'John Smith']]);
  });

  it('highlights a single first name after a strong introduction', () => {
    expect(spans('Më quajnë Klea')).toEqual([['name', 'Klea']]);
    expect(spans('Jam Arta nga Kukësi')).toEqual([['name', 'Arta']]);
  });

  it('takes up to three words of a name', () => {
    expect(spans('Eglantina Marku Leka shkroi këtë')).toEqual([['name', 'Eglantina Marku Leka']]);
  });

  it('does not join a name across a full stop', () => {
    expect(spans('E tha Arta. Hoxha nuk e tha')).toEqual([]);
  });

  it('does not take a city as a surname', () => {
    expect(spans('Arta Kukës')).toEqual([]);
  });

  it('highlights a handle but not the @ of an e-mail address', () => {
    expect(spans('@arta_h dhe arta@gmail.com')).toEqual([
      ['handle', '@arta_h'],
      ['email', 'arta@gmail.com'],
    ]);
  });

  it('highlights an Albanian personal number', () => {
    expect(spans('Numri personal J12345678A')).toEqual([['idNumber', 'J12345678A']]);
  });

  it('reports spans in text order', () => {
    const found = detectPersonalData('Arta Hoxha, arta@gmail.com, 0691234567').matches.map((m) => m.kind);
    expect(found).toEqual(['name', 'email', 'phone']);
  });

  it('answers quickly on long hostile input', () => {
    const started = performance.now();
    detectPersonalData(`${'1 '.repeat(5000)}x ${'a@'.repeat(2000)} ${'Arta '.repeat(500)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
