import type { RgbaImage } from '../../../shared/preprocess/rgba-image';

/**
 * The most recent decoded photo(s), by id, so the page can analyse (and re-frame and analyse again) without
 * sending megapixels back. Older ones are dropped; the page then sends the pixels itself.
 */
export class DecodedImages {
  private readonly images = new Map<number, RgbaImage>();
  private nextId = 1;

  constructor(private readonly keep = 1) {}

  add(image: RgbaImage): number {
    const id = this.nextId++;
    this.images.set(id, image);
    for (const old of this.images.keys()) {
      if (this.images.size <= this.keep) break;
      this.images.delete(old);
    }
    return id;
  }

  get(id: number): RgbaImage | undefined {
    return this.images.get(id);
  }
}
