/**
 * metadata.training.images holds flat counts like {"train": 880, "train/dangerous": 440, …, "total": 1258};
 * turn them into one readable line per split, e.g. "train: 880 images (440 dangerous, 440 not dangerous)".
 */
export function summariseImages(images: Record<string, number>): string[] {
  return splitsOf(images).map(({ split, count, classes }) => {
    const parts = classes.map(([name, n]) => `${n.toLocaleString('en')} ${name.replace(/_/g, ' ')}`);
    const total = `${split}: ${count.toLocaleString('en')} images`;
    return parts.length > 0 ? `${total} (${parts.join(', ')})` : total;
  });
}

// Plain words for the splits and classes the pipeline writes; other names are shown as they are.
const SPLIT_PURPOSE: Record<string, string> = {
  train: 'to learn from',
  valid: 'to choose its settings and where its answers change',
  test: 'kept apart and used once, after every choice was made, to measure the results below',
};
const CLASS_NAME: Record<string, string> = { dangerous: 'needed a doctor', not_dangerous: 'harmless' };

/** The same counts for a reader who is no developer: "880 photos to learn from (440 needed a doctor, …)". */
export function describeImagesPlainly(images: Record<string, number>): string[] {
  return splitsOf(images).map(({ split, count, classes }) => {
    const purpose = SPLIT_PURPOSE[split] ?? `in the “${split}” set`;
    const parts = classes.map(
      ([name, n]) => `${n.toLocaleString('en')} ${CLASS_NAME[name] ?? name.replace(/_/g, ' ')}`,
    );
    const total = `${count.toLocaleString('en')} photos ${purpose}`;
    return parts.length > 0 ? `${total} (${parts.join(', ')})` : total;
  });
}

interface Split {
  split: string;
  count: number;
  classes: Array<[string, number]>;
}

function splitsOf(images: Record<string, number>): Split[] {
  const splits = Object.keys(images).filter((key) => !key.includes('/') && key !== 'total');
  return splits.map((split) => ({
    split,
    count: images[split]!,
    classes: Object.entries(images)
      .filter(([key]) => key.startsWith(`${split}/`))
      .map(([key, n]): [string, number] => [key.slice(split.length + 1), n]),
  }));
}
