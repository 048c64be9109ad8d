/**
 * Whether feedback to a child (or an answer to their question) reads easily:
 * sentences of at most 20 words and none of the office words committees
 * tend to use. The database applies the same rule when an idea is closed
 * (private.plain_language_problems); tests/db/60 keeps the two in step.
 */

/** Folded (lowercase, no ë/ç) words and phrases that a 12-year-old should not have to decode. */
export const plainLanguageJargon = [
  'ne perputhje me', 'konform', 'sipas nenit', 'kuadri ligjor', 'legjislacion', 'procedur',
  'implementim', 'mekanizm', 'institucional', 'referim', 'moderim', 'eskalim', 'vkm',
  'aplikueshm', 'relevant', 'subjekt',
  'pursuant', 'hereby', 'stakeholder', 'leverage', 'mechanism', 'implementation', 'framework',
  'moderation', 'escalat', 'in accordance with', 'aforementioned', 'notwithstanding', 'compliance', 'referral',
] as const;

export const PLAIN_LANGUAGE_MAX_WORDS = 20;

/** `long_sentence` or `jargon:<term>`. */
export type PlainLanguageProblem = 'long_sentence' | `jargon:${(typeof plainLanguageJargon)[number]}`;

// Same folding as private.fold_text: lowercase, ë→e, ç→c, Gheg â/ê, typographic apostrophes.
function fold(text: string): string {
  return text
    .replace(/[ëË]/g, 'e')
    .replace(/[çÇ]/g, 'c')
    .replace(/[âÂ]/g, 'a')
    .replace(/[êÊ]/g, 'e')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const jargonPatterns = plainLanguageJargon.map((term) => [term, new RegExp(`(^|[^a-z0-9])${escape(term)}`)] as const);

/**
 * The problems found in `text`, in the database's order; empty when it reads well.
 *
 * @example checkPlainLanguage('Faleminderit! Ideja jote u publikua.') // → []
 * @example checkPlainLanguage('Sipas nenit 5 ...') // → ['jargon:sipas nenit']
 */
export function checkPlainLanguage(text: string): PlainLanguageProblem[] {
  const folded = fold(text);
  const problems: PlainLanguageProblem[] = [];
  const long = folded
    .split(/[.!?;:]+/)
    .some((sentence) => sentence.trim() !== '' && sentence.trim().split(/\s+/).length > PLAIN_LANGUAGE_MAX_WORDS);
  if (long) problems.push('long_sentence');
  for (const [term, pattern] of jargonPatterns) if (pattern.test(folded)) problems.push(`jargon:${term}`);
  return problems;
}
