import { describe, expect, it } from 'vitest';
import {
  RECEIPT_CODE_ALPHABET,
  RECEIPT_CODE_LENGTH,
  formatReceiptCode,
  generateReceiptCode,
  isReceiptCode,
  normalizeReceiptCode,
} from '../../src/lib/receiptCode.ts';

/** Pearson's chi-square of symbol counts against a uniform distribution. */
function chiSquare(codes: string[]): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const code of codes)
    for (const char of code) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
      total++;
    }
  const expected = total / RECEIPT_CODE_ALPHABET.length;
  let sum = 0;
  for (const char of RECEIPT_CODE_ALPHABET) sum += ((counts.get(char) ?? 0) - expected) ** 2 / expected;
  return sum;
}

// 30 degrees of freedom: P(χ² > 59.7) = 0.001, so a fair generator fails
// this about once in a thousand runs; a modulo-biased one always does.
const CHI_SQUARE_LIMIT = 59.7;

describe('generateReceiptCode', () => {
  it('gives 10 symbols of the alphabet', () => {
    for (let i = 0; i < 1000; i++) {
      const code = generateReceiptCode();
      expect(code).toHaveLength(RECEIPT_CODE_LENGTH);
      expect(isReceiptCode(code)).toBe(true);
    }
  });

  it('has a 31-symbol alphabet without 0, 1, I, L or O', () => {
    expect(RECEIPT_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(RECEIPT_CODE_ALPHABET).size).toBe(31);
    expect(RECEIPT_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('gives 10 000 different codes', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => generateReceiptCode()));
    expect(codes.size).toBe(10_000);
  });

  it('uses every symbol about equally often', () => {
    const codes = Array.from({ length: 50_000 }, () => generateReceiptCode());
    expect(chiSquare(codes)).toBeLessThan(CHI_SQUARE_LIMIT);
  });

  it('the uniformity check catches a modulo-biased generator', () => {
    // What the code would give without rejection sampling: byte % 31.
    const biased = Array.from({ length: 50_000 }, () =>
      Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => RECEIPT_CODE_ALPHABET[b % 31]).join(''),
    );
    expect(chiSquare(biased)).toBeGreaterThan(CHI_SQUARE_LIMIT);
  });

  it('throws away bytes of 248 and above instead of folding them', () => {
    const batches = [new Uint8Array(16).fill(255), new Uint8Array(16).fill(248), new Uint8Array(16).fill(247)];
    let call = 0;
    const code = generateReceiptCode((bytes) => bytes.set(batches[call++] as Uint8Array));
    // 247 % 31 = 30 → the last symbol; 248 and 255 would have given 0 and 7.
    expect(code).toBe('Z'.repeat(10));
    expect(call).toBe(3);
  });

  it('maps byte values to symbols in order', () => {
    const bytes = Uint8Array.from([0, 1, 2, 30, 31, 32, 61, 62, 216, 247, 0, 0, 0, 0, 0, 0]);
    expect(generateReceiptCode((buffer) => buffer.set(bytes))).toBe('234Z23Z2ZZ');
  });
});

describe('normalizeReceiptCode', () => {
  it.each([
    ['K7M9P-Q2RXT', 'K7M9PQ2RXT'],
    ['k7m9p-q2rxt', 'K7M9PQ2RXT'],
    [' K7M9P Q2RXT ', 'K7M9PQ2RXT'],
    ['K7M 9P-Q2 RXT', 'K7M9PQ2RXT'],
    ['K7M9P–Q2RXT', 'K7M9PQ2RXT'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeReceiptCode(input)).toBe(expected);
  });
});

describe('isReceiptCode', () => {
  it.each([
    ['K7M9PQ2RXT', true],
    ['K7M9PQ2RX', false],
    ['K7M9PQ2RXTT', false],
    ['K7M9P-Q2RXT', false],
    ['k7m9pq2rxt', false],
    ['K7M9PQ2RX0', false],
    ['K7M9PQ2RX1', false],
    ['K7M9PQ2RXO', false],
    ['K7M9PQ2RXI', false],
    ['K7M9PQ2RXL', false],
  ])('%s → %s', (value, expected) => {
    expect(isReceiptCode(value)).toBe(expected);
  });
});

describe('formatReceiptCode', () => {
  it('shows the code as two groups of five', () => {
    expect(formatReceiptCode('K7M9PQ2RXT')).toBe('K7M9P-Q2RXT');
  });

  it('accepts a code typed loosely', () => {
    expect(formatReceiptCode(' k7m9p q2rxt')).toBe('K7M9P-Q2RXT');
  });

  it('refuses something that is not a receipt code', () => {
    expect(() => formatReceiptCode('HELLO')).toThrow(RangeError);
  });

  it('round-trips with normalisation', () => {
    const code = generateReceiptCode();
    expect(normalizeReceiptCode(formatReceiptCode(code))).toBe(code);
  });
});
