import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { Icon } from '../../components/icon';
import type { RgbaImage, SquareCrop } from '../../shared/preprocess/rgba-image';
import { describeCameraProblem } from './camera-problem';
import { captureFrame } from './capture-frame';
import { ChoosePhotoButton } from './choose-photo-button';
import { useCamera } from './use-camera';
import './capture.css';

interface CameraViewProps {
  onCapture: (image: RgbaImage, crop: SquareCrop) => void;
  /** The fallback when there is no camera or no permission. */
  onFile: (file: File) => void;
  onClose: () => void;
}

/** Full-screen rear camera with a circular guide; tap anywhere (or press the button) to take the photo. */
export function CameraView({ onCapture, onFile, onClose }: CameraViewProps) {
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const { stream, error, cameras } = useCamera(deviceId);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
  }, [stream]);

  const capture = () => {
    const frame = video.current && captureFrame(video.current);
    if (frame) onCapture(frame.image, frame.crop);
  };

  const switchCamera = () => {
    const current = stream?.getVideoTracks()[0]?.getSettings().deviceId;
    const index = cameras.findIndex((c) => c.deviceId === current);
    setDeviceId(cameras[(index + 1) % cameras.length]?.deviceId ?? null);
  };

  if (error) {
    return (
      <div className="camera camera--failed" data-testid="camera-error">
        <ErrorMessage message={describeCameraProblem(error)} />
        <ChoosePhotoButton onFile={onFile} variant="primary" testId="camera-fallback-file-input" />
        <button type="button" className="button button--ghost" onClick={onClose}>
          <Icon name="back" />
          <span>Back</span>
        </button>
      </div>
    );
  }

  return (
    <div className="camera">
      <video ref={video} className="camera__video" autoPlay playsInline muted onClick={capture} />
      <div className="camera__guide" aria-hidden="true" />
      <div className="camera__top">
        <p className="camera__hint" role="status">
          {stream ? 'Fill the circle with the mole, hold still, then tap.' : 'Starting the camera…'}
        </p>
        {/* The phone's own camera app often focuses closer and sharper than the browser's camera. */}
        <div className="camera__alternative">
          <ChoosePhotoButton
            onFile={onFile}
            label="Use the camera app"
            variant="ghost"
            size="compact"
            capture
          />
        </div>
      </div>
      <div className="camera__controls">
        <button type="button" className="button button--ghost button--on-dark" onClick={onClose}>
          <Icon name="back" />
          <span>Back</span>
        </button>
        <button
          type="button"
          className="camera__shutter"
          onClick={capture}
          disabled={!stream}
          data-testid="capture"
        >
          <span className="visually-hidden">Take the photo</span>
        </button>
        {cameras.length > 1 ? (
          <button type="button" className="button button--ghost button--on-dark" onClick={switchCamera}>
            <Icon name="switch" />
            <span>Switch camera</span>
          </button>
        ) : (
          <span className="camera__spacer" />
        )}
      </div>
    </div>
  );
}
