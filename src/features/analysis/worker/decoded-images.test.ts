import { describe, expect, it } from 'vitest';
import { DecodedImages } from './decoded-images';

const image = (width: number) => ({ width, height: 1, data: new Uint8ClampedArray(width * 4) });

describe('DecodedImages', () => {
  it('keeps only the most recent images, oldest dropped first', () => {
    const images = new DecodedImages(2);
    const first = images.add(image(1));
    const second = images.add(image(2));
    const third = images.add(image(3));
    expect(images.get(first)).toBeUndefined();
    expect(images.get(second)?.width).toBe(2);
    expect(images.get(third)?.width).toBe(3);
    expect(new Set([first, second, third]).size).toBe(3);
  });
});
