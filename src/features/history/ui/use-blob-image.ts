import { useEffect, useRef } from 'react';

/**
 * Shows a stored image blob in an <img>: the object URL is made when the image appears and revoked when it
 * goes, so browsing a long history does not pile up blob URLs.
 */
export function useBlobImage(blob: Blob | undefined) {
  const ref = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const image = ref.current;
    if (!image || !blob) return;
    const url = URL.createObjectURL(blob);
    image.src = url;
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return ref;
}
