import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '../src/shared/preprocess/rgba-image';
import type { NaevusApp, Verdict } from './support/naevus-app';
import { generatedDir, photos } from './support/paths';
import { expect, test } from './support/test';

// Phone photos of 48 MP and more are analysed (scaled down while decoding), EXIF-turned ones upright; a JPEG
// missing only its end marker opens; cut-off files and decompression bombs still get their plain messages.

const dir = path.join(generatedDir, 'photo-size-and-damage');
const files = {
  mole: path.join(dir, 'mole-4x3.jpg'),
  phone48mp: path.join(dir, 'phone-8000x6000.jpg'),
  portrait: path.join(dir, 'portrait-small.jpg'),
  portrait48mp: path.join(dir, 'portrait-8064x6048-exif6.jpg'),
  noEnd: path.join(dir, 'mole-no-end-marker.jpg'),
  noEnd48mp: path.join(dir, 'phone-8000x6000-no-end-marker.jpg'),
  cutJpeg: path.join(dir, 'mole-first-40-percent.jpg'),
  halfPng: path.join(dir, 'mole-first-half.png'),
  seeThroughPng: path.join(dir, 'see-through-400.png'),
  bomb: path.join(dir, 'claims-50000x50000.jpg'),
};

/** Resizing a mole photo to phone resolution changes its pixels a little, never what the model makes of it. */
const tolerance = 0.05;

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  const source = decodeJpeg(readFileSync(photos.mole));
  // A 4:3 photo whose centre square is the source's centre square, at 48 MP.
  const landscape = centre(source, 4 / 3);
  writeFileSync(files.mole, encodeJpeg(landscape));
  const phone = encodeJpeg(resize(landscape, 8000, 6000));
  writeFileSync(files.phone48mp, phone);
  writeFileSync(files.noEnd48mp, withoutEndMarker(phone));
  // A portrait photo as phones store it: sensor pixels sideways, EXIF orientation 6 ("turn 90° clockwise").
  // Red above and blue below the centre square show which way up the app drew it.
  const portrait = markTopAndBottom(centre(source, 3 / 4));
  writeFileSync(files.portrait, encodeJpeg(portrait));
  writeFileSync(
    files.portrait48mp,
    withOrientation(encodeJpeg(turnAnticlockwise(resize(portrait, 6048, 8064))), 6),
  );

  const small = readFileSync(photos.mole);
  writeFileSync(files.noEnd, withoutEndMarker(small));
  writeFileSync(files.cutJpeg, small.subarray(0, Math.round(small.length * 0.4)));
  const png = new PNG({ width: source.width, height: source.height });
  png.data = Buffer.from(source.data);
  const pngFile = PNG.sync.write(png);
  writeFileSync(files.halfPng, pngFile.subarray(0, pngFile.length >> 1));
  // A cut-out sticker: fully transparent. Its pixels read as black, which used to earn "too dark" advice.
  writeFileSync(files.seeThroughPng, PNG.sync.write(new PNG({ width: 400, height: 400 })));
  writeFileSync(files.bomb, jpegClaiming(50_000, 50_000));
});

test('an 8000×6000 (48 MP) phone photo is analysed like the same photo at its own size', async ({ app }) => {
  await app.open();
  const expected = (await app.analyseFile(files.mole)).probability;
  const verdict = await analyseAccepted(app, files.phone48mp);
  note(`48 MP ${verdict.probability.toFixed(4)}, small ${expected.toFixed(4)}`);
  expect(Math.abs(verdict.probability - expected)).toBeLessThanOrEqual(tolerance);
});

test('a sideways-stored 48 MP portrait photo is shown upright and analysed like its small copy', async ({
  app,
}) => {
  await app.open();
  const expected = (await app.analyseFile(files.portrait)).probability;
  await chooseAccepted(app, files.portrait48mp);
  // The frame view draws the photo around the analysed square; red must be above it and blue below.
  const canvas = app.page.locator('.frame canvas');
  await expect.poll(() => pixelAt(canvas, 0.5, 0.03)).toEqual('red');
  expect(await pixelAt(canvas, 0.5, 0.97)).toEqual('blue');
  const verdict = await app.analyse();
  note(`48 MP portrait ${verdict.probability.toFixed(4)}, small ${expected.toFixed(4)}`);
  expect(Math.abs(verdict.probability - expected)).toBeLessThanOrEqual(tolerance);
});

test('a JPEG missing only its end marker is analysed exactly like the whole file', async ({ app }) => {
  await app.open();
  const whole = await app.analyseFile(photos.mole);
  const noEnd = await analyseAccepted(app, files.noEnd);
  expect(noEnd.probability).toBeCloseTo(whole.probability, 4);
  // The same, for a phone-sized photo: the repair and the scaling down work together.
  const phone = await analyseAccepted(app, files.noEnd48mp);
  note(
    `no end marker: ${noEnd.probability.toFixed(4)} (whole ${whole.probability.toFixed(4)}), 48 MP ${phone.probability.toFixed(4)}`,
  );
  expect(Math.abs(phone.probability - whole.probability)).toBeLessThanOrEqual(tolerance);
});

for (const [name, file] of [
  ['a JPEG cut off at 40%', files.cutJpeg],
  ['the first half of a PNG', files.halfPng],
] as const) {
  test(`${name} is still called damaged or incomplete`, async ({ app }) => {
    await app.open();
    expect(await app.chooseUnreadable(file)).toMatch(/damaged or incomplete/);
  });
}

test('a see-through image is refused as not a camera photo, not advised to find more light', async ({
  app,
}) => {
  await app.open();
  const message = await app.chooseUnreadable(files.seeThroughPng);
  expect(message).toMatch(/see-through/);
  expect(message).not.toMatch(/dark|light/i);
});

test('a header claiming 50000×50000 pixels is refused as too large', async ({ app }) => {
  await app.open();
  const message = await app.chooseUnreadable(files.bomb);
  expect(message).toMatch(/too large/);
  expect(message).not.toMatch(/error|exception|undefined/i);
});

/** Choose a photo and reach the frame step; a refused photo fails at once, with the app's message. */
async function chooseAccepted(app: NaevusApp, file: string): Promise<void> {
  await app.choose(file);
  const error = app.page.getByTestId('error-message');
  await expect(error.or(app.page.getByTestId('analyse')).first()).toBeVisible();
  expect((await error.isVisible()) ? await error.innerText() : null, 'the app refused the photo').toBeNull();
}

/** app.analyseFile, failing at once rather than by timeout when the photo is refused. */
async function analyseAccepted(app: NaevusApp, file: string): Promise<Verdict> {
  await chooseAccepted(app, file);
  return app.analyse();
}

function note(description: string): void {
  test.info().annotations.push({ type: 'probability', description });
}

/** The colour the frame view shows at (u, v), fractions of its canvas: 'red', 'blue' or 'other'. */
async function pixelAt(canvas: Locator, u: number, v: number): Promise<string> {
  return canvas.evaluate(
    (element: HTMLCanvasElement, [u, v]) => {
      const context = element.getContext('2d');
      if (!context || element.width === 0) return 'no canvas';
      const [r = 0, g = 0, b = 0] = context.getImageData(
        Math.floor(u * element.width),
        Math.floor(v * element.height),
        1,
        1,
      ).data;
      // The view dims what lies outside the square, so compare channels rather than absolute values.
      if (r > 2 * g && r > 2 * b && r > 40) return 'red';
      if (b > 2 * r && b > 2 * g && b > 40) return 'blue';
      return 'other';
    },
    [u, v] as const,
  );
}

function decodeJpeg(bytes: Buffer): RgbaImage {
  const { width, height, data } = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width, height, data };
}

function encodeJpeg(image: RgbaImage): Buffer {
  const data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return jpeg.encode({ width: image.width, height: image.height, data }, 90).data;
}

/** The largest centred region of the given width/height ratio. */
function centre(image: RgbaImage, ratio: number): RgbaImage {
  const width = Math.min(image.width, Math.round(image.height * ratio));
  const height = Math.min(image.height, Math.round(width / ratio));
  const left = Math.floor((image.width - width) / 2);
  const top = Math.floor((image.height - height) / 2);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * image.width + left) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

/** Nearest-neighbour: enough to make a large photo from a small one, and fast in plain JavaScript. */
function resize(image: RgbaImage, width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, image.data.byteLength / 4);
  const out = new Uint32Array(data.buffer);
  const columns = Array.from({ length: width }, (_, x) => Math.floor(((x + 0.5) * image.width) / width));
  for (let y = 0; y < height; y++) {
    const row = Math.floor(((y + 0.5) * image.height) / height) * image.width;
    for (let x = 0; x < width; x++) out[y * width + x] = pixels[row + columns[x]!]!;
  }
  return { width, height, data };
}

/** Stored pixels that EXIF orientation 6 (turn 90° clockwise) shows as `image`. */
function turnAnticlockwise(image: RgbaImage): RgbaImage {
  const { width, height } = image;
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, image.data.byteLength / 4);
  const out = new Uint32Array(width * height);
  // Stored pixel (x, y), `height` wide and `width` high, shows at (width - 1 - y, x).
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < height; x++) out[y * height + x] = pixels[x * width + (width - 1 - y)]!;
  }
  return { width: height, height: width, data: new Uint8ClampedArray(out.buffer) };
}

/** Paints the top tenth red and the bottom tenth blue: outside the centre square of a 3:4 portrait. */
function markTopAndBottom(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  const band = Math.floor(image.height / 10);
  for (let y = 0; y < image.height; y++) {
    const colour = y < band ? [230, 20, 20] : y >= image.height - band ? [20, 20, 230] : null;
    if (colour) for (let x = 0; x < image.width; x++) data.set(colour, (y * image.width + x) * 4);
  }
  return { ...image, data };
}

/** The file with an EXIF block (APP1) holding only an orientation, right after the start marker. */
function withOrientation(file: Buffer, orientation: number): Buffer {
  const tiff = [
    0x4d,
    0x4d,
    0,
    42,
    0,
    0,
    0,
    8,
    0,
    1,
    0x01,
    0x12,
    0,
    3,
    0,
    0,
    0,
    1,
    0,
    orientation,
    0,
    0,
    0,
    0,
    0,
    0,
  ];
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from(tiff)]);
  const length = payload.length + 2;
  return Buffer.concat([
    file.subarray(0, 2),
    Buffer.from([0xff, 0xe1, length >> 8, length & 255]),
    payload,
    file.subarray(2),
  ]);
}

function withoutEndMarker(file: Buffer): Buffer {
  expect([...file.subarray(-2)]).toEqual([0xff, 0xd9]);
  return file.subarray(0, -2);
}

/** Only the start of a JPEG: a frame header declaring width × height, then a little filler. */
function jpegClaiming(width: number, height: number): Buffer {
  const sof = [
    0xff,
    0xc0,
    0,
    17,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ];
  return Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from(sof), Buffer.alloc(4096, 0x55)]);
}
