import { useEffect, useState } from 'react';

export interface CameraState {
  stream: MediaStream | null;
  error: unknown;
  /** Video inputs, known once permission is granted (labels and ids are hidden before). */
  cameras: MediaDeviceInfo[];
}

/** Opens the rear camera (or `deviceId`), and stops every track when the screen closes or the camera changes. */
export function useCamera(deviceId: string | null): CameraState {
  const [state, setState] = useState<CameraState>({ stream: null, error: null, cameras: [] });

  useEffect(() => {
    let live = true;
    let opened: MediaStream | null = null;
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) return;
    const video: MediaTrackConstraints = deviceId
      ? { deviceId: { exact: deviceId } }
      : { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } };
    media
      .getUserMedia({ video, audio: false })
      .then(async (stream) => {
        opened = stream;
        if (!live) return stream.getTracks().forEach((t) => t.stop());
        const cameras = (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput');
        if (live) setState({ stream, error: null, cameras });
      })
      .catch((error: unknown) => {
        if (live) setState({ stream: null, error, cameras: [] });
      });
    return () => {
      live = false;
      opened?.getTracks().forEach((t) => t.stop());
    };
  }, [deviceId]);

  // Without the camera API (old browsers, plain http://) there is nothing to open.
  if (!navigator.mediaDevices?.getUserMedia) {
    return { stream: null, error: new DOMException('No camera API', 'Unsupported'), cameras: [] };
  }
  return state;
}
