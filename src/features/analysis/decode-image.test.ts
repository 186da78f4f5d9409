import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeImage, type MakeContext } from './decode-image';
import { describeProblem } from './image-problem';

const blob = (...parts: (number[] | string)[]) =>
  new Blob(parts.map((p) => (typeof p === 'string' ? p : new Uint8Array(p))));

/** A minimal PNG header declaring width × height (no pixel data: only the header is read before decoding). */
function pngHeader(width: number, height: number): Blob {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return new Blob([bytes]);
}

/** A stand-in for the browser's decoder: a bitmap of the given size, or a failure. */
function fakeDecoder(result: { width: number; height: number } | Error) {
  const close = vi.fn();
  vi.stubGlobal(
    'createImageBitmap',
    vi.fn(async () => {
      if (result instanceof Error) throw result;
      return { ...result, close };
    }),
  );
  return close;
}

const context: MakeContext = (width, height) =>
  ({
    drawImage: () => undefined,
    getImageData: () => ({ data: new Uint8ClampedArray(width * height * 4) }),
  }) as unknown as CanvasRenderingContext2D;

afterEach(() => vi.unstubAllGlobals());

describe('decodeImage error mapping', () => {
  it('calls a zero-byte file empty', async () => {
    expect(await decodeImage(new Blob([]), context)).toMatchObject({ ok: false, problem: 'empty-file' });
  });

  it('calls a text file renamed .jpg "not an image" without trying to decode it', async () => {
    fakeDecoder({ width: 10, height: 10 });
    expect(await decodeImage(blob('Hello, I am a text file.'), context)).toMatchObject({
      ok: false,
      problem: 'not-an-image',
    });
    expect(globalThis.createImageBitmap).not.toHaveBeenCalled();
  });

  it('refuses an image over 40 megapixels from its header, before decoding', async () => {
    fakeDecoder(new Error('must not be called'));
    expect(await decodeImage(pngHeader(8000, 6000), context)).toMatchObject({
      ok: false,
      problem: 'too-large',
    });
  });

  it('calls a file the browser cannot decode damaged, and closes nothing it did not open', async () => {
    fakeDecoder(new DOMException('The source image could not be decoded.', 'InvalidStateError'));
    expect(await decodeImage(blob([0xff, 0xd8, 0xff, 0xe0], 'garbage'), context)).toMatchObject({
      ok: false,
      problem: 'decode-failed',
    });
  });

  it('says "unsupported format" for a HEIC photo the browser cannot open', async () => {
    fakeDecoder(new Error('no HEIC decoder'));
    const heic = blob([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]);
    expect(await decodeImage(heic, context)).toMatchObject({ ok: false, problem: 'unsupported-format' });
  });

  it('refuses tiny images and frees the decoded bitmap', async () => {
    const close = fakeDecoder({ width: 20, height: 20 });
    expect(await decodeImage(pngHeader(20, 20), context)).toMatchObject({ ok: false, problem: 'too-small' });
    expect(close).toHaveBeenCalled();
  });

  it('returns the pixels of a good image', async () => {
    fakeDecoder({ width: 64, height: 48 });
    const outcome = await decodeImage(pngHeader(64, 48), context);
    expect(outcome.ok && outcome.value.data.length).toBe(64 * 48 * 4);
  });

  it('has a plain-language message for every problem', () => {
    for (const problem of ['empty-file', 'not-an-image', 'too-large', 'decode-failed'] as const) {
      expect(describeProblem(problem)).toMatch(/^[A-Z].*\.$/);
      expect(describeProblem(problem)).not.toMatch(/error|exception|undefined/i);
    }
  });
});
