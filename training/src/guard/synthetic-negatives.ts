import type { RgbaImage } from '../../../src/shared/preprocess/rgba-image';

/**
 * Images that are not a photo of skin at all, generated in code so the measurement needs no downloads:
 * blank and grey frames, flat colours, noise, and UI-like screens (colour blocks with text-like stripes, the
 * way a screenshot of an app looks). Deterministic for a given seed.
 */
export interface NamedImage {
  name: string;
  image: RgbaImage;
}

/** Mulberry32: a tiny seeded generator, so the negative set is the same on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function blank(width: number, height: number, rgb: readonly [number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  return { width, height, data };
}

function noise(width: number, height: number, random: () => number, grey: boolean): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = random() * 255;
    data[i * 4] = v;
    data[i * 4 + 1] = grey ? v : random() * 255;
    data[i * 4 + 2] = grey ? v : random() * 255;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

function fillRect(img: RgbaImage, x0: number, y0: number, w: number, h: number, rgb: readonly number[]) {
  for (let y = Math.max(0, y0); y < Math.min(img.height, y0 + h); y++)
    for (let x = Math.max(0, x0); x < Math.min(img.width, x0 + w); x++)
      img.data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], (y * img.width + x) * 4);
}

/** A phone-app-like screen: a header bar, cards, and lines of "text" (short dark dashes of varying length). */
function uiScreen(width: number, height: number, random: () => number, dark: boolean): RgbaImage {
  const palette = [
    [33, 99, 201],
    [15, 118, 110],
    [124, 58, 237],
    [190, 24, 93],
    [202, 138, 4],
  ] as const;
  const accent = palette[Math.floor(random() * palette.length)]!;
  const bg = dark ? [24, 24, 27] : [248, 250, 252];
  const ink = dark ? [228, 228, 231] : [30, 41, 59];
  const card = dark ? [39, 39, 42] : [255, 255, 255];
  const img = blank(width, height, bg as [number, number, number]);
  fillRect(img, 0, 0, width, Math.round(height * 0.09), accent);
  let y = Math.round(height * 0.13);
  while (y < height - 40) {
    const cardH = 40 + Math.floor(random() * 80);
    fillRect(img, 12, y, width - 24, cardH, card);
    if (random() < 0.5) fillRect(img, width - 120, y + cardH - 32, 96, 24, accent);
    for (let line = y + 10; line < y + cardH - 14; line += 16) {
      let x = 24;
      const end = 24 + (width - 60) * (0.4 + 0.6 * random());
      while (x < end) {
        const word = 8 + Math.floor(random() * 40);
        fillRect(img, x, line, word, 8, ink);
        x += word + 6;
      }
    }
    y += cardH + 14;
  }
  return img;
}

/** An outdoor scene: sky fading to the horizon, a sun, and furrowed green-brown ground with noise. */
function landscape(width: number, height: number, random: () => number): RgbaImage {
  const img = blank(width, height, [0, 0, 0]);
  const horizon = Math.round(height * (0.4 + 0.3 * random()));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const n = (random() - 0.5) * 12;
      let rgb: number[];
      if (y < horizon) {
        const t = y / horizon;
        rgb =
          Math.hypot(x - width * 0.7, y - height * 0.2) < height * 0.07
            ? [255, 240, 180]
            : [60 + 120 * t, 120 + 90 * t, 220 + 25 * t];
      } else {
        const t = (y - horizon) / (height - horizon);
        const furrow = Math.sin((x + (y - horizon) * 3) / (6 + 20 * (1 - t))) > 0.6 ? -25 : 0;
        rgb = [70 + 60 * t + furrow + n, 120 - 30 * t + furrow + n, 40 + 10 * t + n];
      }
      img.data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], (y * width + x) * 4);
    }
  }
  return img;
}

/** A printed page photographed: off-white paper with a little noise and lines of dark "words". */
function document(width: number, height: number, random: () => number): RgbaImage {
  const img = blank(width, height, [236, 232, 222]);
  for (let i = 0; i < width * height; i++) {
    const n = (random() - 0.5) * 8;
    for (let c = 0; c < 3; c++) img.data[i * 4 + c] = img.data[i * 4 + c]! + n;
  }
  for (let line = 30; line < height - 30; line += 22) {
    let x = 30;
    while (x < width - 60) {
      const word = 10 + Math.floor(random() * 50);
      fillRect(img, x, line, word, 10, [40, 40, 48]);
      x += word + 8;
    }
  }
  return img;
}

export function syntheticNegatives(seed = 7, width = 480, height = 360): NamedImage[] {
  const random = seededRandom(seed);
  const out: NamedImage[] = [
    { name: 'blank-white', image: blank(width, height, [255, 255, 255]) },
    { name: 'blank-black', image: blank(width, height, [0, 0, 0]) },
    { name: 'grey-128', image: blank(width, height, [128, 128, 128]) },
    { name: 'grey-200', image: blank(width, height, [200, 200, 200]) },
    { name: 'flat-blue', image: blank(width, height, [40, 90, 200]) },
    { name: 'flat-green', image: blank(width, height, [60, 160, 70]) },
    // A flat skin tone: plausible colour, but nothing to assess — must fail on contrast/sharpness.
    { name: 'flat-skin-tone', image: blank(width, height, [205, 150, 125]) },
    { name: 'noise-rgb', image: noise(width, height, random, false) },
    { name: 'noise-grey', image: noise(width, height, random, true) },
  ];
  for (let i = 0; i < 2; i++) {
    out.push({ name: `landscape-${i}`, image: landscape(width, height, random) });
    out.push({ name: `document-${i}`, image: document(width, height, random) });
  }
  for (let i = 0; i < 4; i++) {
    out.push({ name: `ui-light-${i}`, image: uiScreen(width, height * 2, random, false) });
    out.push({ name: `ui-dark-${i}`, image: uiScreen(width, height * 2, random, true) });
  }
  return out;
}
