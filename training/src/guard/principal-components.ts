import { symmetricEigen } from './symmetric-eigen';

export interface PrincipalComponents {
  mean: Float64Array;
  /** k rows of d: unit-length principal directions, largest variance first. */
  components: Float64Array[];
  /** Variance along each component (sample variance, n − 1). */
  variances: Float64Array;
  /** Total variance (trace of the covariance), to derive the residual. */
  totalVariance: number;
}

/**
 * Top-k principal components of n row vectors of length d, by block power (subspace) iteration on the
 * covariance with a Rayleigh–Ritz step: forms the d×d covariance once (d = 1280: 13 MB), then each sweep costs
 * d²·(k + oversampling). Deterministic: the start block is a fixed pseudo-random matrix.
 */
export function principalComponents(
  rows: readonly ArrayLike<number>[],
  k: number,
  sweeps = 60,
): PrincipalComponents {
  const n = rows.length;
  if (n < 2) throw new RangeError('Need at least two feature vectors.');
  const d = rows[0]!.length;
  const mean = new Float64Array(d);
  for (const r of rows) {
    if (r.length !== d) throw new RangeError('Feature vectors differ in length.');
    for (let j = 0; j < d; j++) mean[j]! += r[j]! / n;
  }
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (const r of rows) {
    for (let j = 0; j < d; j++) centred[j] = r[j]! - mean[j]!;
    for (let i = 0; i < d; i++) {
      const ci = centred[i]!;
      if (ci === 0) continue;
      const base = i * d;
      for (let j = i; j < d; j++) cov[base + j]! += ci * centred[j]!;
    }
  }
  let totalVariance = 0;
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const v = cov[i * d + j]! / (n - 1);
      cov[i * d + j] = v;
      cov[j * d + i] = v;
    }
    totalVariance += cov[i * d + i]!;
  }

  const kk = Math.min(k, d, n - 1);
  const p = Math.min(d, kk + 8);
  let block: Float64Array = new Float64Array(p * d);
  let state = 12345;
  for (let i = 0; i < block.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    block[i] = state / 4294967296 - 0.5;
  }
  orthonormaliseRows(block, p, d);
  for (let s = 0; s < sweeps; s++) {
    block = multiplyRows(cov, block, p, d);
    orthonormaliseRows(block, p, d);
  }
  // Rayleigh–Ritz: diagonalise the covariance restricted to the block, then rotate the block.
  const cb = multiplyRows(cov, block, p, d);
  const h = new Float64Array(p * p);
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += block[a * d + j]! * cb[b * d + j]!;
      h[a * p + b] = sum;
    }
  for (let a = 0; a < p; a++)
    for (let b = a + 1; b < p; b++) h[a * p + b] = h[b * p + a] = (h[a * p + b]! + h[b * p + a]!) / 2;
  const { values, vectors } = symmetricEigen(h, p);
  const components: Float64Array[] = [];
  for (let c = 0; c < kk; c++) {
    const out = new Float64Array(d);
    for (let a = 0; a < p; a++) {
      const w = vectors[c * p + a]!;
      for (let j = 0; j < d; j++) out[j]! += w * block[a * d + j]!;
    }
    components.push(out);
  }
  return { mean, components, variances: values.slice(0, kk), totalVariance };
}

/** Each of the p rows of `block` multiplied by the symmetric d×d matrix. */
function multiplyRows(matrix: Float64Array, block: Float64Array, p: number, d: number): Float64Array {
  const out = new Float64Array(p * d);
  for (let a = 0; a < p; a++) {
    const row = block.subarray(a * d, a * d + d);
    for (let i = 0; i < d; i++) {
      let sum = 0;
      const base = i * d;
      for (let j = 0; j < d; j++) sum += matrix[base + j]! * row[j]!;
      out[a * d + i] = sum;
    }
  }
  return out;
}

/** Modified Gram–Schmidt, in place, twice for numerical safety. */
function orthonormaliseRows(block: Float64Array, p: number, d: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let a = 0; a < p; a++) {
      const ra = block.subarray(a * d, a * d + d);
      for (let b = 0; b < a; b++) {
        const rb = block.subarray(b * d, b * d + d);
        let dot = 0;
        for (let j = 0; j < d; j++) dot += ra[j]! * rb[j]!;
        for (let j = 0; j < d; j++) ra[j]! -= dot * rb[j]!;
      }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += ra[j]! * ra[j]!;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++) ra[j]! /= norm;
    }
  }
}
