import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from './sniff-image-format';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImageFormat', () => {
  it('recognises image formats by their magic bytes', () => {
    expect(sniffImageFormat(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('jpeg');
    expect(sniffImageFormat(bytes([0x89], 'PNG', [13, 10, 26, 10]))).toBe('png');
    expect(sniffImageFormat(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(bytes('BM', new Array(20).fill(0)))).toBe('bmp');
    expect(sniffImageFormat(bytes('GIF89a', [1, 0, 1, 0]))).toBe('gif');
    expect(sniffImageFormat(bytes('II*\0', [8, 0, 0, 0]))).toBe('tiff');
    expect(sniffImageFormat(bytes('MM\0*', [0, 0, 0, 8]))).toBe('tiff');
    expect(sniffImageFormat(bytes([0, 0, 0, 24], 'ftypheic'))).toBe('heic');
    expect(sniffImageFormat(bytes([0, 0, 0, 24], 'ftypavif'))).toBe('avif');
  });

  it('rejects a text file renamed .jpg, an empty head and lookalike signatures', () => {
    expect(sniffImageFormat(bytes('hello, this is not a photo'))).toBeNull();
    expect(sniffImageFormat(new Uint8Array(0))).toBeNull();
    expect(sniffImageFormat(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    // A PNG needs its whole 8-byte signature; a truncated JPEG marker is not enough either.
    expect(sniffImageFormat(bytes([0x89], 'PNG', [13, 10, 0, 0]))).toBeNull();
    expect(sniffImageFormat(bytes([0xff, 0xd8]))).toBeNull();
  });
});
