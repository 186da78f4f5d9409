import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdamState } from './adam';

/** Everything a killed run needs to continue exactly where the last finished epoch left it. */
export interface TrainState {
  /** Epochs completed. */
  epoch: number;
  step: number;
  rng: number[];
  params: Float32Array;
  adam: AdamState;
  best: { epoch: number; auc: number };
  history: { epoch: number; loss: number; validAuc: number; seconds: number }[];
  /** The options the run started with; a resume must match them. */
  config: Record<string, unknown>;
}

function writeFloats(path: string, values: Float32Array): void {
  writeFileSync(path, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
}

function readFloats(path: string): Float32Array {
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Writes to a temporary folder and renames it, so a kill mid-write leaves the previous checkpoint intact. */
export function saveCheckpoint(runDir: string, state: TrainState): void {
  const dir = join(runDir, 'checkpoint');
  const tmp = join(runDir, 'checkpoint.tmp');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFloats(join(tmp, 'params.bin'), state.params);
  writeFloats(join(tmp, 'adam-m.bin'), state.adam.m);
  writeFloats(join(tmp, 'adam-v.bin'), state.adam.v);
  const meta = { ...state, params: undefined, adam: undefined, adamT: state.adam.t };
  writeFileSync(join(tmp, 'state.json'), JSON.stringify(meta, null, 1));
  rmSync(`${dir}.old`, { recursive: true, force: true });
  if (existsSync(dir)) renameSync(dir, `${dir}.old`);
  renameSync(tmp, dir);
  rmSync(`${dir}.old`, { recursive: true, force: true });
}

/**
 * Keeps each finished epoch's parameters as <runDir>/epochs/epoch-<n>.bin (~9 MB each, no optimiser state), so
 * the tail of a run can be averaged afterwards and the average judged on the valid split.
 */
export function saveEpochParams(runDir: string, epoch: number, params: Float32Array): void {
  const dir = join(runDir, 'epochs');
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `epoch-${epoch}.bin.tmp`);
  writeFloats(tmp, params);
  renameSync(tmp, join(dir, `epoch-${epoch}.bin`));
}

export function loadCheckpoint(runDir: string): TrainState | null {
  const dir = join(runDir, 'checkpoint');
  if (!existsSync(join(dir, 'state.json'))) return null;
  const meta = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as Omit<
    TrainState,
    'params' | 'adam'
  > & {
    adamT: number;
  };
  const { adamT, ...rest } = meta;
  return {
    ...rest,
    params: readFloats(join(dir, 'params.bin')),
    adam: { m: readFloats(join(dir, 'adam-m.bin')), v: readFloats(join(dir, 'adam-v.bin')), t: adamT },
  };
}
