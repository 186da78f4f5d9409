import { Icon } from '../../components/icon';
import { ChoosePhotoButton } from './choose-photo-button';

interface PhotoPickerProps {
  onFile: (file: File) => void;
  /** Opens the in-app camera; when absent (no camera API), *Take a photo* opens the phone's camera app. */
  onTakePhoto?: (() => void) | undefined;
}

/** The two big actions on the home screen. *Choose a photo* is the file input with data-testid="file-input". */
export function PhotoPicker({ onFile, onTakePhoto }: PhotoPickerProps) {
  return (
    <div className="picker">
      {onTakePhoto ? (
        <button type="button" className="button button--primary button--large" onClick={onTakePhoto}>
          <Icon name="camera" size={28} />
          <span>Take a photo</span>
        </button>
      ) : (
        <ChoosePhotoButton onFile={onFile} label="Take a photo" variant="primary" capture />
      )}
      <ChoosePhotoButton onFile={onFile} testId="file-input" />
    </div>
  );
}
