const EXIF = 0x45786966; // "Exif"
const ORIENTATION_TAG = 0x0112;
const SHORT = 3;

/**
 * The EXIF orientation (1–8) in a JPEG APP1 segment, or 1 when it names none. Phones store the sensor's
 * landscape pixels and tag a portrait photo 6 or 8 ("turn a quarter"), so its frame header size is sideways.
 * `start` is the segment's first byte after its length field, `end` one past its last byte that was read.
 */
export function readExifOrientation(view: DataView, start: number, end: number): number {
  const fits = (offset: number, length: number) => offset + length <= end;
  // "Exif\0\0", then a TIFF header: byte order ("II" little-endian or "MM"), 42, offset of the first directory.
  if (!fits(start, 14) || view.getUint32(start) !== EXIF || view.getUint16(start + 4) !== 0) return 1;
  const tiff = start + 6;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  const directory = tiff + view.getUint32(tiff + 4, little);
  if (!fits(directory, 2)) return 1;
  const count = view.getUint16(directory, little);
  for (let i = 0; i < count; i++) {
    const entry = directory + 2 + i * 12;
    if (!fits(entry, 12)) return 1;
    if (view.getUint16(entry, little) !== ORIENTATION_TAG) continue;
    const value = view.getUint16(entry + 8, little);
    return view.getUint16(entry + 2, little) === SHORT && value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}
