import type { Result } from '../store/history-error';
import type { HistoryDb } from '../store/open-history-db';
import { archiveToBlob } from '../transfer/build-archive';
import { buildReport, type ReportModel } from '../transfer/build-report';
import { readHistory } from '../transfer/read-history';
import { dateStamp, downloadBlob, fileSlug } from './download-blob';

export type ExportKind = 'archive' | 'report';

/**
 * Reads everything (or one mole) and downloads it as the JSON archive or the printable HTML report; the report
 * states the running model's answer ranges and measured error rates when `model` is given.
 */
export async function exportFile(
  db: HistoryDb,
  kind: ExportKind,
  mole?: { id: string; name: string },
  model?: ReportModel,
): Promise<Result<void>> {
  const read = await readHistory(db, mole?.id);
  if (!read.ok) return read;
  const now = new Date();
  const base = `naevus-${mole ? fileSlug(mole.name) : 'all-moles'}-${dateStamp(now)}`;
  if (kind === 'archive') {
    downloadBlob(await archiveToBlob(read.value, now), `${base}.json`);
  } else {
    const html = await buildReport(read.value, now, model);
    downloadBlob(new Blob([html], { type: 'text/html' }), `${base}-report.html`);
  }
  return { ok: true, value: undefined };
}
