/**
 * Receipt codes: the only link between a student and their idea. Made on
 * the device so a student who is offline still leaves with one; the
 * database keeps only a SHA-256 of the normalised code.
 */

export const RECEIPT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_CODE_LENGTH = 10;

const RECEIPT_CODE = /^[2-9A-HJKMNP-Z]{10}$/;
// 31 × 8 = 248: bytes at or above it are thrown away so that `byte % 31`
// gives every symbol exactly the same chance (no modulo bias).
const ACCEPT_BELOW = 256 - (256 % RECEIPT_CODE_ALPHABET.length);

/** Fills a byte array with random values; Web Crypto's by default, replaceable in tests. */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => unknown;

const webCrypto: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

/**
 * A new receipt code, normalised (10 characters, no dash). About 49.5 bits
 * of randomness from `crypto.getRandomValues`, by rejection sampling.
 *
 * @example
 * formatReceiptCode(generateReceiptCode()); // e.g. 'K7M9P-Q2RXT'
 */
export function generateReceiptCode(randomBytes: RandomBytes = webCrypto): string {
  let code = '';
  const buffer = new Uint8Array(16);
  while (code.length < RECEIPT_CODE_LENGTH) {
    randomBytes(buffer);
    for (const byte of buffer) {
      if (byte >= ACCEPT_BELOW) continue;
      code += RECEIPT_CODE_ALPHABET[byte % RECEIPT_CODE_ALPHABET.length];
      if (code.length === RECEIPT_CODE_LENGTH) break;
    }
  }
  return code;
}

/**
 * Uppercases and removes whitespace and dashes, as typed or pasted by a
 * student. Does not check the result; see {@link isReceiptCode}.
 *
 * @example
 * normalizeReceiptCode(' k7m9p - q2rxt '); // 'K7M9PQ2RXT'
 */
export function normalizeReceiptCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-\u2010-\u2015]/g, '');
}

/** True when `value` is a normalised receipt code (10 symbols of the alphabet). */
export function isReceiptCode(value: unknown): value is string {
  return typeof value === 'string' && RECEIPT_CODE.test(value);
}

/**
 * The display form `XXXXX-XXXXX`, easier to read aloud and copy by hand.
 *
 * @example
 * formatReceiptCode('k7m9pq2rxt'); // 'K7M9P-Q2RXT'
 */
export function formatReceiptCode(code: string): string {
  const normalised = normalizeReceiptCode(code);
  if (!isReceiptCode(normalised)) throw new RangeError('Not a receipt code');
  return `${normalised.slice(0, 5)}-${normalised.slice(5)}`;
}
