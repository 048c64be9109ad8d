/**
 * Spots phrases in which a student may be telling about their own
 * situation: trafficking and false job offers, documents taken, self-harm,
 * sexual abuse and secrecy, grooming, forced begging, a "lover-boy",
 * forced or early marriage, sextortion, violence at home, debt bondage, a
 * plain call for help. A match shows the help panel and keeps the idea from
 * ever being published; it never blocks sending.
 *
 * The rules live in safeguardingPatterns.ts, shared with the database's
 * private.detect_safeguarding; they run on folded text (lowercase, ë→e,
 * ç→c), which covers Albanian typed without diacritics, and list Gheg
 * forms (kom, detyrue, shpi, "m'ka", "s'ma", "nji") beside the standard ones.
 */
import type { Detection } from './detectPersonalData.ts';
import { foldAlbanian } from './normalizeAlbanian.ts';
import { safeguardingPatternsByKind, type SafeguardingKind } from './safeguardingPatterns.ts';

export { safeguardingKinds, type SafeguardingKind } from './safeguardingPatterns.ts';

const compiled = safeguardingPatternsByKind().map(([kind, source]) => [kind, new RegExp(source, 'g')] as const);

/**
 * Finds first-person safeguarding phrases in Albanian (with or without
 * diacritics, standard or Gheg) and English. Spans point into the
 * original text.
 *
 * @example
 * detectSafeguarding('Po më detyrojnë të punoj').found; // true
 * detectSafeguarding('Askush nuk duhet detyruar të punojë').found; // false
 */
export function detectSafeguarding(text: string): Detection<SafeguardingKind> {
  const { text: folded, sourceIndex } = foldAlbanian(text);
  const matches: Detection<SafeguardingKind>['matches'] = [];
  for (const [kind, pattern] of compiled) {
    for (const match of folded.matchAll(pattern)) {
      const start = sourceIndex[match.index] as number;
      const end = sourceIndex[match.index + match[0].length] as number;
      if (!matches.some((m) => start < m.end && m.start < end)) matches.push({ kind, start, end });
    }
  }
  matches.sort((a, b) => a.start - b.start);
  return { found: matches.length > 0, matches };
}

/**
 * Every field a child sends, checked one by one so a phrase cannot run from
 * the end of one field into the next.
 *
 * @example
 * detectSafeguardingIn(['Posters at school', 'Më ndihmoni']); // true
 */
export function detectSafeguardingIn(fields: ReadonlyArray<string | undefined>): boolean {
  return fields.some((field) => field !== undefined && field !== '' && detectSafeguarding(field).found);
}
