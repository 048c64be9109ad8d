/**
 * A labelled form field with its hint and error tied to it
 * (`aria-describedby`, `aria-invalid`), the error announced as an alert.
 */
import type { ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface Props {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The already translated error, if any. */
  error?: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({ id, label, hint, error, children }: Props) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described })}
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A translated validation message: keys the island received, else the key itself (a bug to see, not hide). */
export function translate(messages: Record<string, string>, key: string | undefined): string | undefined {
  return key === undefined ? undefined : (messages[key] ?? key);
}
