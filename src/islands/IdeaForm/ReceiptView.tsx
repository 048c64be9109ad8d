/**
 * Step 4: the receipt code, big and copyable, with a print option and a QR
 * code of the track page to take home, one sentence on what happens next,
 * and the same help panel for everyone. The code lives only in this
 * screen's memory: "Share another idea" wipes it. The QR code holds only
 * the track page's address, never the receipt code (codes never go in
 * URLs), and its encoder loads only when asked for, outside the page's
 * JavaScript budget.
 */
import { useEffect, useRef, useState, type ComponentType } from 'react';
import { formatReceiptCode } from '../../lib/receiptCode.ts';
import { HelpPanel } from './HelpPanel.tsx';
import type { Receipt } from './IdeaFields.tsx';
import type { IdeaFormMessages } from './messages.ts';

interface Props {
  messages: IdeaFormMessages;
  receipt: Receipt;
  trackPath: string;
  helpPath: string;
  onAnother: () => void;
}

export function ReceiptView({ messages: m, receipt, trackPath, helpPath, onAnother }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState(false);
  const [qr, setQr] = useState<ComponentType<{ value: string; label: string; className?: string }> | 'failed'>();
  const code = formatReceiptCode(receipt.code);
  const trackUrl = new URL(trackPath, window.location.href).href;
  const qrFigure = useRef<HTMLElement>(null);
  const Qr = qr === 'failed' ? undefined : qr;

  // The button that asked for it is gone; keyboard focus moves to what it showed.
  useEffect(() => {
    if (Qr) qrFigure.current?.focus();
  }, [Qr]);

  async function showQr() {
    try {
      const { QrCode } = await import('../Teacher/QrCode.tsx');
      setQr(() => QrCode);
    } catch {
      // Offline and never loaded: the printed address and the link still work.
      setQr('failed');
    }
  }

  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // No clipboard (plain http, old browser): select the code so a long press copies it.
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
  }

  return (
    <section className="idea-step receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" ref={heading} tabIndex={-1}>
        {receipt.queued ? m['ideaForm.receipt.queuedTitle'] : m['ideaForm.receipt.title']}
      </h2>
      {receipt.queued && <p className="queued-note">{m['ideaForm.receipt.queued']}</p>}
      <p className="receipt-label" id="receipt-code-label">
        {m['ideaForm.receipt.codeLabel']}
      </p>
      <p className="receipt-code" ref={codeRef}>
        {code}
      </p>
      <p>{m['ideaForm.receipt.keep']}</p>
      <div className="actions no-print">
        <button type="button" className="button-secondary" onClick={() => void copy()}>
          {m['ideaForm.receipt.copy']}
        </button>
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {m['ideaForm.receipt.print']}
        </button>
        {qr === undefined && (
          <button type="button" className="button-secondary" onClick={() => void showQr()}>
            {m['ideaForm.receipt.qrShow']}
          </button>
        )}
      </div>
      {qr === 'failed' && <p className="no-print">{m['ideaForm.receipt.qrFailed']}</p>}
      {Qr && (
        <figure className="receipt-qr-figure" ref={qrFigure} tabIndex={-1}>
          <Qr value={trackUrl} label={m['ideaForm.receipt.qrLabel']} className="receipt-qr" />
          <figcaption>{m['ideaForm.receipt.qrHint']}</figcaption>
        </figure>
      )}
      <p className="visually-hidden" role="status">
        {copied ? m['ideaForm.receipt.copied'] : ''}
      </p>
      <p>{m['ideaForm.receipt.next']}</p>
      <p className="print-only">{trackUrl}</p>
      <p className="no-print">
        <a href={trackPath}>{m['ideaForm.receipt.track']}</a>
      </p>
      <div className="no-print">
        <HelpPanel messages={m} id="receipt-help" helpPath={helpPath} />
      </div>
      <div className="actions no-print">
        <button type="button" className="button-primary button-large" onClick={onAnother} aria-describedby="another-hint">
          {m['ideaForm.receipt.another']}
        </button>
        <p id="another-hint" className="field-hint">
          {m['ideaForm.receipt.anotherHint']}
        </p>
      </div>
    </section>
  );
}
