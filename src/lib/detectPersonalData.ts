/**
 * Spots what looks like personal data in a student's idea (e-mail, phone
 * number, a full name, a social-media handle, an Albanian personal ID
 * number) so the form can ask, kindly, to remove it before sending. The
 * server flags the same things again; this is a help, not a guarantee.
 */
import { commonFirstNames } from './commonFirstNames.ts';
import { normalizeAlbanian } from './normalizeAlbanian.ts';

export type PersonalDataKind = 'email' | 'phone' | 'name' | 'handle' | 'idNumber';

export interface Detection<Kind extends string> {
  found: boolean;
  /** Spans of the original text (UTF-16 indices, `end` exclusive), in order. */
  matches: Array<{ kind: Kind; start: number; end: number }>;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const HANDLE = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,29}[\p{L}\p{N}_])?/gu;
// Albanian personal number (numri personal): letter, 8 digits, letter.
const ID_NUMBER = /(?<![\p{L}\p{N}])[A-Z]\d{8}[A-Z](?![\p{L}\p{N}])/gu;
// Groups of digits joined by single spaces, dots or dashes, optionally
// after '+'. Separators are mandatory between groups so the pattern cannot
// backtrack badly on long digit runs.
const NUMBER_RUN = /(?<![\p{L}\p{N}+])(\+\s?)?\d+(?:[ \u00a0.\-]\d+)*/gu;
const DATE = /^(?:\d{1,2}[.\- ]\d{1,2}[.\- ]\d{2,4}|\d{4}[.\-]\d{1,2}[.\-]\d{1,2})$/;
// Helplines the site itself shows: a child writing them is not sharing personal data.
const HELPLINES = new Set(['116111', '116006', '112', '129', '127', '128', '125']);

type Span = { start: number; end: number };

function phoneSpan(run: string, offset: number): Span | undefined {
  if (DATE.test(run)) return undefined;
  const digitIndexes: number[] = [];
  for (let i = 0; i < run.length; i++) if (/\d/.test(run[i] as string)) digitIndexes.push(i);
  const digits = digitIndexes.map((i) => run[i]).join('');
  if (HELPLINES.has(digits)) return undefined;
  const upToDigit = (count: number) => ({ start: offset, end: offset + (digitIndexes[count - 1] as number) + 1 });
  const whole = { start: offset, end: offset + run.length };

  if (run.startsWith('+')) return digits.length >= 8 ? whole : undefined;
  if (digits.startsWith('00')) return digits.length >= 10 ? whole : undefined;
  // Mobiles: 066–069 and 7 digits; trailing numbers ("… 4567 2 herë") stay out of the span.
  if (/^06[6-9]/.test(digits)) return digits.length >= 10 ? upToDigit(10) : undefined;
  if (/^6[6-9]/.test(digits)) return digits.length === 9 ? whole : undefined;
  // Landlines: area code 02x–08x (Tirana 04) and 9–10 digits in all.
  if (/^0[2-8]/.test(digits)) return digits.length === 9 || digits.length === 10 ? whole : undefined;
  return undefined;
}

interface Word {
  text: string;
  folded: string;
  start: number;
  end: number;
  capitalised: boolean;
}

const WORD = /\p{L}+/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
// Capitalised words that follow a first name without being a surname.
const NOT_SURNAMES = new Set(
  ('shqiperi shqiperia shqiperise kosove kosova itali italia italy gjermani gjermania germany angli anglia ' +
    'england britani greqi greqia greece europe evrope evropa amerike america tirane tirana kukes kukesi ' +
    'shkoder shkodra lezhe lezha durres durresi elbasan elbasani fier fieri vlore vlora berat berati korce ' +
    'korca diber dibra gjirokaster gjirokastra london une ne ju ata dhe and the').split(' '),
);
// Phrases introducing one's own name. Strong ones make any capitalised
// word that follows a name; weak ones ("jam", "I am") need a known first
// name, because "I am Albanian" and "Jam Shqiptar" are not names.
const STRONG_INTROS = [
  ['emri', 'im', 'eshte'],
  ['emri', 'im', 'osht'],
  ['emri', 'im', 'asht'],
  ['emri', 'im'],
  ['quhem'],
  ['me', 'quajne'],
  ['my', 'name', 'is'],
  ['my', 'name', 's'],
  ['i', 'am', 'called'],
];
const WEAK_INTROS = [['une', 'jam'], ['jam'], ['i', 'am'], ['i', 'm']];

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    text: match[0],
    folded: normalizeAlbanian(match[0]),
    start: match.index,
    end: match.index + match[0].length,
    capitalised: CAPITALISED.test(match[0]),
  }));
}

function nameSpans(text: string): Span[] {
  const list = words(text);
  const spans: Span[] = [];
  const joinedBySpace = (a: Word, b: Word) => /^[ \u00a0]+$/.test(text.slice(a.end, b.start));
  const isFirstName = (w: Word) => commonFirstNames.has(w.folded);
  const isSurname = (w: Word) => w.capitalised && !NOT_SURNAMES.has(w.folded);
  const startsWith = (i: number, phrase: string[]) =>
    phrase.every((part, k) => list[i + k]?.folded === part);

  // Extends a name from word `i` over up to two more capitalised words.
  const nameFrom = (i: number): { span: Span; next: number } => {
    const first = list[i] as Word;
    let last = first;
    let j = i + 1;
    while (j < i + 3 && list[j] && joinedBySpace(last, list[j] as Word) && isSurname(list[j] as Word)) {
      last = list[j] as Word;
      j++;
    }
    return { span: { start: first.start, end: last.end }, next: j };
  };

  for (let i = 0; i < list.length; ) {
    const strong = STRONG_INTROS.find((phrase) => startsWith(i, phrase));
    const weak = strong ? undefined : WEAK_INTROS.find((phrase) => startsWith(i, phrase));
    const intro = strong ?? weak;
    if (intro) {
      const candidate = list[i + intro.length];
      const gap = candidate ? text.slice((list[i + intro.length - 1] as Word).end, candidate.start) : '';
      const accepted =
        candidate &&
        /^[\s:,\-]+$/.test(gap) &&
        (isFirstName(candidate) || (strong !== undefined && isSurname(candidate)));
      if (accepted) {
        const { span, next } = nameFrom(i + intro.length);
        spans.push(span);
        i = next;
        continue;
      }
    }
    const word = list[i] as Word;
    const following = list[i + 1];
    if (word.capitalised && isFirstName(word) && following && joinedBySpace(word, following) && isSurname(following)) {
      const { span, next } = nameFrom(i);
      spans.push(span);
      i = next;
      continue;
    }
    i++;
  }
  return spans;
}

/**
 * Finds e-mail addresses, phone numbers (Albanian mobiles and landlines,
 * +355/00355 and other international numbers), full names, @handles and
 * personal ID numbers. Years, prices, ages, dates, percentages, short
 * numbers and the helplines 116 111, 116 006, 112 and 129 are left alone.
 *
 * @example
 * detectPersonalData('Më shkruani: arta@gmail.com');
 * // { found: true, matches: [{ kind: 'email', start: 13, end: 27 }] }
 */
export function detectPersonalData(text: string): Detection<PersonalDataKind> {
  const matches: Detection<PersonalDataKind>['matches'] = [];
  const overlaps = (span: Span) => matches.some((m) => span.start < m.end && m.start < span.end);
  const add = (kind: PersonalDataKind, span: Span | undefined) => {
    if (span && !overlaps(span)) matches.push({ kind, ...span });
  };

  for (const m of text.matchAll(EMAIL)) add('email', { start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(HANDLE)) add('handle', { start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(ID_NUMBER)) add('idNumber', { start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(NUMBER_RUN)) add('phone', phoneSpan(m[0], m.index));
  for (const span of nameSpans(text)) add('name', span);

  matches.sort((a, b) => a.start - b.start);
  return { found: matches.length > 0, matches };
}
