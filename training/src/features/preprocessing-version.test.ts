import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePath, preprocessingVersion } from './preprocessing-version';

describe('preprocessingVersion', () => {
  it('covers every module and codec between a file and its pixels, not only decode-*.ts', () => {
    const { files, packages } = decodePath();
    expect(files.map((f) => basename(f))).toEqual(
      expect.arrayContaining([
        'load-image.ts',
        'decode-image.ts',
        'decode-bmp.ts',
        'decode-jpeg.ts',
        'decode-png.ts',
        'decode-webp.ts',
        // decodeJpeg turns the photo upright: an edit here moves pixels without touching a decode-*.ts file.
        'exif-orientation.ts',
      ]),
    );
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
    expect(packages).toEqual(['@jsquash/jpeg', '@jsquash/webp', 'pngjs']);
  });

  it('depends on the input spec', () => {
    const input = { size: 224, mean: 128, std: 128, range: [-1, 1] as [number, number] };
    expect(preprocessingVersion(input)).toMatch(/^[0-9a-f]{16}$/);
    expect(preprocessingVersion({ ...input, size: 192 })).not.toBe(preprocessingVersion(input));
  });
});
