import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../cli/repo-paths';

/**
 * Runs the fine-tune stage as a child process (its worker threads and wasm heaps are then freed before export),
 * with stdio passed through so its progress lines show. `--resume` continues from the run's last checkpoint.
 */
export function runFineTune(args: {
  data: string;
  base: string;
  run: string;
  /** Feature cache, for the linear probe that starts the head. */
  cacheDir: string;
  resume: boolean;
  extra: string[];
}): Promise<void> {
  const script = join(repoRoot, 'training/src/fine-tune/fine-tune.ts');
  const argv = [
    'tsx',
    script,
    '--data',
    args.data,
    '--base',
    args.base,
    '--run',
    args.run,
    '--cache',
    args.cacheDir,
  ];
  if (args.resume) argv.push('--resume');
  argv.push(...args.extra);
  return new Promise((resolve, reject) => {
    const child = spawn('npx', argv, { cwd: join(repoRoot, 'training'), stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`fine-tune stage failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
