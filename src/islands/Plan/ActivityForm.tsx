/**
 * Create or edit one plan activity with the shared planActivitySchema (the
 * database function that saves it applies the same rules). Partners are typed
 * one per line.
 */
import { useId, useState, type ReactNode } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  planActivitySchema,
  planActivityStatuses,
  responsibleInstitutions,
  type PlanActivity,
  type PlanActivityInput,
  type ResponsibleInstitution,
} from '../../lib/schemas/planActivity.ts';
import type { AuthClient } from '../../lib/supabase/authClient.ts';
import type { PlanActivity as PlanActivityRow } from '../../lib/supabase/committeeApi.ts';
import { saveActivity } from '../../lib/supabase/planApi.ts';
import type { PlanEditorMessages } from './editorMessages.ts';

interface Props {
  client: AuthClient;
  objectiveId: string;
  activity?: PlanActivityRow | undefined;
  messages: PlanEditorMessages;
  onSaved: () => void;
  onCancel: () => void;
}

const known = new Set<string>(responsibleInstitutions);

function defaults(activity: PlanActivityRow | undefined): PlanActivityInput {
  const institution = activity?.responsibleInstitution;
  const isKnown = institution !== undefined && known.has(institution);
  return {
    title: activity?.title ?? '',
    description: activity?.description ?? '',
    responsibleInstitution: (isKnown ? institution : institution ? 'other' : 'prefecture') as ResponsibleInstitution,
    responsibleInstitutionOther: isKnown ? '' : (institution ?? ''),
    partners: activity?.partners ?? [],
    indicator: activity?.indicator ?? '',
    target: activity?.target ?? '',
    timelineStart: activity?.timelineStart ?? '',
    timelineEnd: activity?.timelineEnd ?? '',
    status: activity?.status ?? 'planned',
    progress: activity?.progress ?? 0,
  };
}

export function ActivityForm({ client, objectiveId, activity, messages: m, onSaved, onCancel }: Props) {
  const id = useId();
  const [partnersText, setPartnersText] = useState((activity?.partners ?? []).join('\n'));
  const [problem, setProblem] = useState<string>();
  const {
    register,
    handleSubmit,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<PlanActivityInput, unknown, PlanActivity>({ resolver: zodResolver(planActivitySchema), defaultValues: defaults(activity) });

  const text = (key: string | undefined) => (key && key in m ? m[key as keyof PlanEditorMessages] : key);
  const onSubmit = handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      await saveActivity(client, objectiveId, activity?.id ?? null, values);
      onSaved();
    } catch {
      setProblem(m['committee.plan.error.invalid']);
    }
  });

  const field = (name: keyof PlanActivityInput, label: string, input: ReactNode) => {
    const error = text(errors[name]?.message);
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {input}
        {error && (
          <p className="problem" id={`${id}-${name}-error`} role="alert">
            {error}
          </p>
        )}
      </div>
    );
  };
  const aria = (name: keyof PlanActivityInput) => ({
    id: `${id}-${name}`,
    'aria-invalid': Boolean(errors[name]),
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });

  return (
    <form className="panel-box" onSubmit={onSubmit} noValidate>
      {field('title', m['committee.plan.field.title'], <input {...aria('title')} {...register('title')} />)}
      {field('description', m['committee.plan.field.description'], <textarea rows={3} {...aria('description')} {...register('description')} />)}
      {field(
        'responsibleInstitution',
        m['committee.plan.field.institution'],
        <select {...aria('responsibleInstitution')} {...register('responsibleInstitution')}>
          {responsibleInstitutions.map((key) => (
            <option key={key} value={key}>
              {m[`track.institution.${key}` as const]}
            </option>
          ))}
        </select>,
      )}
      {watch('responsibleInstitution') === 'other' &&
        field('responsibleInstitutionOther', m['committee.plan.field.institutionOther'], <input {...aria('responsibleInstitutionOther')} {...register('responsibleInstitutionOther')} />)}
      {field(
        'partners',
        m['committee.plan.field.partners'],
        <textarea
          rows={3}
          {...aria('partners')}
          value={partnersText}
          onChange={(event) => {
            setPartnersText(event.target.value);
            setValue('partners', event.target.value.split('\n').map((line) => line.trim()).filter(Boolean));
          }}
        />,
      )}
      {field('indicator', m['committee.plan.field.indicator'], <input {...aria('indicator')} {...register('indicator')} />)}
      {field('target', m['committee.plan.field.target'], <input {...aria('target')} {...register('target')} />)}
      <div className="row">
        {field('timelineStart', m['committee.plan.field.start'], <input type="date" {...aria('timelineStart')} {...register('timelineStart')} />)}
        {field('timelineEnd', m['committee.plan.field.end'], <input type="date" {...aria('timelineEnd')} {...register('timelineEnd')} />)}
        {field(
          'status',
          m['committee.plan.field.status'],
          <select {...aria('status')} {...register('status')}>
            {planActivityStatuses.map((status) => (
              <option key={status} value={status}>
                {m[`track.activity.status.${status}` as const]}
              </option>
            ))}
          </select>,
        )}
        {field('progress', m['committee.plan.field.progress'], <input type="number" min={0} max={100} step={1} {...aria('progress')} {...register('progress', { valueAsNumber: true })} />)}
      </div>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {m['committee.plan.save']}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {m['committee.plan.cancel']}
        </button>
      </div>
    </form>
  );
}
