import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff-format';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffFormat', () => {
  it('accepts the formats the training decoders read', () => {
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ format: 'jpeg' });
    expect(sniffFormat(bytes([0x89], 'PNG', [13, 10, 26, 10]))).toEqual({ format: 'png' });
  });

  it('refuses other images with a reason', () => {
    expect(sniffFormat(new Uint8Array(0))).toEqual({ format: null, reason: 'empty file' });
    expect(sniffFormat(bytes('GIF87a', [1, 0, 1, 0]))).toEqual({
      format: null,
      reason: 'GIF images are not supported',
    });
    expect(sniffFormat(bytes('II*\0'))).toEqual({ format: null, reason: 'TIFF images are not supported' });
    expect(sniffFormat(bytes([0, 0, 0, 24], 'ftypavif'))).toEqual({
      format: null,
      reason: 'HEIC/AVIF images are not supported',
    });
    expect(sniffFormat(bytes('plain text'))).toEqual({
      format: null,
      reason: 'not an image (unrecognised file signature)',
    });
  });
});
