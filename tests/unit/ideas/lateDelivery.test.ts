// The client half of late delivery: the time the student pressed send
// travels with the idea, and a final refusal is kept aside, not retried.
import { describe, expect, it } from 'vitest';
import { keepQueued, toSubmitArgs } from '../../../src/islands/IdeaForm/submission.ts';
import { activityTimeline } from '../../../src/islands/TrackIdea/activityTimeline.ts';
import { apiErrorCode } from '../../../src/lib/supabase/apiError.ts';
import { ideaSchema } from '../../../src/lib/schemas/idea.ts';

const idea = ideaSchema.parse({
  sessionCode: 'KUK234',
  text: 'Posters about fake job offers in every school.',
  theme: 'school',
  locale: 'en',
  publishConsent: true,
  idempotencyKey: '3b241101-e2bb-4255-8caf-4136c566a962',
  receiptCode: 'K7M9PQ2RXT',
});

describe('late delivery on the device', () => {
  it('sends the moment the student pressed send as p_queued_at', () => {
    const pressed = new Date('2026-06-01T09:59:30.000Z');
    expect(toSubmitArgs(idea, pressed).p_queued_at).toBe('2026-06-01T09:59:30.000Z');
    expect('p_queued_at' in toSubmitArgs(idea)).toBe(false);
  });

  it('sends the seat token join_session gave the device, so the queued idea carries it', () => {
    expect(toSubmitArgs(idea, new Date(), 'seat-token-of-this-device').p_seat_token).toBe('seat-token-of-this-device');
    expect('p_seat_token' in toSubmitArgs(idea, new Date())).toBe(false);
    expect('p_seat_token' in toSubmitArgs(idea, new Date(), null)).toBe(false);
  });

  it('reads invalid_queued_at as a refusal that waiting cannot fix', () => {
    const code = apiErrorCode({ status: 400, error: { code: 'P0001', message: 'invalid_queued_at' } });
    expect(code).toBe('invalid_queued_at');
    expect(keepQueued(code)).toBe(false);
    expect(keepQueued('session_closed')).toBe(false);
    expect(keepQueued('offline')).toBe(true);
  });
});

describe('activityTimeline', () => {
  const words = { from: 'From {date}', until: 'Until {date}' };

  it('shows both plan dates as a range in the reader\'s language, without shifting a day', () => {
    expect(activityTimeline('en', words, '2026-03-01', '2026-06-30')).toBe('1 March 2026 – 30 June 2026');
    const sq = activityTimeline('sq', { from: 'Nga {date}', until: 'Deri më {date}' }, '2026-03-01', '2026-06-30');
    expect(sq).toMatch(/1.*mars.*30.*qershor.*2026/i);
  });

  it('says from or until when the plan gives one date, and nothing without dates', () => {
    expect(activityTimeline('en', words, '2026-09-01', null)).toBe('From 1 September 2026');
    expect(activityTimeline('en', words, null, '2027-01-31')).toBe('Until 31 January 2027');
    expect(activityTimeline('en', words, null, null)).toBeUndefined();
  });
});
