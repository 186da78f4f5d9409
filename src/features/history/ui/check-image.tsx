import { useBlobImage } from './use-blob-image';

/** A stored photo or crop. `size` fixes the displayed box so two checks compare at the same scale. */
export function CheckImage({
  blob,
  alt,
  size,
  testId,
}: {
  blob: Blob;
  alt: string;
  size: number;
  testId?: string;
}) {
  const ref = useBlobImage(blob);
  return (
    <span className="history-image" style={{ width: size, height: size }}>
      <img ref={ref} alt={alt} width={size} height={size} data-testid={testId} />
    </span>
  );
}
