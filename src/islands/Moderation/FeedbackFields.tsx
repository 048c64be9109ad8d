/**
 * Feedback to a child in Albanian and/or English, checked as it is typed
 * with the same plain-language rule the database applies when the idea is
 * closed (src/lib/checkPlainLanguage.ts).
 */
import { checkPlainLanguage } from '../../lib/checkPlainLanguage.ts';
import { formatMessage } from '../../lib/formatMessage.ts';
import type { Feedback } from '../../lib/supabase/committeeApi.ts';
import type { FeedbackMessages } from './messages.ts';

interface Props {
  id: string;
  value: Feedback;
  onChange: (value: Feedback) => void;
  messages: FeedbackMessages;
  /** Show the "write something" problem (after a submit attempt). */
  showRequired: boolean;
}

export function problemsText(text: string, m: FeedbackMessages): string[] {
  return checkPlainLanguage(text).map((problem) =>
    problem === 'long_sentence'
      ? m['committee.feedback.longSentence']
      : formatMessage(m['committee.feedback.jargon'], { term: problem.slice('jargon:'.length) }),
  );
}

/** Whether the feedback may be sent: something written, and it reads plainly. */
export function feedbackReady(value: Feedback): boolean {
  const texts = [value.sq, value.en].filter((text) => text.trim() !== '');
  return texts.length > 0 && texts.every((text) => checkPlainLanguage(text).length === 0);
}

export function FeedbackFields({ id, value, onChange, messages: m, showRequired }: Props) {
  const empty = value.sq.trim() === '' && value.en.trim() === '';
  return (
    <fieldset className="field">
      <p className="hint" id={`${id}-hint`}>
        {m['committee.feedback.hint']}
      </p>
      {(['sq', 'en'] as const).map((lang) => {
        const problems = problemsText(value[lang], m);
        const problemId = `${id}-${lang}-problems`;
        return (
          <div className="field" key={lang}>
            <label htmlFor={`${id}-${lang}`}>{m[lang === 'sq' ? 'committee.feedback.sq' : 'committee.feedback.en']}</label>
            <textarea
              id={`${id}-${lang}`}
              rows={2}
              maxLength={500}
              value={value[lang]}
              aria-describedby={`${id}-hint${problems.length ? ` ${problemId}` : ''}`}
              aria-invalid={problems.length > 0}
              onChange={(event) => onChange({ ...value, [lang]: event.target.value })}
            />
            <div id={problemId} aria-live="polite">
              {problems.map((problem) => (
                <p key={problem} className="problem">
                  {problem}
                </p>
              ))}
            </div>
          </div>
        );
      })}
      {showRequired && empty && (
        <p role="alert" className="problem">
          {m['committee.feedback.required']}
        </p>
      )}
    </fieldset>
  );
}
