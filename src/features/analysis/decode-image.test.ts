import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeImage, resizeOptions, type MakeContext } from './decode-image';
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

/** The start of a baseline JPEG stored width × height, with (by default) no end marker: all a test needs. */
function jpegHeader(width: number, height: number, ...end: number[]): Blob {
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Blob([new Uint8Array([0xff, 0xd8, ...sof, ...new Array(15).fill(0), ...end])]);
}

type Size = { width: number; height: number };

/** A stand-in for the browser's decoder: a bitmap of the given size, or a failure, or either per blob. */
function fakeDecoder(result: Size | Error | ((blob: Blob) => Promise<Size>)) {
  const close = vi.fn();
  vi.stubGlobal(
    'createImageBitmap',
    vi.fn(async (blob: Blob) => {
      if (result instanceof Error) throw result;
      return { ...(typeof result === 'function' ? await result(blob) : result), close };
    }),
  );
  return close;
}

/** A canvas whose pixels all read `value` (alpha included), recording what was drawn and at what size. */
function fakeCanvas(value = 255) {
  const sizes: Size[] = [];
  const draws: unknown[][] = [];
  const make: MakeContext = (width, height) => {
    sizes.push({ width, height });
    return {
      drawImage: (...args: unknown[]) => draws.push(args),
      getImageData: (_x: number, _y: number, w: number, h: number) => ({
        data: new Uint8ClampedArray(w * h * 4).fill(value),
      }),
    } as unknown as CanvasRenderingContext2D;
  };
  return { make, sizes, draws };
}

const context = fakeCanvas().make;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

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

  it('refuses a decompression bomb from its header, before decoding', async () => {
    fakeDecoder(new Error('must not be called'));
    for (const bomb of [pngHeader(50_000, 50_000), pngHeader(40_000, 100), jpegHeader(20_000, 15_000)]) {
      expect(await decodeImage(bomb, context)).toMatchObject({ ok: false, problem: 'too-large' });
    }
    expect(globalThis.createImageBitmap).not.toHaveBeenCalled();
  });

  it('opens a 48 MP phone photo, asking the browser to scale it down while decoding', async () => {
    // Chromium honours the resize: the bitmap is already small when it comes back.
    fakeDecoder({ width: 4096, height: 3072 });
    const canvas = fakeCanvas();
    const outcome = await decodeImage(jpegHeader(8000, 6000, 0xff, 0xd9), canvas.make);
    expect(globalThis.createImageBitmap).toHaveBeenCalledWith(
      expect.any(Blob),
      expect.objectContaining({ resizeHeight: 3072, resizeQuality: 'high', imageOrientation: 'from-image' }),
    );
    expect(outcome).toMatchObject({ ok: true, value: { width: 4096, height: 3072 } });
    expect(canvas.sizes).toEqual([{ width: 4096, height: 3072 }]);
  });

  it('scales the pixels down itself when the engine ignored the resize (or the header had no size)', async () => {
    fakeDecoder({ width: 16_320, height: 12_240 });
    const canvas = fakeCanvas();
    const outcome = await decodeImage(pngHeader(16_320, 12_240), canvas.make);
    expect(outcome).toMatchObject({ ok: true, value: { width: 4096, height: 3072 } });
    // The full-size bitmap only ever meets a canvas of the bounded size.
    expect(canvas.sizes).toEqual([{ width: 4096, height: 3072 }]);
    expect(canvas.draws[0]?.slice(1)).toEqual([0, 0, 4096, 3072]);
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

  it('refuses a mostly see-through image (a cut-out, a graphic) instead of letting it read as a dark photo', async () => {
    fakeDecoder({ width: 64, height: 48 });
    expect(await decodeImage(pngHeader(64, 48), fakeCanvas(0).make)).toMatchObject({
      ok: false,
      problem: 'see-through',
    });
    expect(describeProblem('see-through')).toMatch(/see-through/);
  });

  it('has a plain-language message for every problem', () => {
    expect(describeProblem('too-large')).not.toMatch(/40 megapixels/);
    for (const problem of [
      'empty-file',
      'not-an-image',
      'too-large',
      'see-through',
      'decode-failed',
    ] as const) {
      expect(describeProblem(problem)).toMatch(/^[A-Z].*\.$/);
      expect(describeProblem(problem)).not.toMatch(/error|exception|undefined/i);
    }
  });
});

describe('resizeOptions', () => {
  it('asks for nothing when the photo already fits, or its size is unknown', () => {
    expect(resizeOptions({ width: 4032, height: 3024 })).toEqual({});
    expect(resizeOptions(null)).toEqual({});
  });

  it('names only the short side, so the browser keeps the shape of the picture as it turns it', () => {
    expect(resizeOptions({ width: 8064, height: 6048 })).toEqual({
      resizeHeight: 3072,
      resizeQuality: 'high',
    });
    expect(resizeOptions({ width: 6048, height: 8064 })).toEqual({
      resizeWidth: 3072,
      resizeQuality: 'high',
    });
  });
});

describe('a JPEG missing its end marker', () => {
  /** The page's <img>: shows the picture whatever the marker; pixels read `alpha` (255: shown, 0: missing). */
  function onThePage(alpha: number) {
    const decode = vi.fn(async () => undefined);
    vi.stubGlobal(
      'Image',
      class {
        src = '';
        naturalWidth = 632;
        naturalHeight = 387;
        decode = decode;
      },
    );
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    return { canvas: fakeCanvas(alpha), decode, created, revoked };
  }

  /** Like Chromium: createImageBitmap refuses a JPEG that does not end with FF D9. */
  const decoderWantingTheEnd = () =>
    fakeDecoder(async (blob) => {
      const tail = new Uint8Array(await blob.slice(-2).arrayBuffer());
      if (tail[0] !== 0xff || tail[1] !== 0xd9) throw new DOMException('could not be decoded');
      return { width: 632, height: 387 };
    });

  it('is opened on the page, with the marker given back, when the <img> shows all of it', async () => {
    decoderWantingTheEnd();
    const page = onThePage(255);
    const file = jpegHeader(632, 387);
    const outcome = await decodeImage(file, page.canvas.make);
    expect(outcome).toMatchObject({ ok: true, value: { width: 632, height: 387 } });
    const lastCall = vi.mocked(globalThis.createImageBitmap).mock.lastCall;
    expect((lastCall?.[0] as Blob).size).toBe(file.size + 2);
    expect(page.revoked).toHaveBeenCalledWith('blob:fake');
  });

  it('is still "damaged" when the <img> shows a band missing (a cut-off file)', async () => {
    decoderWantingTheEnd();
    const page = onThePage(0);
    expect(await decodeImage(jpegHeader(632, 387), page.canvas.make)).toMatchObject({
      ok: false,
      problem: 'decode-failed',
    });
    expect(page.revoked).toHaveBeenCalledWith('blob:fake');
  });

  it('is still "damaged" when the <img> cannot decode it either', async () => {
    decoderWantingTheEnd();
    const page = onThePage(255);
    page.decode.mockRejectedValue(new DOMException('The source image cannot be decoded.', 'EncodingError'));
    expect(await decodeImage(jpegHeader(632, 387), page.canvas.make)).toMatchObject({
      ok: false,
      problem: 'decode-failed',
    });
    expect(page.revoked).toHaveBeenCalledWith('blob:fake');
  });

  it('is left to the page where there is no Image (the worker)', async () => {
    decoderWantingTheEnd();
    const created = vi.spyOn(URL, 'createObjectURL');
    expect(await decodeImage(jpegHeader(632, 387), context)).toMatchObject({
      ok: false,
      problem: 'decode-failed',
    });
    expect(created).not.toHaveBeenCalled();
  });

  it('is not the trouble when the file does end with the marker', async () => {
    fakeDecoder(new DOMException('could not be decoded'));
    const page = onThePage(255);
    expect(await decodeImage(jpegHeader(632, 387, 0xff, 0xd9), page.canvas.make)).toMatchObject({
      ok: false,
      problem: 'decode-failed',
    });
    expect(page.created).not.toHaveBeenCalled();
  });
});
