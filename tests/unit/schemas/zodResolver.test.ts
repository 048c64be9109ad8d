/**
 * The shared schemas are built with `zod/mini`. @hookform/resolvers' zod
 * resolver detects zod 4 by the `_zod` marker and calls the schema's own
 * `parse`/`parseAsync` methods, which zod/mini schemas have; these tests
 * prove it end to end, through react-hook-form's own form control.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { createFormControl } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { ideaSchema, type IdeaInput } from '../../../src/lib/schemas/idea.ts';
import { createSessionSchema, type SessionInput } from '../../../src/lib/schemas/session.ts';

const filled: IdeaInput = {
  sessionCode: ' k7m-9pq ',
  text: '  Të flasim në klasë për ofertat e rreme të punës.  ',
  theme: 'work_abroad',
  canDo: '',
  ageBand: '',
  locale: 'sq',
  publishConsent: false,
  idempotencyKey: '0b8f7a4e-2c1d-4e5f-9a6b-7c8d9e0f1a2b',
  receiptCode: 'k7m9p-q2rxt',
};

const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe('zodResolver with the zod/mini idea schema', () => {
  it('is recognised as a zod 4 schema', () => {
    expect(() => zodResolver(ideaSchema)).not.toThrow();
  });

  it('returns the parsed, normalised values when the idea is valid', async () => {
    const result = await zodResolver(ideaSchema)(filled, undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      sessionCode: 'K7M9PQ',
      text: 'Të flasim në klasë për ofertat e rreme të punës.',
      theme: 'work_abroad',
      locale: 'sq',
      publishConsent: false,
      idempotencyKey: '0b8f7a4e-2c1d-4e5f-9a6b-7c8d9e0f1a2b',
      receiptCode: 'K7M9PQ2RXT',
    });
  });

  it('keys every error by field with an i18n key as message', async () => {
    // What a half-filled form holds: no theme chosen, consent not answered.
    const values = { ...filled, text: 'shkurt', theme: undefined, canDo: 'x'.repeat(501), ageBand: '13', publishConsent: undefined };
    const result = await zodResolver(ideaSchema)(values as unknown as IdeaInput, undefined, options);
    const messages = Object.fromEntries(Object.entries(result.errors).map(([field, error]) => [field, error?.message]));
    expect(messages).toEqual({
      text: 'validation.idea.textTooShort',
      theme: 'validation.idea.themeRequired',
      canDo: 'validation.idea.canDoTooLong',
      ageBand: 'validation.idea.ageBandInvalid',
      publishConsent: 'validation.idea.consentRequired',
    });
    expect(result.values).toEqual({});
  });

  it('works in sync mode too', async () => {
    const result = await zodResolver(ideaSchema, undefined, { mode: 'sync' })(
      { ...filled, text: 'x'.repeat(1001) },
      undefined,
      options,
    );
    expect(result.errors.text?.message).toBe('validation.idea.textTooLong');
  });

  it('drives a react-hook-form form: nothing valid until consent is answered', async () => {
    const { publishConsent: _unanswered, ...defaultValues } = filled;
    const { formControl } = createFormControl<IdeaInput>({ resolver: zodResolver(ideaSchema), defaultValues });
    expect(await formControl.trigger()).toBe(false);
    expect(formControl.getFieldState('publishConsent').error?.message).toBe('validation.idea.consentRequired');

    formControl.setValue('publishConsent', true);
    expect(await formControl.trigger()).toBe(true);
    expect(formControl.getFieldState('publishConsent').error).toBeUndefined();
  });
});

describe('zodResolver with the zod/mini session schema', () => {
  it('puts time-window errors on closesAt', async () => {
    const now = new Date('2025-03-10T09:00:00Z');
    const values: SessionInput = {
      school: 'Shkolla "Ndre Mjeda"',
      gradeBand: '10-12',
      opensAt: '2025-03-10T09:00:00Z',
      closesAt: '2025-03-10T18:00:00Z',
    };
    const result = await zodResolver(createSessionSchema(() => now))(values, undefined, options);
    expect(result.errors.closesAt?.message).toBe('validation.session.windowTooLong');
  });
});
