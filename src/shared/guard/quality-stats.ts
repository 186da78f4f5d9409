/**
 * Cheap image statistics for the quality guard, computed on the square the model sees (the 0..255 RGB floats,
 * HWC, that `cropResizeRgb` returns — before normalisation). Pure arithmetic: the same numbers in the worker
 * and in Node, so thresholds calibrated in training hold in the app.
 */
export interface QualityStats {
  /** Mean luma (Rec. 601), 0..255. */
  meanLuminance: number;
  /** Fraction of pixels with luma below 25: deep shadow. */
  darkFraction: number;
  /** Fraction of pixels with every channel at or above 250: blown-out highlights. */
  clippedFraction: number;
  /** Standard deviation of luma (RMS contrast), 0..~128. */
  contrast: number;
  /** Spread between the 2nd and 98th luma percentiles, 0..255: robust to a few specks. */
  lumaRange: number;
  /**
   * Sharpness: 90th percentile of the local Laplacian energy over 8×8 tiles. A sharp detail anywhere (hair,
   * pigment network, lesion border) keeps it high; a defocused or shaken photo loses it everywhere. A
   * percentile rather than a global variance, because skin itself is smooth and the detail is local.
   */
  sharpness: number;
  /** Mean CIELAB a* (green − / red +) and b* (blue − / yellow +) over the image. */
  meanA: number;
  meanB: number;
  /** Mean CIELAB chroma, sqrt(a*² + b*²): near 0 for grey or blank images. */
  meanChroma: number;
  /**
   * Fraction of pixels whose colour could be skin or a lesion on skin under dermoscopic light: warm hues
   * (red, pink, orange, brown) or near-neutral dark pigment. Green, blue, purple-blue and saturated
   * non-skin hues do not count.
   */
  skinFraction: number;
}

const TILE = 8;

/** Rec. 601 luma of one pixel. */
function luma(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** sRGB 0..255 → linear 0..1, by lookup so a whole input square stays cheap. */
const LINEAR = (() => {
  const table = new Float64Array(256);
  for (let i = 0; i < 256; i++) {
    const c = i / 255;
    table[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }
  return table;
})();

function toLinear(v: number): number {
  const i = Math.max(0, Math.min(255, Math.round(v)));
  return LINEAR[i]!;
}

function labF(t: number): number {
  return t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116;
}

/** CIELAB (D65) L*, a*, b* of an sRGB pixel. */
function lab(r: number, g: number, b: number): [number, number, number] {
  const R = toLinear(r);
  const G = toLinear(g);
  const B = toLinear(b);
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  const y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  const fx = labF(x);
  const fy = labF(y);
  const fz = labF(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/**
 * Whether a pixel's colour is plausible for skin or a skin lesion. Hue angle in the a*b* plane: skin, blood
 * and melanin lie between magenta-red (about −20°) and yellow-orange (about 95°). Near-neutral pixels count
 * when dark (pigment, hair, the dark vignette of a dermatoscope) or mid-grey with a faint warm cast (the
 * blue-white veil of a melanoma is also near neutral), but bright neutral white does not dominate an image of
 * skin, so it does not count.
 */
function isSkinColour(l: number, a: number, b: number): boolean {
  // Math.sqrt, not Math.hypot: hypot's overflow guard costs several times more, per pixel.
  const chroma = Math.sqrt(a * a + b * b);
  if (chroma < 6) return l < 60;
  const hue = (Math.atan2(b, a) * 180) / Math.PI;
  return hue >= -25 && hue <= 95;
}

/** Bins of the luma histogram: one per grey level over 0..255. */
const LUMA_BINS = 256;

/**
 * Luma values binned per grey level, with each bin's lowest and highest value: percentiles without sorting
 * 50K values per analysis (that sort was most of the guard's cost in the browser).
 */
interface LumaHistogram {
  count: Uint32Array;
  low: Float64Array;
  high: Float64Array;
}

function lumaHistogram(): LumaHistogram {
  return {
    count: new Uint32Array(LUMA_BINS),
    low: new Float64Array(LUMA_BINS).fill(Infinity),
    high: new Float64Array(LUMA_BINS).fill(-Infinity),
  };
}

function addLuma(h: LumaHistogram, y: number): void {
  const bin = Math.min(LUMA_BINS - 1, Math.max(0, Math.floor(y)));
  h.count[bin]!++;
  if (y < h.low[bin]!) h.low[bin] = y;
  if (y > h.high[bin]!) h.high[bin] = y;
}

/**
 * The q-th percentile (same rank as the sorted-array one), placed between its bin's lowest and highest value
 * by its rank inside the bin: exact when the bin holds one distinct value (flat frames), and otherwise
 * within one grey level.
 */
function histogramPercentile(h: LumaHistogram, n: number, q: number): number {
  if (n === 0) return 0;
  const rank = Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))));
  let below = 0;
  for (let bin = 0; bin < LUMA_BINS; bin++) {
    const count = h.count[bin]!;
    if (rank < below + count) {
      const t = count > 1 ? (rank - below) / (count - 1) : 0;
      return h.low[bin]! + t * (h.high[bin]! - h.low[bin]!);
    }
    below += count;
  }
  return 0;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

export function computeQualityStats(rgb: Float32Array, size: number): QualityStats {
  const n = size * size;
  if (rgb.length !== n * 3) throw new RangeError(`Expected ${n * 3} values for ${size}×${size} RGB.`);
  const grey = new Float64Array(n);
  let sum = 0;
  let sumSq = 0;
  let dark = 0;
  let clipped = 0;
  let sumA = 0;
  let sumB = 0;
  let sumChroma = 0;
  let skin = 0;
  const histogram = lumaHistogram();
  for (let i = 0; i < n; i++) {
    const r = rgb[i * 3]!;
    const g = rgb[i * 3 + 1]!;
    const b = rgb[i * 3 + 2]!;
    const y = luma(r, g, b);
    grey[i] = y;
    addLuma(histogram, y);
    sum += y;
    sumSq += y * y;
    if (y < 25) dark++;
    if (r >= 250 && g >= 250 && b >= 250) clipped++;
    const [l, la, lb] = lab(r, g, b);
    sumA += la;
    sumB += lb;
    sumChroma += Math.sqrt(la * la + lb * lb);
    if (isSkinColour(l, la, lb)) skin++;
  }
  const mean = sum / n;
  const contrast = Math.sqrt(Math.max(0, sumSq / n - mean * mean));

  return {
    meanLuminance: mean,
    darkFraction: dark / n,
    clippedFraction: clipped / n,
    contrast,
    lumaRange: histogramPercentile(histogram, n, 0.98) - histogramPercentile(histogram, n, 0.02),
    sharpness: tileLaplacianEnergy(grey, size),
    meanA: sumA / n,
    meanB: sumB / n,
    meanChroma: sumChroma / n,
    skinFraction: skin / n,
  };
}

/** 90th percentile over 8×8 tiles of the mean squared 4-neighbour Laplacian of the grey image. */
function tileLaplacianEnergy(grey: Float64Array, size: number): number {
  const tiles = Math.floor((size - 2) / TILE);
  if (tiles < 1) return 0;
  const energy = new Float64Array(tiles * tiles);
  for (let ty = 0; ty < tiles; ty++) {
    for (let tx = 0; tx < tiles; tx++) {
      let e = 0;
      for (let y = 1 + ty * TILE; y < 1 + (ty + 1) * TILE; y++) {
        for (let x = 1 + tx * TILE; x < 1 + (tx + 1) * TILE; x++) {
          const i = y * size + x;
          const lap = grey[i - 1]! + grey[i + 1]! + grey[i - size]! + grey[i + size]! - 4 * grey[i]!;
          e += lap * lap;
        }
      }
      energy[ty * tiles + tx] = e / (TILE * TILE);
    }
  }
  return percentile(energy.sort(), 0.9);
}
