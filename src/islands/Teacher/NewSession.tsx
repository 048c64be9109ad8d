/**
 * Open a class session: the shared session schema (the one the database's
 * checks mirror) through react-hook-form. School prefilled from the
 * teacher's application, window now → +60 minutes, 40 ideas, and the
 * activity pre-selected when the teacher comes from an activity page
 * (`?activity=<slug>`).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError } from '../../lib/supabase/apiError.ts';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import type { Roles } from '../../lib/auth/requireRole.ts';
import { gradeBands, MAX_IDEAS_MAX, MAX_IDEAS_MIN, sessionSchema, STUDENTS_PRESENT_MAX, type Session, type SessionInput } from '../../lib/schemas/session.ts';
import { Field, translate } from '../Account/Field.tsx';
import { Gate } from '../Account/Gate.tsx';
import type { MessagesOf, newSessionMessageKeys } from './messages.ts';
import { initialSessionValues } from './sessionWindow.ts';
import { createSession } from '../../lib/supabase/teacherApi.ts';
import '../Account/account.css';
import './teacher.css';

type M = MessagesOf<typeof newSessionMessageKeys>;

interface Option {
  slug: string;
  title: string;
}

interface Props {
  messages: M;
  signInPath: string;
  screenPath: string;
  activities: Option[];
  campaigns: Option[];
  regionNames: Record<string, string>;
}

export default function NewSession(props: Props) {
  return (
    <Gate messages={props.messages} signInPath={props.signInPath} need="teacher" regionNames={props.regionNames}>
      {(roles, client) => <SessionForm {...props} roles={roles} client={client} />}
    </Gate>
  );
}

function SessionForm({ messages: m, roles, client, screenPath, activities, campaigns }: Props & { roles: Roles; client: AuthClient }) {
  const preselected = useMemo(() => {
    const wanted = new URLSearchParams(window.location.search).get('activity');
    return activities.find((a) => a.slug === wanted)?.slug;
  }, [activities]);
  const [problem, setProblem] = useState<'teacher.new.notAllowed' | 'teacher.new.failed'>();
  const problemRef = useRef<HTMLParagraphElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SessionInput, unknown, Session>({
    resolver: zodResolver(sessionSchema),
    defaultValues: initialSessionValues(roles.teacher?.school ?? '', preselected, new Date()),
  });
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const created = await createSession(client, { userId: roles.userId, region: roles.teacher?.region ?? '' }, values);
      window.location.assign(`${screenPath}?id=${encodeURIComponent(created.id)}`);
    } catch (error) {
      setProblem(error instanceof ApiError && error.code === 'not_allowed' ? 'teacher.new.notAllowed' : 'teacher.new.failed');
    }
  });

  const error = (key: string | undefined) => translate(m, key);
  return (
    <form className="account-form session-form" onSubmit={onSubmit} noValidate method="post" action="#">
      {problem && (
        <p className="callout error-box" role="alert" tabIndex={-1} ref={problemRef}>
          {m[problem]}
        </p>
      )}
      <Field id="session-school" label={m['teacher.new.school']} error={error(errors.school?.message)}>
        {(a11y) => <input {...a11y} autoComplete="organization" {...register('school')} />}
      </Field>
      <fieldset className="field" aria-describedby={errors.gradeBand ? 'session-grade-error' : undefined}>
        <legend>{m['teacher.new.gradeBand']}</legend>
        <div className="choices">
          {gradeBands.map((band) => (
            <label key={band}>
              <input type="radio" value={band} aria-invalid={Boolean(errors.gradeBand)} {...register('gradeBand')} />
              {m[`teacher.new.gradeBand.${band}`]}
            </label>
          ))}
        </div>
        {errors.gradeBand && (
          <p className="error" id="session-grade-error" role="alert">
            {error(errors.gradeBand.message)}
          </p>
        )}
      </fieldset>
      <Field id="session-activity" label={m['teacher.new.activity']} error={error(errors.activitySlug?.message)}>
        {(a11y) => (
          <select {...a11y} {...register('activitySlug')}>
            <option value="">{m['teacher.new.none']}</option>
            {activities.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="session-campaign" label={m['teacher.new.campaign']} error={error(errors.campaignSlug?.message)}>
        {(a11y) => (
          <select {...a11y} {...register('campaignSlug')}>
            <option value="">{m['teacher.new.none']}</option>
            {campaigns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="window-row">
        <Field id="session-opens" label={m['teacher.new.opensAt']} error={error(errors.opensAt?.message)}>
          {(a11y) => <input {...a11y} type="datetime-local" {...register('opensAt')} />}
        </Field>
        <Field id="session-closes" label={m['teacher.new.closesAt']} hint={m['teacher.new.windowHint']} error={error(errors.closesAt?.message)}>
          {(a11y) => <input {...a11y} type="datetime-local" {...register('closesAt')} />}
        </Field>
      </div>
      <Field id="session-max" label={m['teacher.new.maxIdeas']} error={error(errors.maxIdeas?.message)}>
        {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={MAX_IDEAS_MIN} max={MAX_IDEAS_MAX} step={1} {...register('maxIdeas', { valueAsNumber: true })} />}
      </Field>
      <Field id="session-present" label={m['teacher.new.studentsPresent']} hint={m['teacher.new.studentsPresentHint']} error={error(errors.studentsPresent?.message)}>
        {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={0} max={STUDENTS_PRESENT_MAX} step={1} {...register('studentsPresent', { valueAsNumber: true })} />}
      </Field>
      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? m['teacher.new.busy'] : m['teacher.new.submit']}
      </button>
    </form>
  );
}
