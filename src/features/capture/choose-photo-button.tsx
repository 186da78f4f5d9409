import { useRef, type ChangeEvent } from 'react';
import { Icon } from '../../components/icon';

interface ChoosePhotoButtonProps {
  onFile: (file: File) => void;
  label?: string;
  variant?: 'primary' | 'secondary' | 'ghost';
  /** Large for the main actions; compact for a secondary link-like action. */
  size?: 'large' | 'compact';
  /** `capture` opens the phone's camera app instead of the gallery. */
  capture?: boolean;
  testId?: string;
}

/** A big button backed by a hidden file input (the button, not the input, takes keyboard focus). */
export function ChoosePhotoButton({
  onFile,
  label = 'Choose a photo',
  variant = 'secondary',
  capture,
  testId,
  size = 'large',
}: ChoosePhotoButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // Picking the same file again must fire change again.
    if (file) onFile(file);
  };
  return (
    <>
      <button
        type="button"
        className={`button button--${variant}${size === 'large' ? ' button--large' : ''}`}
        onClick={() => input.current?.click()}
      >
        <Icon name={capture ? 'camera' : 'image'} size={size === 'large' ? 28 : 20} />
        <span>{label}</span>
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={capture ? 'image/*' : 'image/*,.bmp'}
        capture={capture ? 'environment' : undefined}
        data-testid={testId}
        aria-label={label}
        tabIndex={-1}
        onChange={picked}
      />
    </>
  );
}
