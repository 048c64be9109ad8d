/**
 * The database reports flagged spans in code points (an emoji counts 1);
 * JavaScript strings index UTF-16 units. These helpers convert, merge with
 * the browser's own detector, and build the masks a moderator publishes with
 * (the published text is the original with masked spans, nothing else).
 */
import { detectPersonalData } from '../../lib/detectPersonalData.ts';
import { maskMarkers, type MaskReason } from '../../lib/maskReasons.ts';
import type { Mask, Span } from '../../lib/supabase/committeeApi.ts';

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

/** A word (or a detected personal-data span) the moderator can hide; UTF-16 offsets. */
export interface MaskUnit {
  start: number;
  end: number;
  text: string;
  /** Found by a detector as personal data: hidden from the start. */
  detected: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’.\-@][\p{L}\p{N}\p{M}]+)*/gu;

/**
 * The pieces of `text` a moderator can hide, in order: each detected
 * personal-data span whole (a phone number is one piece), and every other word.
 */
export function maskUnits(text: string, spans: Utf16Span[]): MaskUnit[] {
  const personal = spans.filter((s) => s.group === 'personal');
  const units: MaskUnit[] = personal.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end), detected: true }));
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!personal.some((s) => start < s.end && end > s.start)) units.push({ start, end, text: match[0], detected: false });
  }
  return units.sort((a, b) => a.start - b.start);
}

export interface UnitMask {
  start: number;
  end: number;
  reason: MaskReason;
}

/**
 * The hidden units as masks (UTF-16 offsets): neighbours with the same reason
 * and only spaces between them become one mask, so a full name reads as one
 * "[hequr]" rather than two.
 */
export function unitMasks(text: string, units: MaskUnit[], hidden: ReadonlyMap<number, MaskReason>): UnitMask[] {
  const masks: UnitMask[] = [];
  units.forEach((unit, index) => {
    const reason = hidden.get(index);
    if (!reason) return;
    const last = masks.at(-1);
    if (last && last.reason === reason && /^\s*$/u.test(text.slice(last.end, unit.start)) && hidden.get(index - 1) === reason) {
      last.end = unit.end;
    } else {
      masks.push({ start: unit.start, end: unit.end, reason });
    }
  });
  return masks;
}

/** What will be published: `text` with each mask replaced by the marker of the idea's language. */
export function maskedText(text: string, masks: UnitMask[], locale: keyof typeof maskMarkers): string {
  let result = '';
  let at = 0;
  for (const mask of masks) {
    result += text.slice(at, mask.start) + maskMarkers[locale];
    at = mask.end;
  }
  return result + text.slice(at);
}

/** `masks` with code-point offsets, as approve_idea counts them. */
export function toCodePoints(text: string, masks: UnitMask[]): Mask[] {
  const at = (utf16: number) => [...text.slice(0, utf16)].length;
  return masks.map((mask) => ({ start: at(mask.start), end: at(mask.end), reason: mask.reason }));
}
