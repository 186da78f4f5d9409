import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelMetadata } from '../../../src/shared/model/model-metadata';
import type { WrittenGraphModel } from '../graph-model/write-graph-model';

const SHARD = /^group\d+-shard\d+of\d+\.bin$/;

/**
 * Puts the chosen variant (model.json + shards) and metadata.json into `out`. Stale shards are removed first so
 * the folder holds exactly one model; nothing else is written there (reports go to the run folder).
 */
export function writeModelDir(variant: WrittenGraphModel, metadata: ModelMetadata, out: string): string[] {
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (SHARD.test(f)) rmSync(join(out, f));
  for (const f of variant.files) copyFileSync(join(variant.dir, f), join(out, f));
  writeMetadata(metadata, out);
  return [...variant.files, 'metadata.json'];
}

/** Indented for people, but number arrays (the guard's 17 × 1280 values) on one line each: half the bytes. */
export function metadataJson(metadata: ModelMetadata): string {
  const text = JSON.stringify(metadata, null, 2).replace(/\[(\s*-?[\d.e+-]+,?)+\s*\]/g, (list) =>
    list.replace(/\s+/g, ''),
  );
  return `${text}\n`;
}

export function writeMetadata(metadata: ModelMetadata, out: string): void {
  writeFileSync(join(out, 'metadata.json'), metadataJson(metadata));
}
