/**
 * A logistic-regression head on frozen 1280-wide features (the --quick path and the fine-tuning warm start).
 * Plain TypeScript: 1,000 × 1,280 fits in milliseconds per pass, no tensors to leak.
 */
export interface LinearHead {
  weights: Float32Array;
  bias: number;
}

export interface HeadTrainingOptions {
  l2: number;
  epochs: number;
  learningRate: number;
  /** Weight of the positive ("dangerous") class relative to the negative one. */
  positiveWeight?: number;
}

export function headLogit(head: LinearHead, x: Float32Array): number {
  let z = head.bias;
  for (let j = 0; j < x.length; j++) z += head.weights[j]! * x[j]!;
  return z;
}

/** Full-batch Adam on the class-weighted, L2-regularised log loss; deterministic (zero initialisation). */
export function trainLogisticHead(
  features: Float32Array[],
  labels: number[],
  options: HeadTrainingOptions,
): LinearHead {
  const dim = features[0]?.length ?? 0;
  if (dim === 0 || features.length !== labels.length)
    throw new Error('Head training needs features and labels.');
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  const posWeight = options.positiveWeight ?? negatives / Math.max(1, positives);
  const sampleWeights = labels.map((y) => (y === 1 ? posWeight : 1));
  const totalWeight = sampleWeights.reduce((a, b) => a + b, 0);

  // Standardise internally for a well-conditioned problem, then fold the scaling back into the weights.
  const mean = new Float64Array(dim);
  const scale = new Float64Array(dim);
  for (const x of features) for (let j = 0; j < dim; j++) mean[j]! += x[j]! / features.length;
  for (const x of features)
    for (let j = 0; j < dim; j++) scale[j]! += (x[j]! - mean[j]!) ** 2 / features.length;
  for (let j = 0; j < dim; j++) scale[j] = 1 / Math.sqrt(scale[j]! + 1e-6);

  const w = new Float64Array(dim);
  let b = 0;
  const m = new Float64Array(dim + 1);
  const v = new Float64Array(dim + 1);
  const grad = new Float64Array(dim + 1);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= options.epochs; t++) {
    grad.fill(0);
    for (let i = 0; i < features.length; i++) {
      const x = features[i]!;
      let z = b;
      for (let j = 0; j < dim; j++) z += w[j]! * (x[j]! - mean[j]!) * scale[j]!;
      const err = (sigmoid(z) - labels[i]!) * sampleWeights[i]!;
      for (let j = 0; j < dim; j++) grad[j]! += err * (x[j]! - mean[j]!) * scale[j]!;
      grad[dim]! += err;
    }
    for (let j = 0; j <= dim; j++) {
      let g = grad[j]! / totalWeight;
      if (j < dim) g += options.l2 * w[j]!;
      m[j] = beta1 * m[j]! + (1 - beta1) * g;
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
      const step =
        (options.learningRate * (m[j]! / (1 - beta1 ** t))) / (Math.sqrt(v[j]! / (1 - beta2 ** t)) + eps);
      if (j < dim) w[j]! -= step;
      else b -= step;
    }
  }

  const weights = new Float32Array(dim);
  let bias = b;
  for (let j = 0; j < dim; j++) {
    weights[j] = w[j]! * scale[j]!;
    bias -= w[j]! * scale[j]! * mean[j]!;
  }
  return { weights, bias };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
