import { describe, expect, it } from 'vitest';
import {
  CAN_DO_MAX,
  IDEA_TEXT_MAX,
  IDEA_TEXT_MIN,
  ageBands,
  ideaSchema,
  ideaThemes,
  type IdeaInput,
} from '../../../src/lib/schemas/idea.ts';

const valid: IdeaInput = {
  sessionCode: 'K7M9PQ',
  text: 'Shkolla të organizojë takime me policinë.',
  theme: 'school',
  locale: 'sq',
  publishConsent: true,
  idempotencyKey: '0b8f7a4e-2c1d-4e5f-9a6b-7c8d9e0f1a2b',
  receiptCode: 'K7M9PQ2RXT',
};

/** The i18n keys of the issues for one field, or [] when it is valid. */
function messagesFor(input: Record<string, unknown>, field: string): string[] {
  const result = ideaSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => issue.path.join('.') === field).map((issue) => issue.message);
}

describe('ideaSchema', () => {
  it('accepts a complete idea', () => {
    expect(ideaSchema.safeParse(valid).success).toBe(true);
  });

  it('accepts the smallest idea: optional fields left out', () => {
    const result = ideaSchema.parse(valid);
    expect(result.canDo).toBeUndefined();
    expect(result.ageBand).toBeUndefined();
  });

  describe('text', () => {
    it.each([
      [IDEA_TEXT_MIN - 1, ['validation.idea.textTooShort']],
      [IDEA_TEXT_MIN, []],
      [IDEA_TEXT_MAX, []],
      [IDEA_TEXT_MAX + 1, ['validation.idea.textTooLong']],
    ])('%i characters → %j', (length, expected) => {
      expect(messagesFor({ ...valid, text: 'a'.repeat(length) }, 'text')).toEqual(expected);
    });

    it('trims before measuring: 9 characters with spaces around are too short', () => {
      expect(messagesFor({ ...valid, text: `   ${'a'.repeat(9)}\n\t ` }, 'text')).toEqual([
        'validation.idea.textTooShort',
      ]);
    });

    it('trims before measuring: 1000 characters with spaces around are fine', () => {
      expect(messagesFor({ ...valid, text: `  ${'a'.repeat(1000)}  ` }, 'text')).toEqual([]);
    });

    it('gives back the trimmed text', () => {
      expect(ideaSchema.parse({ ...valid, text: '  Ide e mirë për klasën  \n' }).text).toBe('Ide e mirë për klasën');
    });

    it('counts an emoji as one character, as Postgres char_length does', () => {
      expect(messagesFor({ ...valid, text: '😀'.repeat(IDEA_TEXT_MIN) }, 'text')).toEqual([]);
      expect(messagesFor({ ...valid, text: '😀'.repeat(IDEA_TEXT_MAX) }, 'text')).toEqual([]);
    });

    it('counts ë typed as e + combining mark as one character', () => {
      const decomposed = 'e\u0308'.repeat(IDEA_TEXT_MAX);
      expect(messagesFor({ ...valid, text: decomposed }, 'text')).toEqual([]);
      expect(ideaSchema.parse({ ...valid, text: decomposed }).text).toBe('ë'.repeat(IDEA_TEXT_MAX));
    });

    it('requires the text', () => {
      expect(messagesFor({ ...valid, text: undefined }, 'text')).toEqual(['validation.idea.textRequired']);
    });

    it('asks for the text when nothing or only spaces were written, rather than calling it too short', () => {
      expect(messagesFor({ ...valid, text: '' }, 'text')).toEqual(['validation.idea.textRequired']);
      expect(messagesFor({ ...valid, text: '              ' }, 'text')).toEqual(['validation.idea.textRequired']);
    });
  });

  describe('theme', () => {
    it.each(ideaThemes)('accepts %s', (theme) => {
      expect(messagesFor({ ...valid, theme }, 'theme')).toEqual([]);
    });

    it.each([['travel'], ['School'], [''], [undefined], [null]])('rejects %j', (theme) => {
      expect(messagesFor({ ...valid, theme }, 'theme')).toEqual(['validation.idea.themeRequired']);
    });
  });

  describe('canDo', () => {
    it.each([
      [CAN_DO_MAX, []],
      [CAN_DO_MAX + 1, ['validation.idea.canDoTooLong']],
    ])('%i characters → %j', (length, expected) => {
      expect(messagesFor({ ...valid, canDo: 'b'.repeat(length) }, 'canDo')).toEqual(expected);
    });

    it('trims before measuring', () => {
      expect(messagesFor({ ...valid, canDo: ` ${'b'.repeat(CAN_DO_MAX)} ` }, 'canDo')).toEqual([]);
    });

    it.each([[''], ['   '], ['\n'], [null], [undefined]])('turns %j into undefined', (canDo) => {
      const result = ideaSchema.parse({ ...valid, canDo });
      expect(result.canDo).toBeUndefined();
    });

    it('gives back the trimmed text', () => {
      expect(ideaSchema.parse({ ...valid, canDo: '  Flas me shokët  ' }).canDo).toBe('Flas me shokët');
    });

    it('rejects a number', () => {
      expect(messagesFor({ ...valid, canDo: 42 }, 'canDo')).toEqual(['validation.idea.canDoInvalid']);
    });
  });

  describe('ageBand', () => {
    it.each(ageBands)('accepts %s', (ageBand) => {
      expect(ideaSchema.parse({ ...valid, ageBand }).ageBand).toBe(ageBand);
    });

    it.each([[''], [null], [undefined]])('treats %j as not given', (ageBand) => {
      expect(ideaSchema.parse({ ...valid, ageBand }).ageBand).toBeUndefined();
    });

    it.each([['13'], ['18-'], ['12–14'], [14]])('rejects %j', (ageBand) => {
      expect(messagesFor({ ...valid, ageBand }, 'ageBand')).toEqual(['validation.idea.ageBandInvalid']);
    });
  });

  describe('publishConsent', () => {
    it.each([[true], [false]])('accepts %s', (publishConsent) => {
      expect(ideaSchema.parse({ ...valid, publishConsent }).publishConsent).toBe(publishConsent);
    });

    it('has no default: leaving it out fails with consentRequired', () => {
      const { publishConsent: _omitted, ...withoutConsent } = valid;
      expect(messagesFor(withoutConsent, 'publishConsent')).toEqual(['validation.idea.consentRequired']);
    });

    it.each([[undefined], [null], ['true'], ['yes'], [1]])('rejects %j', (publishConsent) => {
      expect(messagesFor({ ...valid, publishConsent }, 'publishConsent')).toEqual([
        'validation.idea.consentRequired',
      ]);
    });
  });

  describe('sessionCode', () => {
    it('normalises the code as typed', () => {
      expect(ideaSchema.parse({ ...valid, sessionCode: ' k7m-9pq ' }).sessionCode).toBe('K7M9PQ');
      expect(ideaSchema.parse({ ...valid, sessionCode: 'ko1-lio' }).sessionCode).toBe('K01110');
    });

    it.each([['K7M9P'], ['K7M9PQR'], ['K7M#PQ'], [''], [undefined]])('rejects %j', (sessionCode) => {
      expect(messagesFor({ ...valid, sessionCode }, 'sessionCode')).toEqual(['validation.idea.sessionCodeInvalid']);
    });
  });

  describe('locale', () => {
    it.each([['sq'], ['en']])('accepts %s', (locale) => {
      expect(messagesFor({ ...valid, locale }, 'locale')).toEqual([]);
    });

    it.each([['de'], ['SQ'], [undefined]])('rejects %j', (locale) => {
      expect(messagesFor({ ...valid, locale }, 'locale')).toEqual(['validation.idea.localeInvalid']);
    });
  });

  describe('idempotencyKey', () => {
    it('accepts what crypto.randomUUID gives', () => {
      expect(messagesFor({ ...valid, idempotencyKey: crypto.randomUUID() }, 'idempotencyKey')).toEqual([]);
    });

    it.each([['not-a-uuid'], ['0b8f7a4e2c1d4e5f9a6b7c8d9e0f1a2b'], [''], [undefined]])('rejects %j', (key) => {
      expect(messagesFor({ ...valid, idempotencyKey: key }, 'idempotencyKey')).toEqual([
        'validation.idea.idempotencyKeyInvalid',
      ]);
    });
  });

  describe('receiptCode', () => {
    it('normalises the display form', () => {
      expect(ideaSchema.parse({ ...valid, receiptCode: 'k7m9p-q2rxt' }).receiptCode).toBe('K7M9PQ2RXT');
    });

    it.each([['K7M9PQ2RX'], ['K7M9PQ2RX0'], ['K7M9PQ2RXO'], [''], [undefined]])('rejects %j', (receiptCode) => {
      expect(messagesFor({ ...valid, receiptCode }, 'receiptCode')).toEqual(['validation.idea.receiptCodeInvalid']);
    });
  });

  it('reports every invalid field at once', () => {
    const result = ideaSchema.safeParse({ locale: 'sq' });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(fields).toEqual(['idempotencyKey', 'publishConsent', 'receiptCode', 'sessionCode', 'text', 'theme']);
  });

  it('uses only i18n keys as messages', () => {
    const result = ideaSchema.safeParse({ text: 1, theme: 2, canDo: 3, ageBand: 4, locale: 5, sessionCode: 6 });
    for (const issue of result.error?.issues ?? []) expect(issue.message).toMatch(/^validation\.idea\.[a-zA-Z]+$/);
  });
});
