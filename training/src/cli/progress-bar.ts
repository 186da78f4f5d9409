/** A one-line progress bar with rate and ETA on stderr (plain lines when stderr is not a terminal). */
export interface ProgressBar {
  tick(n?: number, note?: string): void;
  done(note?: string): { seconds: number; perSecond: number };
}

export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressBar {
  const start = performance.now();
  let count = 0;
  let lastDraw = 0;
  const tty = stream.isTTY === true;
  const draw = (note = '', force = false) => {
    const now = performance.now();
    if (!force && now - lastDraw < (tty ? 200 : 10_000)) return;
    lastDraw = now;
    const seconds = (now - start) / 1000;
    const rate = count / Math.max(seconds, 1e-9);
    const eta = rate > 0 ? (total - count) / rate : 0;
    const width = 24;
    const filled = Math.round((width * count) / Math.max(total, 1));
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total} ${rate.toFixed(2)}/s ETA ${formatSeconds(eta)} ${note}`;
    stream.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    tick(n = 1, note) {
      count += n;
      draw(note);
    },
    done(note) {
      draw(note, true);
      if (tty) stream.write('\n');
      const seconds = (performance.now() - start) / 1000;
      return { seconds, perSecond: count / Math.max(seconds, 1e-9) };
    },
  };
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(1)}s`;
}
