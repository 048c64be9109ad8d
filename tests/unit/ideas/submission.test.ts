import { describe, expect, it } from 'vitest';
import { failureAction, joinFailureMessage, keepQueued, toSubmitArgs } from '../../../src/islands/IdeaForm/submission.ts';
import { ideaSchema } from '../../../src/lib/schemas/idea.ts';

const idea = ideaSchema.parse({
  sessionCode: 'kuk 234',
  text: '  Posters about fake job offers in every school.  ',
  theme: 'school',
  canDo: '   ',
  ageBand: '',
  locale: 'en',
  publishConsent: false,
  idempotencyKey: '3b241101-e2bb-4255-8caf-4136c566a962',
  receiptCode: 'k7m9p-q2rxt',
});

describe('a submission', () => {
  it('sends the normalised idea with empty optional fields as null', () => {
    expect(toSubmitArgs(idea)).toEqual({
      p_code: 'KUK234',
      p_text: 'Posters about fake job offers in every school.',
      p_theme: 'school',
      p_can_do: null,
      p_age_band: null,
      p_locale: 'en',
      p_publish_consent: false,
      p_idempotency_key: '3b241101-e2bb-4255-8caf-4136c566a962',
      p_receipt_code: 'K7M9PQ2RXT',
    });
  });

  it('queues what failed for lack of a connection or a server', () => {
    expect(failureAction('offline')).toEqual({ kind: 'queue' });
    expect(failureAction('server')).toEqual({ kind: 'queue' });
  });

  it('keeps the idea on screen when the session is busy, and does not queue it', () => {
    expect(failureAction('rate_limited')).toEqual({ kind: 'form', message: 'ideaForm.error.rateLimited' });
  });

  it('shows a rule the server enforces next to its field', () => {
    expect(failureAction('invalid_text')).toEqual({ kind: 'field', field: 'text', message: 'validation.idea.textTooShort' });
    expect(failureAction('invalid_consent')).toMatchObject({ kind: 'field', field: 'publishConsent' });
  });

  it('makes a new receipt code when the device-made one is taken', () => {
    expect(failureAction('receipt_code_taken')).toEqual({ kind: 'newCode' });
  });

  it('has its own message for each session problem', () => {
    const messages = (['session_closed', 'session_not_open', 'session_full', 'session_unknown'] as const).map((code) => failureAction(code));
    expect(new Set(messages.map((m) => (m.kind === 'form' ? m.message : m.kind))).size).toBe(4);
  });

  it('keeps a queued idea only for failures that waiting can fix', () => {
    expect(keepQueued('offline')).toBe(true);
    expect(keepQueued('rate_limited')).toBe(true);
    expect(keepQueued('session_closed')).toBe(false);
    expect(keepQueued('unknown')).toBe(false);
  });
});

describe('a failed join', () => {
  it('tells the child to wait or ask the teacher when too many codes were tried (429), apart from no connection and other failures', () => {
    expect(joinFailureMessage('rate_limited')).toBe('ideaForm.join.rateLimited');
    expect(joinFailureMessage('offline')).toBe('ideaForm.join.offline');
    expect(joinFailureMessage('server')).toBe('ideaForm.join.failed');
  });
});
