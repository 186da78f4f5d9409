import { sniffImageFormat } from '../../../shared/image-format/sniff-image-format';

export type StoredImageType = 'image/jpeg' | 'image/png';

/** JPEG or PNG by their magic bytes: the declared MIME type of a blob or a file can lie. */
export function sniffImageType(bytes: Uint8Array): StoredImageType | null {
  const format = sniffImageFormat(bytes);
  return format === 'jpeg' ? 'image/jpeg' : format === 'png' ? 'image/png' : null;
}

export async function sniffBlobType(blob: Blob): Promise<StoredImageType | null> {
  return sniffImageType(new Uint8Array(await blob.slice(0, 8).arrayBuffer()));
}
