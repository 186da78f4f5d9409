export type StoredImageType = 'image/jpeg' | 'image/png';

/** Identifies JPEG and PNG by their magic bytes: the declared MIME type of a blob or a file can lie. */
export function sniffImageType(bytes: Uint8Array): StoredImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((byte, i) => bytes[i] === byte)) return 'image/png';
  return null;
}

export async function sniffBlobType(blob: Blob): Promise<StoredImageType | null> {
  return sniffImageType(new Uint8Array(await blob.slice(0, 8).arrayBuffer()));
}
