/**
 * Publishing is masking, never rewriting: the child's words as toggle
 * buttons (aria-pressed = hidden) in one labelled group with a roving
 * tabindex (arrow keys, Home, End move between words; Space or Enter hides or
 * shows one), a reason for each hidden part, and a preview of exactly what
 * approve_idea will publish. Detected personal data starts hidden.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { formatMessage } from '../../lib/formatMessage.ts';
import { maskReasons, type MaskReason } from '../../lib/maskReasons.ts';
import type { ModerationMessages } from './messages.ts';
import { maskedText, unitMasks, type MaskUnit } from './spans.ts';

interface Props {
  text: string;
  locale: 'sq' | 'en';
  units: MaskUnit[];
  hidden: ReadonlyMap<number, MaskReason>;
  onChange: (hidden: Map<number, MaskReason>) => void;
  messages: ModerationMessages;
  /** The word that takes focus when the form opens. */
  focusRef: (element: HTMLButtonElement | null) => void;
  problem?: string | undefined;
}

export function MaskEditor({ text, locale, units, hidden, onChange, messages: m, focusRef, problem }: Props) {
  const id = useId();
  const [current, setCurrent] = useState(0);
  const masks = unitMasks(text, units, hidden);
  const preview = maskedText(text, masks, locale);
  // The reason a new mask gets: the one chosen last, so a run of names needs one choice.
  const [lastReason, setLastReason] = useState<MaskReason>('real_person');

  function toggle(index: number) {
    const next = new Map(hidden);
    if (next.has(index)) next.delete(index);
    else next.set(index, units[index]?.detected ? 'personal_data' : lastReason);
    onChange(next);
  }

  function setReason(unitIndexes: number[], reason: MaskReason) {
    const next = new Map(hidden);
    for (const index of unitIndexes) next.set(index, reason);
    setLastReason(reason);
    onChange(next);
  }

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const target = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: units.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const index = Math.min(Math.max(target, 0), units.length - 1);
    setCurrent(index);
    document.getElementById(`${id}-w${index}`)?.focus();
  }

  // Each mask with the units it covers, for its reason select.
  const maskRows = masks.map((mask) => ({
    mask,
    words: text.slice(mask.start, mask.end),
    indexes: units.flatMap((unit, index) => (unit.start >= mask.start && unit.end <= mask.end ? [index] : [])),
  }));

  let at = 0;
  return (
    <>
      <div className="field">
        <p className="label" id={`${id}-label`}>{m['committee.approve.words']}</p>
        <p className="hint" id={`${id}-hint`}>{m['committee.approve.wordsHint']}</p>
        <div
          role="group"
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-hint`}
          className="mask-words user-text"
          lang={locale}
          dir="auto"
          onKeyDown={move}
        >
          {units.map((unit, index) => {
            const gap = text.slice(at, unit.start);
            at = unit.end;
            const pressed = hidden.has(index);
            return (
              <span key={unit.start}>
                {gap}
                <button
                  type="button"
                  id={`${id}-w${index}`}
                  ref={index === current ? focusRef : undefined}
                  tabIndex={index === current ? 0 : -1}
                  aria-pressed={pressed}
                  className={unit.detected ? 'mask-word detected' : 'mask-word'}
                  onClick={() => {
                    setCurrent(index);
                    toggle(index);
                  }}
                  onFocus={() => setCurrent(index)}
                >
                  {unit.text}
                </button>
              </span>
            );
          })}
          {text.slice(at)}
        </div>
      </div>
      <fieldset className="field mask-reasons">
        <legend>{m['committee.approve.masks']}</legend>
        {maskRows.length === 0 && <p>{m['committee.approve.noMasks']}</p>}
        {maskRows.map(({ mask, words, indexes }) => (
          <div key={mask.start} className="mask-reason">
            <label htmlFor={`${id}-r${mask.start}`}>{formatMessage(m['committee.approve.maskReason'], { words })}</label>
            <select id={`${id}-r${mask.start}`} value={mask.reason} onChange={(event) => setReason(indexes, event.target.value as MaskReason)}>
              {maskReasons.map((reason) => (
                <option key={reason} value={reason}>{m[`committee.approve.reason.${reason}`]}</option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>
      <section className="field" aria-labelledby={`${id}-preview`}>
        <h4 id={`${id}-preview`}>{m['committee.approve.preview']}</h4>
        <p className="mask-preview user-text" lang={locale} dir="auto">{preview}</p>
        {problem && <p className="problem">{problem}</p>}
      </section>
    </>
  );
}
