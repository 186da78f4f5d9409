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

/**
 * Writes to a temporary folder and renames it, so a kill mid-write leaves the previous checkpoint intact (as
 * checkpoint/, or as checkpoint.old/ between the two renames, which loadCheckpoint falls back to).
 */
export function saveCheckpoint(runDir: string, state: TrainState): void {
  const dir = join(runDir, 'checkpoint');
  const tmp = join(runDir, 'checkpoint.tmp');
  const old = `${dir}.old`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFloats(join(tmp, 'params.bin'), state.params);
  writeFloats(join(tmp, 'adam-m.bin'), state.adam.m);
  writeFloats(join(tmp, 'adam-v.bin'), state.adam.v);
  const meta = { ...state, params: undefined, adam: undefined, adamT: state.adam.t };
  writeFileSync(join(tmp, 'state.json'), JSON.stringify(meta, null, 1));
  // Without checkpoint/, checkpoint.old/ is the only saved state (the run resumed from it): keep it until the
  // new one is in place.
  if (existsSync(dir)) {
    rmSync(old, { recursive: true, force: true });
    renameSync(dir, old);
  }
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
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

/** A checkpoint that cannot be continued; the message names the file and says why in plain words. */
export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointError';
  }
}

/**
 * The run's last checkpoint, checked in full before anything is used: state.json's fields, the options the run
 * started with (`expected.config`), and each .bin's exact size against the parameter layout (a cut-short
 * params.bin would otherwise load as a shorter array and train from zeros). Null when the run has none yet.
 * Reads only; throws CheckpointError.
 */
export function loadCheckpoint(
  runDir: string,
  expected: { total: number; config: Record<string, unknown> },
): TrainState | null {
  const current = join(runDir, 'checkpoint');
  const dir = existsSync(current) ? current : existsSync(`${current}.old`) ? `${current}.old` : null;
  if (dir === null) return null;
  const { adamT, ...meta } = readState(join(dir, 'state.json'));
  if (JSON.stringify(meta.config) !== JSON.stringify(expected.config)) {
    throw new CheckpointError(
      `--resume with different options than the run started with: ${JSON.stringify(meta.config)} ` +
        `(this time: ${JSON.stringify(expected.config)})`,
    );
  }
  return {
    ...meta,
    params: readFloats(join(dir, 'params.bin'), expected.total),
    adam: {
      m: readFloats(join(dir, 'adam-m.bin'), expected.total),
      v: readFloats(join(dir, 'adam-v.bin'), expected.total),
      t: adamT,
    },
  };
}

type SavedState = Omit<TrainState, 'params' | 'adam'> & { adamT: number };

function readState(path: string): SavedState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new CheckpointError(`${path} is damaged: it is not valid JSON (cut short or edited?)`);
    throw new CheckpointError(`${path} ${readProblem(error)}`);
  }
  const problem = stateProblem(raw);
  if (problem) throw new CheckpointError(`${path} is damaged: ${problem}`);
  return raw as SavedState;
}

/** What is wrong with a parsed state.json, or null if it has every field a resume uses. */
function stateProblem(raw: unknown): string | null {
  if (!isRecord(raw)) return 'it is not a JSON object';
  for (const key of ['epoch', 'step', 'adamT'] as const)
    if (!isCount(raw[key])) return `"${key}" is missing or not a whole number ≥ 0`;
  // sfc32's state: four uint32s.
  if (!Array.isArray(raw.rng) || raw.rng.length !== 4 || !raw.rng.every((x) => isCount(x) && x < 2 ** 32))
    return '"rng" is missing or not four whole numbers';
  const best = raw.best;
  if (!isRecord(best) || !Number.isInteger(best.epoch) || typeof best.auc !== 'number')
    return '"best" is missing or not {epoch, auc}';
  if (!Array.isArray(raw.history) || !raw.history.every((h) => isRecord(h) && isCount(h.epoch)))
    return '"history" is missing or not a list of epochs';
  if (!isRecord(raw.config)) return '"config" (the options the run started with) is missing';
  return null;
}

function readFloats(path: string, total: number): Float32Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CheckpointError(`${path} ${readProblem(error)}`);
  }
  if (bytes.length !== total * 4) {
    throw new CheckpointError(
      `${path} is damaged: it has ${bytes.length} bytes, but the network being trained has ${total} parameters ` +
        `(${total * 4} bytes)`,
    );
  }
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (!values.every(Number.isFinite))
    throw new CheckpointError(`${path} is damaged: it holds values that are not numbers`);
  return values;
}

function readProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'is missing';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 0;
}
