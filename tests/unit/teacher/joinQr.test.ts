/**
 * The QR code on the projector carries the join link with the code: built
 * with joinUrl, drawn by QrCode's module matrix, read back by a real
 * decoder (jsQR) from pixels rendered here.
 */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../../src/islands/Teacher/QrCode.tsx';
import { joinUrl } from '../../../src/lib/sessionCode.ts';

/** Rasterises the SVG path of unit squares (`M x y h1v1h-1z`) at `scale` pixels per module. */
function render(value: string, scale = 6): { data: Uint8ClampedArray; width: number } {
  const { size, d } = qrPath(value);
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const i = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { data, width };
}

describe('join link and QR code', () => {
  it('builds the join link of the page locale with the normalised code', () => {
    expect(joinUrl('https://zeri.al', 'sq', 'kuk 234')).toBe('https://zeri.al/sq/ideas/?code=KUK234');
    expect(joinUrl('https://zeri.al/', 'en', 'k7l-m9p')).toBe('https://zeri.al/en/ideas/?code=K71M9P');
    expect(joinUrl('https://example.org/zeri/', 'sq', 'ABC123')).toBe('https://example.org/zeri/sq/ideas/?code=ABC123');
    expect(() => joinUrl('https://zeri.al', 'sq', 'ABC')).toThrow(RangeError);
  });

  it('encodes exactly the join link, readable by a QR decoder', () => {
    for (const url of [joinUrl('http://127.0.0.1:4321', 'sq', 'KUK234'), joinUrl('https://zeri.example.al', 'en', '7QZ9XY')]) {
      const { data, width } = render(url);
      expect(jsQR(data, width, width)?.data).toBe(url);
    }
  });

  it('keeps a quiet zone of four light modules on every side', () => {
    const { size, d } = qrPath(joinUrl('https://zeri.al', 'sq', 'KUK234'));
    const modules = [...d.matchAll(/M(\d+) (\d+)/g)].map(([, x, y]) => [Number(x), Number(y)] as const);
    expect(Math.min(...modules.flat())).toBe(4);
    expect(Math.max(...modules.flat())).toBe(size - 5);
  });
});
