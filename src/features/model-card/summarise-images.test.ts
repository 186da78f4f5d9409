import { describe, expect, it } from 'vitest';
import { summariseImages } from './summarise-images';

describe('summariseImages', () => {
  it('gives one line per split with its classes, and skips the grand total', () => {
    expect(
      summariseImages({
        'train/dangerous': 440,
        train: 880,
        'train/not_dangerous': 440,
        test: 126,
        total: 1006,
      }),
    ).toEqual(['train: 880 images (440 dangerous, 440 not dangerous)', 'test: 126 images']);
  });
});
