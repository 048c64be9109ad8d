/**
 * Who to call, and that the student is not in trouble. Shown at once when
 * the safeguarding detector matches, and on every receipt screen so that a
 * child whose words matched is never singled out on a shared screen.
 */
import { helplines } from '../../lib/helplines.ts';
import type { HelpPanelMessages } from './messages.ts';

interface Props {
  messages: HelpPanelMessages;
  id: string;
  helpPath: string;
  /** The extra line under the form: the idea can still be sent, and will not be published. */
  whileWriting?: boolean;
}

export function HelpPanel({ messages: m, id, helpPath, whileWriting = false }: Props) {
  return (
    <section className="help-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{m['helpPanel.title']}</h3>
      <p>
        <strong>{m['helpPanel.notInTrouble']}</strong> {m['helpPanel.text']}
      </p>
      <ul className="help-panel-lines">
        {helplines.map((line) => (
          <li key={line.dial}>
            <a href={`tel:${line.dial}`}>{line.display}</a>{' '}
            <span>{m[line.labelKey as keyof HelpPanelMessages] ?? ''}</span>
          </li>
        ))}
      </ul>
      <p>{m['helpPanel.adults']}</p>
      {whileWriting && <p>{m['helpPanel.stillSent']}</p>}
      <p>
        <a href={helpPath}>{m['help.more']}</a>
      </p>
    </section>
  );
}
