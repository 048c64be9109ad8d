/**
 * The new-session form as react-hook-form runs it: the island's starting
 * values through the shared session schema, then what a teacher changes.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { createFormControl } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { createSessionSchema, type Session, type SessionInput } from '../../../src/lib/schemas/session.ts';
import { initialSessionValues } from '../../../src/islands/Teacher/sessionWindow.ts';

const now = new Date(2026, 2, 9, 8, 5, 42);

function form(overrides: Partial<SessionInput> = {}) {
  const { formControl } = createFormControl<SessionInput, unknown, Session>({
    resolver: zodResolver(createSessionSchema(() => now)),
    defaultValues: { ...initialSessionValues('Shkolla e Mesme Demo, Kukës', 'spot-the-fake-job-ad', now), ...overrides },
  });
  return formControl;
}

async function submit(control: ReturnType<typeof form>): Promise<{ sent: Session | undefined; errors: Record<string, string | undefined> }> {
  let sent: Session | undefined;
  let errors: Record<string, string | undefined> = {};
  await control.handleSubmit(
    (values) => {
      sent = values;
    },
    (invalid) => {
      errors = Object.fromEntries(Object.entries(invalid).map(([field, error]) => [field, error?.message]));
    },
  )();
  return { sent, errors };
}

describe('the new-session form', () => {
  it('refuses to send until a grade band is chosen, and says so with an i18n key', async () => {
    const control = form();
    const { sent, errors } = await submit(control);
    expect(sent).toBeUndefined();
    expect(errors).toEqual({ gradeBand: 'validation.session.gradeBandRequired' });
  });

  it('sends the defaults once the grade band is chosen: now → +60 min, 40 ideas, the activity kept', async () => {
    const control = form();
    control.setValue('gradeBand', '6-9');
    const { sent, errors } = await submit(control);
    expect(errors).toEqual({});
    expect(sent).toMatchObject({ school: 'Shkolla e Mesme Demo, Kukës', gradeBand: '6-9', activitySlug: 'spot-the-fake-job-ad', maxIdeas: 40 });
    expect(sent?.campaignSlug).toBeUndefined();
    expect(sent?.opensAt).toEqual(new Date(2026, 2, 9, 8, 5));
    expect(sent?.closesAt).toEqual(new Date(2026, 2, 9, 9, 5));
  });

  it('treats an emptied "students present" field (NaN from valueAsNumber) as not given', async () => {
    const control = form({ gradeBand: '10-12', studentsPresent: Number.NaN });
    const { sent } = await submit(control);
    expect(sent).toBeDefined();
    expect(sent?.studentsPresent).toBeUndefined();
  });

  it('shows every window problem on the closing time', async () => {
    const cases: Array<[Partial<SessionInput>, string]> = [
      [{ closesAt: '2026-03-09T08:00' }, 'validation.session.closesBeforeOpens'],
      [{ closesAt: '2026-03-09T16:06' }, 'validation.session.windowTooLong'],
      [{ opensAt: '2026-03-09T07:00', closesAt: '2026-03-09T08:00' }, 'validation.session.closesInPast'],
      [{ closesAt: '' }, 'validation.session.closesAtInvalid'],
    ];
    for (const [window, message] of cases) {
      const { sent, errors } = await submit(form({ gradeBand: '6-9', ...window }));
      expect(sent, JSON.stringify(window)).toBeUndefined();
      expect(errors['closesAt'], JSON.stringify(window)).toBe(message);
    }
  });

  it('accepts exactly 8 hours and refuses a school name of one letter or 0 ideas', async () => {
    expect((await submit(form({ gradeBand: '6-9', closesAt: '2026-03-09T16:05' }))).errors).toEqual({});
    const { errors } = await submit(form({ gradeBand: '6-9', school: ' X ', maxIdeas: 0 }));
    expect(errors).toEqual({ school: 'validation.session.schoolTooShort', maxIdeas: 'validation.session.maxIdeasRange' });
  });
});
