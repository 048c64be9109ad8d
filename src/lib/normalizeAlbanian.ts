/**
 * Folding Albanian text for matching: lowercase, diacritics stripped
 * (ë→e, ç→c, and any other combining mark), typographic apostrophes made
 * plain. Students on phones and shared tablets often type without ë and ç,
 * so detectors compare folded text with folded patterns.
 */

// Combining marks (U+0300–U+036F) appear when a keyboard or paste gives
// decomposed text (e + U+0308 instead of ë).
const COMBINING_MARK = /[\u0300-\u036f]/;
// ’ ‘ ` ´ ʼ all stand for the apostrophe in "s’më", "m’i", "n’shpi".
const APOSTROPHES = /[\u2018\u2019\u0060\u00b4\u02bc]/;

/**
 * The folded text and, for each of its characters, the index of the
 * character it came from in the original, so a match found in the folded
 * text can be highlighted in the original.
 */
export interface FoldedText {
  text: string;
  /** `sourceIndex[i]` is the original index of folded character `i`; one extra entry maps the end. */
  sourceIndex: number[];
}

/**
 * Folds `input` and keeps a map back to the original positions.
 *
 * @example
 * const { text, sourceIndex } = foldAlbanian('Më morën');
 * text; // 'me moren'
 */
export function foldAlbanian(input: string): FoldedText {
  let text = '';
  const sourceIndex: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const char = input[i] as string;
    if (COMBINING_MARK.test(char)) continue;
    let folded = APOSTROPHES.test(char) ? "'" : char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    folded = folded.toLowerCase();
    // A few characters change length when lowercased (İ → i̇); keep the map 1:1.
    if (folded.length !== 1) folded = folded.charAt(0) || char;
    text += folded;
    sourceIndex.push(i);
  }
  sourceIndex.push(input.length);
  return { text, sourceIndex };
}

/**
 * Lowercases and strips diacritics (ë→e, ç→c).
 *
 * @example
 * normalizeAlbanian('Kukës, Çorovodë'); // 'kukes, corovode'
 */
export function normalizeAlbanian(input: string): string {
  return foldAlbanian(input).text;
}
