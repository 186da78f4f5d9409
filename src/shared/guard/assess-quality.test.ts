import { describe, expect, it } from 'vitest';
import { assessQuality } from './assess-quality';

const SIZE = 224;

/** Deterministic pseudo-random numbers, so the synthetic photos are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A dermoscopy-like 224² picture: pink-beige skin with fine texture and sensor noise, and a brown mole with a
 * darker, mottled centre — sharp, well exposed, warm. Each test breaks one property of it.
 */
function skinPhoto(): Float32Array {
  const rnd = random(42);
  const rgb = new Float32Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const r = Math.hypot(x - 112, y - 112);
      const texture = 10 * Math.sin(x * 0.9) * Math.sin(y * 1.1) + (rnd() - 0.5) * 14;
      const mole = r < 50 ? 1 : r < 56 ? (56 - r) / 6 : 0;
      const mottle = mole * (rnd() - 0.5) * 30;
      const skin = [215, 160, 140];
      const brown = [110, 65, 45];
      const i = (y * SIZE + x) * 3;
      for (let c = 0; c < 3; c++) rgb[i + c] = skin[c]! * (1 - mole) + brown[c]! * mole + texture + mottle;
    }
  }
  return rgb;
}

function map(rgb: Float32Array, f: (v: number, i: number) => number): Float32Array {
  return rgb.map((v, i) => Math.max(0, Math.min(255, f(v, i))));
}

/** Box blur of radius r, three passes per axis: a defocused photo. */
function blur(rgb: Float32Array, r: number): Float32Array {
  let a = Float32Array.from(rgb);
  for (let pass = 0; pass < 6; pass++) {
    const horizontal = pass % 2 === 0;
    const b = new Float32Array(a.length);
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++)
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let k = -r; k <= r; k++) {
            const xx = horizontal ? Math.min(SIZE - 1, Math.max(0, x + k)) : x;
            const yy = horizontal ? y : Math.min(SIZE - 1, Math.max(0, y + k));
            sum += a[(yy * SIZE + xx) * 3 + c]!;
          }
          b[(y * SIZE + x) * 3 + c] = sum / (2 * r + 1);
        }
    a = b;
  }
  return a;
}

describe('assessQuality', () => {
  it('accepts a sharp, well-exposed, skin-coloured close-up', () => {
    const result = assessQuality(skinPhoto(), SIZE);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('flags a photo taken in the dark as too dark', () => {
    const result = assessQuality(
      map(skinPhoto(), (v) => v * 0.12),
      SIZE,
    );
    expect(result.problems).toContain('too-dark');
    expect(result.ok).toBe(false);
  });

  it('flags blown-out highlights as overexposed', () => {
    const result = assessQuality(
      map(skinPhoto(), (v) => v * 2.2 + 60),
      SIZE,
    );
    expect(result.problems).toContain('overexposed');
  });

  it('flags a defocused photo as blurred, and only that', () => {
    const result = assessQuality(blur(skinPhoto(), 3), SIZE);
    expect(result.problems).toEqual(['blurred']);
  });

  it('flags a flat, featureless frame of skin colour as low contrast', () => {
    const result = assessQuality(
      map(skinPhoto(), (_v, i) => [205, 150, 125][i % 3]!),
      SIZE,
    );
    expect(result.problems).toContain('low-contrast');
    expect(result.problems).not.toContain('too-dark');
  });

  it('flags a green or a grey picture as not skin', () => {
    const green = map(skinPhoto(), (v, i) => (i % 3 === 1 ? v : v * 0.35));
    expect(assessQuality(green, SIZE).problems).toContain('not-skin');
    const grey = skinPhoto();
    for (let i = 0; i < grey.length; i += 3) {
      const y = 0.299 * grey[i]! + 0.587 * grey[i + 1]! + 0.114 * grey[i + 2]!;
      grey[i] = grey[i + 1] = grey[i + 2] = y;
    }
    expect(assessQuality(grey, SIZE).problems).toContain('not-skin');
  });

  it('rejects input of the wrong length', () => {
    expect(() => assessQuality(new Float32Array(10), SIZE)).toThrow(RangeError);
  });
});
