import { describe, expect, it } from 'vitest';
import { sniffImageType } from './sniff-image-type';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImageType', () => {
  it('recognises the formats the app accepts by their magic bytes', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('jpeg');
    expect(sniffImageType(bytes([0x89], 'PNG', [13, 10, 26, 10]))).toBe('png');
    expect(sniffImageType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
    expect(sniffImageType(bytes('BM', new Array(20).fill(0)))).toBe('bmp');
    expect(sniffImageType(bytes([0, 0, 0, 24], 'ftypheic'))).toBe('heic');
  });

  it('rejects a text file renamed .jpg and an empty head', () => {
    expect(sniffImageType(bytes('hello, this is not a photo'))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
  });
});
