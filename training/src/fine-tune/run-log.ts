import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/** Progress lines to stdout and to <runDir>/train-log.txt; epoch summaries also as JSON lines. */
export function runLog(runDir: string) {
  const text = join(runDir, 'train-log.txt');
  const jsonl = join(runDir, 'epochs.jsonl');
  return {
    line(message: string): void {
      const stamped = `${new Date().toISOString().slice(11, 19)} ${message}`;
      process.stdout.write(`${stamped}\n`);
      appendFileSync(text, `${stamped}\n`);
    },
    epoch(record: Record<string, unknown>): void {
      appendFileSync(jsonl, `${JSON.stringify(record)}\n`);
    },
  };
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
