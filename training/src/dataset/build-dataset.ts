import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ClassLabel } from '../../../src/shared/model/model-metadata';
import { assignSplits, DEFAULT_RATIOS, type SplitRatios } from './assign-splits';
import { DEFAULT_DECODE_LIMITS, decodeImage } from './decode-image';
import { refuseOversize, UnreadableImageError } from './image-error';
import { DEFAULT_LABEL_CONFIG, type LabelConfig, type SplitName } from './label-config';
import { MAX_FILE_BYTES } from './load-image';
import { probeSize } from './probe-size';
import { removeDuplicates, type DuplicateFile } from './remove-duplicates';
import { sniffFormat, type ImageFormat } from './sniff-format';
import { walkClassFolders } from './walk-class-folders';

export interface ManifestEntry {
  path: string;
  relPath: string;
  label: ClassLabel;
  split: SplitName;
  sha256: string;
  width: number;
  height: number;
  format: ImageFormat;
}

export interface SkippedFile {
  relPath: string;
  reason: string;
}

export interface DatasetReport {
  root: string;
  /** 'folders' when train/valid/test folders were used as given, else how the split was made. */
  split: 'folders' | { seed: number; ratios: SplitRatios };
  counts: Record<SplitName, Record<ClassLabel, number>>;
  formats: Partial<Record<ImageFormat, number>>;
  skipped: SkippedFile[];
  duplicates: DuplicateFile[];
  unlabelledFolders: { folder: string; files: number }[];
  /** sha256 over the sorted (split, label, content hash) lines: same images and labels ⇒ same hash anywhere. */
  dataHash: string;
}

export interface Dataset {
  manifest: ManifestEntry[];
  report: DatasetReport;
}

export interface BuildOptions {
  config?: LabelConfig;
  seed?: number;
  ratios?: SplitRatios;
  /** Decode every image to prove it is readable (slower); otherwise only its header is checked. */
  verify?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Folder of class folders → manifest + report. One bad file is a report line, never a crash. */
export async function buildDataset(root: string, options: BuildOptions = {}): Promise<Dataset> {
  const config = options.config ?? DEFAULT_LABEL_CONFIG;
  const seed = options.seed ?? 1;
  const ratios = options.ratios ?? DEFAULT_RATIOS;
  const walk = walkClassFolders(root, config);
  const skipped: SkippedFile[] = [
    ...walk.skippedFolders,
    ...walk.unlabelled.flatMap(({ folder, files }) =>
      files.map((relPath) => ({ relPath, reason: `not in a known class folder ("${folder}")` })),
    ),
  ];

  type Readable = Omit<ManifestEntry, 'split'> & { split: SplitName | null };
  const readable: Readable[] = [];
  let done = 0;
  for (const file of walk.files) {
    try {
      const size = (await stat(file.path)).size;
      if (size === 0) throw new UnreadableImageError('empty file');
      if (size > MAX_FILE_BYTES)
        throw new UnreadableImageError(`file too large (${(size / 2 ** 20).toFixed(0)} MiB)`);
      const bytes = await readFile(file.path);
      const sniffed = sniffFormat(bytes);
      if (sniffed.format === null) throw new UnreadableImageError(sniffed.reason);
      const dims = options.verify
        ? await decodeImage(bytes, DEFAULT_DECODE_LIMITS)
        : probeSize(sniffed.format, bytes);
      if (!dims || dims.width <= 0 || dims.height <= 0) {
        throw new UnreadableImageError(`damaged ${sniffed.format.toUpperCase()} header`);
      }
      refuseOversize(dims.width, dims.height, DEFAULT_DECODE_LIMITS.maxPixels);
      readable.push({
        ...file,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        width: dims.width,
        height: dims.height,
        format: sniffed.format,
      });
    } catch (error) {
      skipped.push({ relPath: file.relPath, reason: plainReason(error) });
    }
    options.onProgress?.(++done, walk.files.length);
  }

  const { kept, duplicates } = removeDuplicates(readable);
  const splitOf = walk.presplit ? null : assignSplits(kept, seed, ratios);
  const manifest: ManifestEntry[] = [];
  for (const item of kept) {
    const split = splitOf ? splitOf.get(item)! : item.split;
    // Under a train/valid/test root every labelled file has a split; this guards a future walker change.
    if (split === null) continue;
    manifest.push({ ...item, split });
  }
  manifest.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));

  const counts: DatasetReport['counts'] = {
    train: { dangerous: 0, not_dangerous: 0 },
    valid: { dangerous: 0, not_dangerous: 0 },
    test: { dangerous: 0, not_dangerous: 0 },
  };
  const formats: DatasetReport['formats'] = {};
  for (const m of manifest) {
    counts[m.split][m.label]++;
    formats[m.format] = (formats[m.format] ?? 0) + 1;
  }
  const lines = manifest.map((m) => `${m.split}\t${m.label}\t${m.sha256}\n`).sort();
  const dataHash = createHash('sha256').update(lines.join('')).digest('hex');

  return {
    manifest,
    report: {
      root,
      split: walk.presplit ? 'folders' : { seed, ratios },
      counts,
      formats,
      skipped: skipped.sort((a, b) => (a.relPath < b.relPath ? -1 : 1)),
      duplicates,
      unlabelledFolders: walk.unlabelled.map(({ folder, files }) => ({ folder, files: files.length })),
      dataHash,
    },
  };
}

function plainReason(error: unknown): string {
  if (error instanceof UnreadableImageError) return error.message;
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'could not read file: it does not exist (a broken link?)';
  if (code === 'EACCES' || code === 'EPERM') return 'could not read file: permission denied';
  return `could not read file (${error instanceof Error ? error.message : String(error)})`;
}
