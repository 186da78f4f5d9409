import { describe, expect, it } from 'vitest';
import { headLogit, trainLogisticHead } from './logistic-head';

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('trainLogisticHead', () => {
  it('separates two shifted Gaussian clouds and is deterministic', () => {
    const rand = seeded(7);
    const features: Float32Array[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 200; i++) {
      const y = i % 2;
      features.push(
        Float32Array.from({ length: 8 }, (_, j) => (j === 3 ? (y ? 2 : -2) : 0) + rand() - 0.5 + 5),
      );
      labels.push(y);
    }
    const options = { l2: 1e-3, epochs: 200, learningRate: 0.05 };
    const head = trainLogisticHead(features, labels, options);
    const correct = features.filter((x, i) => (headLogit(head, x) > 0 ? 1 : 0) === labels[i]).length;
    expect(correct).toBe(200);
    expect(trainLogisticHead(features, labels, options)).toEqual(head);
  });

  it('refuses mismatched inputs', () => {
    expect(() =>
      trainLogisticHead([new Float32Array(3)], [], { l2: 0, epochs: 1, learningRate: 0.1 }),
    ).toThrow();
  });
});
