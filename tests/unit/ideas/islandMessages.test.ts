import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { sq } from '../../../src/i18n/sq.ts';
import { ideaFormMessageKeys } from '../../../src/islands/IdeaForm/messages.ts';
import { ideasWallMessageKeys } from '../../../src/islands/IdeasWall/messages.ts';
import { trackIdeaMessageKeys } from '../../../src/islands/TrackIdea/messages.ts';
import { helplines } from '../../../src/lib/helplines.ts';
import { validationMessageKeys } from '../../../src/lib/schemas/validationMessageKeys.ts';
import { formatMessage } from '../../../src/lib/formatMessage.ts';

describe('island strings', () => {
  it('has Albanian and English text for every validation message of the shared schemas', () => {
    for (const key of validationMessageKeys) {
      expect(sq[key as keyof typeof sq], key).toBeTruthy();
      expect(en[key as keyof typeof en], key).toBeTruthy();
    }
  });

  it('passes the idea form every helpline label it shows', () => {
    for (const line of helplines) expect(ideaFormMessageKeys as readonly string[]).toContain(line.labelKey);
  });

  it('asks for keys that exist', () => {
    for (const key of [...ideaFormMessageKeys, ...trackIdeaMessageKeys, ...ideasWallMessageKeys]) expect(sq[key], key).toBeTruthy();
  });

  it('fills placeholders the way t() does', () => {
    expect(formatMessage(en['ideaForm.text.counter'], { count: 12 })).toBe('12 of 1000 characters');
    expect(formatMessage('{missing} stays', {})).toBe('{missing} stays');
  });
});
