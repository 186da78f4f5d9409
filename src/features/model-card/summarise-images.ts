/**
 * metadata.training.images holds flat counts like {"train": 880, "train/dangerous": 440, …, "total": 1258};
 * turn them into one readable line per split, e.g. "train: 880 images (440 dangerous, 440 not dangerous)".
 */
export function summariseImages(images: Record<string, number>): string[] {
  const splits = Object.keys(images).filter((key) => !key.includes('/') && key !== 'total');
  return splits.map((split) => {
    const parts = Object.entries(images)
      .filter(([key]) => key.startsWith(`${split}/`))
      .map(
        ([key, count]) => `${count.toLocaleString('en')} ${key.slice(split.length + 1).replace(/_/g, ' ')}`,
      );
    const total = `${split}: ${images[split]!.toLocaleString('en')} images`;
    return parts.length > 0 ? `${total} (${parts.join(', ')})` : total;
  });
}
