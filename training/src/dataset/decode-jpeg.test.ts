import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPaths } from '../cli/repo-paths';
import { decodeJpeg } from './decode-jpeg';
import { UnreadableImageError } from './image-error';

const photo = resolve(defaultPaths.seedData, 'test/Dangerous/D100.jpg');

// The same decoder as Chromium is checked end to end by e2e/analyse-seed-image.spec.ts (app and Node probability).
describe.skipIf(!existsSync(photo))('decodeJpeg (needs ../shared seed images)', () => {
  const bytes = new Uint8Array(readFileSync(photo));

  it('decodes a seed photo to RGBA', async () => {
    const image = await decodeJpeg(bytes, { maxPixels: 1e8 });
    expect([image.width, image.height, image.data.length]).toEqual([632, 387, 632 * 387 * 4]);
    expect(image.data[3]).toBe(255);
  });

  it.each([
    ['cut at 60%', bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'Premature end of JPEG file'],
    ['without its end marker', bytes.subarray(0, bytes.length - 2), 'Premature end of JPEG file'],
    ['with zeros over part of its data', zeroed(bytes), 'Corrupt JPEG data'],
  ])('refuses a photo %s instead of filling it with grey', async (_, damaged, reason) => {
    const refusal = decodeJpeg(damaged, { maxPixels: 1e8 });
    await expect(refusal).rejects.toThrow(UnreadableImageError);
    await expect(refusal).rejects.toThrow(`corrupt or truncated JPEG (${reason}`);
  });

  it('keeps each decode’s libjpeg warnings apart when decodes overlap', async () => {
    const [good, cut] = await Promise.allSettled([
      decodeJpeg(bytes, { maxPixels: 1e8 }),
      decodeJpeg(bytes.subarray(0, Math.floor(bytes.length * 0.6)), { maxPixels: 1e8 }),
    ]);
    expect(good.status === 'fulfilled' && good.value.width).toBe(632);
    expect(cut.status).toBe('rejected');
  });

  it('refuses more pixels than allowed from the header, and still decodes the next photo', async () => {
    await expect(decodeJpeg(bytes, { maxPixels: 1000 })).rejects.toThrow('image too large (632×387, over ');
    expect((await decodeJpeg(bytes, { maxPixels: 1e8 })).width).toBe(632);
  });
});

function zeroed(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy.fill(0, 5000, 8000);
  return copy;
}
