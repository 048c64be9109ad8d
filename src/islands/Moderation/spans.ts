/**
 * The database reports flagged spans in code points (an emoji counts 1);
 * JavaScript strings index UTF-16 units. These helpers convert, merge with
 * the browser's own detector, and mask personal data for the public text.
 */
import { detectPersonalData } from '../../lib/detectPersonalData.ts';
import type { Span } from '../../lib/supabase/committeeApi.ts';

export interface Utf16Span {
  kind: string;
  start: number;
  end: number;
  group: 'personal' | 'safeguarding';
}

/** `spans` (code-point offsets) as UTF-16 offsets into `text`. */
export function toUtf16(text: string, spans: Span[], group: Utf16Span['group']): Utf16Span[] {
  const offsets: number[] = [0];
  for (const char of text) offsets.push((offsets.at(-1) as number) + char.length);
  const at = (codePoint: number) => offsets[Math.min(Math.max(codePoint, 0), offsets.length - 1)] as number;
  return spans.map((span) => ({ kind: span.kind, start: at(span.start), end: at(span.end), group }));
}

/** Database spans of both detectors plus what the browser's detector finds, sorted, overlaps dropped. */
export function flaggedSpans(text: string, details: { personalData: Span[]; safeguarding: Span[] }): Utf16Span[] {
  const all = [
    ...toUtf16(text, details.safeguarding ?? [], 'safeguarding'),
    ...toUtf16(text, details.personalData ?? [], 'personal'),
    ...detectPersonalData(text).matches.map((m) => ({ kind: m.kind, start: m.start, end: m.end, group: 'personal' as const })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Utf16Span[] = [];
  for (const span of all) if (!kept.some((k) => span.start < k.end && span.end > k.start)) kept.push(span);
  return kept;
}

/** Splits `text` into plain and flagged pieces, for highlighting. */
export function segments(text: string, spans: Utf16Span[]): Array<{ text: string; span?: Utf16Span }> {
  const pieces: Array<{ text: string; span?: Utf16Span }> = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start) });
    pieces.push({ text: text.slice(span.start, span.end), span });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

export const MASK = '[…]';

/** `text` with every personal-data span replaced by […]: the prefilled public text. */
export function maskPersonalData(text: string, spans: Utf16Span[]): string {
  let masked = text;
  for (const span of [...spans].filter((s) => s.group === 'personal').sort((a, b) => b.start - a.start)) {
    masked = masked.slice(0, span.start) + MASK + masked.slice(span.end);
  }
  return masked;
}
