import type { AppBytes } from './app-bytes';
import type { Summary } from './stats';

export interface WarmEntry {
  label: string;
  tfjsflags: string;
  appTfjsflags: string;
  /** The backend the app actually ran on (it falls back when the asked one cannot start). */
  appBackend: string;
  /** The app's inference (its model, backend, flags, run-model): comparable with the reference. */
  app: Summary;
  /** A whole analysis in the built app's worker: preprocess + inference + quality/domain guard. */
  appAnalysis: Summary;
  /** The graph reference: the base network as an unfused float32 graph model (the stricter yardstick). */
  reference: Summary;
  /** The layers reference: the same network as a Keras-style float32 layers model, run with predict(). */
  referenceLayers: Summary;
  /** app median / graph-reference median: the target is ≤ 0.8. */
  ratio: number;
  /** app median / layers-reference median. */
  ratioLayers: number;
  appInitMs: number;
  referenceLoadMs: number;
  referenceFirstRunMs: number;
  referenceLayersLoadMs: number;
  referenceLayersFirstRunMs: number;
  runs: number;
  /** Every measured run, in order (app, analysis and reference runs were interleaved). */
  samples: { app: number[]; appAnalysis: number[]; reference: number[]; referenceLayers: number[] };
  environment: {
    crossOriginIsolated: boolean;
    simd: boolean | null;
    threads: boolean | null;
    webglRenderer: string | null;
  };
}

/** bench/results.json: the shape of issue 5, plus extra keys. */
export interface BenchResults extends AppBytes {
  browser: string;
  autoBackend: 'webgl' | 'wasm' | 'cpu' | 'unknown';
  warm: Record<string, WarmEntry>;
  cold: { firstVisitMs: number; repeatVisitMs: number; offlineMs: number; reps: number };
  referenceModelBytes: number;
  referenceLayersModelBytes: number;
  longTasksOver50ms: number;
  longestTaskDuringAnalysisMs: number;
  /** Where those long tasks came from (Long Animation Frames script attribution). */
  longTaskSources: string[];
  analysesObservedForLongTasks: number;
  /** The build measured, and the commit: --commit's, else the repository's HEAD when it was measured. */
  dist: string;
  appCommit: string;
  measuredAt: string;
  command: string;
}
