import { describe, expect, it } from 'vitest';
import { formatPipelineSummary } from './format-pipeline-summary';
import type { PipelineReport } from './run-pipeline';

const metrics = {
  n: 6,
  accuracy: 0.5,
  balancedAccuracy: 0.5,
  sensitivity: 1,
  specificity: 0,
  auc: 0.5,
  ece: 0.1,
  threshold: 0.5,
  confusion: { tp: 3, fp: 3, tn: 0, fn: 0 },
};

function report(skipped: PipelineReport['skipped']): PipelineReport {
  return {
    mode: 'quick',
    run: 'quick',
    runDir: '/runs/quick',
    out: '/model',
    files: ['model.json', 'metadata.json'],
    dataHash: 'x',
    images: { total: 12 },
    skipped,
    quantisation: [],
    calibration: { method: 'platt', a: 1, b: 0 },
    operatingPoint: {
      threshold: 0.5,
      inconclusiveBand: [0.4, 0.6],
      valid: { ...metrics, inconclusiveShare: 0 } as unknown as PipelineReport['operatingPoint']['valid'],
    },
    valid: metrics,
    test: null,
    stages: [],
    totalSeconds: 1,
  };
}

describe('formatPipelineSummary', () => {
  it('lists the skipped files with reasons, at most ten, and says where the full list is', () => {
    const skipped = Array.from({ length: 13 }, (_, i) => ({
      relPath: `train/Dangerous/img${i}.jpg`,
      reason: 'damaged JPEG data',
    }));
    const text = formatPipelineSummary(report(skipped));
    expect(text).toContain(
      'skipped files: 13 (the full list is "skipped" in /runs/quick/pipeline-report.json)',
    );
    expect(text).toContain('  train/Dangerous/img0.jpg: damaged JPEG data');
    expect(text).toContain('  train/Dangerous/img9.jpg: damaged JPEG data');
    expect(text).not.toContain('img10.jpg');
    expect(text).toContain('  … and 3 more');
  });

  it('says so when nothing was skipped', () => {
    expect(formatPipelineSummary(report([]))).toContain('skipped files: none');
  });

  it('says why there are no test figures, and lists only the reports that were written', () => {
    const text = formatPipelineSummary({
      ...report([]),
      noTestFigures: 'none of the 6 test images could be decoded (each is listed under skipped files)',
    });
    expect(text).toContain(
      'no test figures: none of the 6 test images could be decoded (each is listed under skipped files)',
    );
    expect(text).toContain('reports in /runs/quick (pipeline-report.json)');
    expect(formatPipelineSummary(report([]))).toContain('no test figures: the data has no test split');
  });
});
