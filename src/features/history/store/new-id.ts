/** Random ids keep records from two devices or two imports from colliding. */
export function newId(): string {
  return crypto.randomUUID();
}
