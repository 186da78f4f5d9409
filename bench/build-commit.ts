import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Builds a committed version of the app (`git archive <commit>`, node_modules linked) into
 * bench/tmp/dist-<sha>, so a benchmark measures exactly that commit rather than a shared working tree that
 * other people are editing and rebuilding. Returns the build folder; reuses it when it already exists.
 */
export function buildCommit(repoRoot: string, tmp: string, commit: string): string {
  const sha = run('git', ['rev-parse', '--short', commit], repoRoot);
  const dist = join(tmp, `dist-${sha}`);
  if (existsSync(join(dist, 'index.html'))) return dist;
  const source = join(tmp, `source-${sha}`);
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  run('sh', ['-c', `git archive ${sha} | tar -x -C "${source}"`], repoRoot);
  symlinkSync(join(repoRoot, 'node_modules'), join(source, 'node_modules'));
  console.log(`building ${sha} into ${dist}…`);
  run(join(repoRoot, 'node_modules/.bin/vite'), ['build', '--outDir', dist], source);
  rmSync(source, { recursive: true, force: true });
  return dist;
}
