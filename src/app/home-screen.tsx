import { PhotoPicker } from '../features/capture/photo-picker';

interface HomeScreenProps {
  onFile: (file: File) => void;
  onTakePhoto?: () => void;
  onModelCard: () => void;
  dragging: boolean;
}

/** What the app does and does not do, and the two ways to give it a photo. */
export function HomeScreen({ onFile, onTakePhoto, onModelCard, dragging }: HomeScreenProps) {
  return (
    <div className={`home${dragging ? ' home--dragging' : ''}`}>
      <section className="home__intro" aria-labelledby="home-what">
        <h2 id="home-what">Check a mole with your phone</h2>
        <p>
          Take or choose a close-up photo of one mole. The app looks at it <strong>on this device</strong> —
          the photo is never uploaded — and tells you whether the mole looks like one a doctor should see.
        </p>
      </section>
      <PhotoPicker onFile={onFile} onTakePhoto={onTakePhoto} />
      <p className="home__drop-hint">You can also drop or paste a photo here.</p>
      <section className="home__limits" aria-labelledby="home-not">
        <h2 id="home-not">What it is not</h2>
        <ul>
          <li>
            It is a <strong>screening aid, not a diagnosis</strong>. It can miss a dangerous mole and can
            worry you about a harmless one.
          </li>
          <li>
            It learned from <strong>dermoscopic images</strong> (taken through a skin microscope). Ordinary
            phone photos without a dermatoscope look different, so its answers on them are less reliable.
          </li>
          <li>If a mole changes, bleeds, itches or worries you, see a doctor whatever the app says.</li>
        </ul>
        <button type="button" className="link-button" onClick={onModelCard}>
          How the model was made and tested
        </button>
      </section>
    </div>
  );
}
