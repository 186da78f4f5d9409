import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaseNetwork } from '../base-model/load-base-network';
import { featureExtractor, isWeighted } from '../base-model/network-spec';
import { defaultPaths } from '../cli/repo-paths';
import { loadFineTuned, saveBestModel } from './best-model';
import { initialParams, paramLayout, setHead } from './param-layout';

const present = existsSync(defaultPaths.baseTflite);

describe.skipIf(!present)('fine-tuned weights round trip (needs ../shared base model)', () => {
  it('layout covers exactly the non-112×112 layers plus the head, and reads back into the spec', () => {
    const spec = loadBaseNetwork(defaultPaths.baseTflite);
    const layout = paramLayout(spec, (highRes) => !highRes);
    const weighted = featureExtractor(spec).layers.filter(isWeighted);
    const trainable = weighted.filter((l) => !l.highRes);
    expect(layout.entries.length).toBe(2 * trainable.length + 2);
    expect(layout.entries.at(-2)).toMatchObject({
      layer: 'head',
      part: 'w',
      shape: [1280, 1],
      group: 'head',
    });

    let k = 0;
    const params = initialParams(spec, layout, () => ((k = (k * 7 + 3) % 101), k / 101));
    // Mark every trained value so the read-back provably takes them from params.bin, not the base spec.
    for (let i = 0; i < params.length; i++) params[i] = params[i]! + 1;
    const dir = mkdtempSync(join(tmpdir(), 'fine-tuned-'));
    try {
      saveBestModel(
        dir,
        {
          format: 'naevus-fine-tuned/1',
          epoch: 3,
          validAuc: 0.8,
          // Not the base network's 224: the written graph must take the size the run trained at.
          input: { size: 192, mean: 128, std: 128, range: [-1, 1] },
          baseModel: 'x',
          layout,
          recipe: {},
        },
        params,
        [{ relPath: 'a.jpg', label: 1, logit: 0.5 }],
      );
      const { spec: tuned, head, info } = loadFineTuned(dir, spec);
      expect(info.epoch).toBe(3);
      expect(spec.inputSize).toBe(224);
      expect(tuned.inputSize).toBe(192);
      expect(head.weights.length).toBe(1280);
      expect(head.bias).toBe(1);
      const byName = new Map(tuned.layers.map((l) => [l.name, l]));
      for (const base of weighted) {
        const layer = byName.get(base.name)!;
        if (!isWeighted(layer) || layer.kind === 'dense' || base.kind === 'dense') continue;
        expect(layer.filter[0]).toBeCloseTo(base.filter[0]! + (base.highRes ? 0 : 1), 5);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('setHead writes a probe head into the head slots only, and refuses one of the wrong width', () => {
    const spec = loadBaseNetwork(defaultPaths.baseTflite);
    const layout = paramLayout(spec, (highRes) => !highRes);
    const params = initialParams(spec, layout, () => 0.5);
    const before = params.slice();
    const weights = Float32Array.from({ length: 1280 }, (_, i) => i / 1000);
    setHead(params, layout, { weights, bias: -2 });
    const w = layout.entries.at(-2)!;
    expect(Array.from(params.subarray(w.offset, w.offset + w.size))).toEqual(Array.from(weights));
    expect(params[layout.entries.at(-1)!.offset]).toBe(-2);
    expect(params.subarray(0, w.offset)).toEqual(before.subarray(0, w.offset));
    expect(() => setHead(params, layout, { weights: new Float32Array(10), bias: 0 })).toThrow(/does not fit/);
  });
});
