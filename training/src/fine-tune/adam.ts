/**
 * Adam over one flat parameter vector, in plain JavaScript in the main thread: its state (m, v, t) is three
 * arrays and a number, so a checkpoint can store it, and both workers see identical weights after each step.
 * `lrScale[i]` gives each parameter its group's learning rate (backbone vs head).
 */
export interface AdamState {
  m: Float32Array;
  v: Float32Array;
  t: number;
}

export function createAdamState(size: number): AdamState {
  return { m: new Float32Array(size), v: new Float32Array(size), t: 0 };
}

export interface AdamConfig {
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const ADAM_DEFAULTS: AdamConfig = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** params -= lr * mHat / (sqrt(vHat) + eps), where each segment has its own base learning rate. */
export function adamStep(
  params: Float32Array,
  grads: Float32Array,
  state: AdamState,
  segments: { start: number; end: number; lr: number }[],
  config: AdamConfig = ADAM_DEFAULTS,
): void {
  state.t += 1;
  const { beta1, beta2, epsilon } = config;
  const c1 = 1 / (1 - beta1 ** state.t);
  const c2 = 1 / (1 - beta2 ** state.t);
  const { m, v } = state;
  for (const { start, end, lr } of segments) {
    for (let i = start; i < end; i++) {
      const g = grads[i]!;
      const mi = beta1 * m[i]! + (1 - beta1) * g;
      const vi = beta2 * v[i]! + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = params[i]! - (lr * mi * c1) / (Math.sqrt(vi * c2) + epsilon);
    }
  }
}
