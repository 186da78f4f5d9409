/** A file that cannot become pixels, with a reason plain enough to list in a report. */
export class UnreadableImageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableImageError';
  }
}
