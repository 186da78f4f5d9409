import { describe, expect, it } from 'vitest';
import { describeImagesPlainly, summariseImages } from './summarise-images';

const images = {
  'train/dangerous': 440,
  train: 880,
  'train/not_dangerous': 440,
  test: 126,
  total: 1006,
};

describe('summariseImages', () => {
  it('gives one line per split with its classes, and skips the grand total', () => {
    expect(summariseImages(images)).toEqual([
      'train: 880 images (440 dangerous, 440 not dangerous)',
      'test: 126 images',
    ]);
  });
});

describe('describeImagesPlainly', () => {
  it('names what each split was for and the classes in everyday words', () => {
    expect(describeImagesPlainly(images)).toEqual([
      '880 photos to learn from (440 needed a doctor, 440 harmless)',
      '126 photos kept apart and used once, after every choice was made, to measure the results below',
    ]);
  });

  it('shows splits and classes it has no words for as they are named', () => {
    expect(describeImagesPlainly({ extra: 3, 'extra/odd_one': 3 })).toEqual([
      '3 photos in the “extra” set (3 odd one)',
    ]);
  });
});
