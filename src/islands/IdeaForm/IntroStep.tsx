/**
 * One short screen before the form: what prevention is, who reads the
 * ideas, what can change and when answers come. Shown once per tab; later
 * it folds into a "What happens to my idea?" disclosure above the form.
 */
import { useEffect, useRef } from 'react';
import type { IdeaFormMessages } from './messages.ts';

function IntroText({ m }: { m: IdeaFormMessages }) {
  return (
    <ul className="intro-points">
      <li>{m['ideaForm.intro.pillar']}</li>
      <li>{m['ideaForm.intro.who']}</li>
      <li>{m['ideaForm.intro.change']}</li>
      <li>{m['ideaForm.intro.when']}</li>
      <li>
        <strong>{m['ideaForm.intro.ideasNotStories']}</strong>
      </li>
    </ul>
  );
}

export function IntroStep({ messages: m, onStart }: { messages: IdeaFormMessages; onStart: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="idea-step intro-step" aria-labelledby="intro-title">
      <h2 id="intro-title" ref={heading} tabIndex={-1}>
        {m['ideaForm.intro.title']}
      </h2>
      <IntroText m={m} />
      <button type="button" className="button-primary" onClick={onStart}>
        {m['ideaForm.intro.start']}
      </button>
    </section>
  );
}

/** The intro again, folded, for students who have seen it in this tab. */
export function IntroReminder({ messages: m }: { messages: IdeaFormMessages }) {
  return (
    <details className="intro-reminder">
      <summary>{m['ideaForm.intro.again']}</summary>
      <IntroText m={m} />
    </details>
  );
}
