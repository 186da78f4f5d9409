/** Wall-clock seconds and images/s per pipeline stage, for the closing summary and the run report. */
export interface StageRecord {
  stage: string;
  seconds: number;
  /** Images that went through the network in this stage (cache hits excluded), when it has any. */
  images?: number;
  note?: string;
}

export function stageTimer() {
  const started = performance.now();
  const records: StageRecord[] = [];
  return {
    records,
    /** Runs one stage; `describe` turns its result into the image count and a note. */
    async run<T>(
      stage: string,
      fn: () => Promise<T> | T,
      describe: (result: T) => { images?: number; note?: string } = () => ({}),
    ): Promise<T> {
      const t0 = performance.now();
      process.stderr.write(`── ${stage}\n`);
      const result = await fn();
      records.push({ stage, seconds: (performance.now() - t0) / 1000, ...describe(result) });
      return result;
    },
    totalSeconds: () => (performance.now() - started) / 1000,
  };
}
