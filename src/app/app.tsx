import { useEffect, useRef } from 'react';
import { CropPreview } from '../components/crop-preview';
import { ErrorMessage } from '../components/error-message';
import { ScreenHeader } from '../components/screen-header';
import { ModelStatus } from '../features/analysis/model-status';
import { ResultView } from '../features/analysis/result-view';
import { CameraView } from '../features/capture/camera-view';
import { FrameView } from '../features/capture/frame-view';
import { useDropAndPaste } from '../features/capture/use-drop-and-paste';
import { ModelCardView } from '../features/model-card/model-card-view';
import { OfflineBadge, OfflineReadyToast, UpdatePrompt } from '../features/pwa/pwa-notices';
import { useServiceWorker } from '../features/pwa/use-service-worker';
import { MODEL_BASE_URL } from './analysis-service';
import { HomeScreen } from './home-screen';
import { MyMolesEntry, MyMolesScreen, SaveCheckAction } from './history-slot';
import { SCREEN_TITLES, type ScreenName } from './screens';
import { useModel } from './use-model';
import { usePhotoFlow } from './use-photo-flow';
import { useScreen } from './use-screen';
import './app.css';

const hasCamera = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

export function App() {
  const [screen, navigate] = useScreen();
  const model = useModel();
  const flow = usePhotoFlow(navigate, model.adopt);
  const sw = useServiceWorker(`${MODEL_BASE_URL}model.json`, model.state !== 'loading');
  const dragging = useDropAndPaste(flow.openFile, screen === 'home' || screen === 'frame');
  const home = () => navigate('home');
  // Where the model card opens: at its top from home, at "How well it did" from either of a result's links to it.
  const cardStart = useRef<'top' | 'results'>('top');
  const openModelCard = (start: 'top' | 'results') => {
    cardStart.current = start;
    navigate('model-card');
  };

  useEffect(() => {
    // Move focus to the new screen's heading so keyboard and screen-reader users start at the top (focusing
    // scrolls it into view), or to the model card's results when that is what was asked for.
    const target = screen === 'model-card' && cardStart.current === 'results' ? '#mc-metrics' : 'main h1';
    document.querySelector<HTMLElement>(target)?.focus();
  }, [screen]);

  const { cancel, clearError } = flow;
  useEffect(() => {
    // A message belongs to the screen it was raised on: leaving that screen dismisses it.
    clearError();
  }, [screen, clearError]);

  useEffect(() => {
    // Back on home (or off to the camera) mid-analysis: the old photo's result must not pop up later.
    if (screen === 'home' || screen === 'camera') cancel();
  }, [screen, cancel]);

  // A screen whose data is gone (e.g. the back button after a reload) falls back to home.
  const shown: ScreenName =
    (screen === 'frame' && !flow.photo) ||
    (screen === 'result' && !flow.check) ||
    (screen === 'model-card' && !model.model)
      ? 'home'
      : screen;

  if (shown === 'camera') {
    return (
      <main className="app app--camera">
        <h1 className="visually-hidden" tabIndex={-1}>
          {SCREEN_TITLES.camera}
        </h1>
        <CameraView
          onCapture={(image, crop) => void flow.openCapture(image, crop)}
          onFile={flow.openFile}
          onClose={() => history.back()}
        />
      </main>
    );
  }

  return (
    <div className="app">
      <main className="app__main">
        {shown === 'home' ? (
          <header className="app__header">
            <h1 tabIndex={-1}>Naevus</h1>
            <p className="app__tagline">A mole check that stays on your phone</p>
          </header>
        ) : (
          <ScreenHeader title={SCREEN_TITLES[shown]} onBack={() => history.back()} />
        )}

        <div className="app__status">
          {/* After "Reload" the page is about to restart with the new version: not ready until it has. */}
          <ModelStatus state={sw.updating ? 'loading' : model.state} backend={model.model?.backend} />
          <OfflineBadge ready={sw.offlineReady} />
        </div>

        {flow.error && <ErrorMessage message={flow.error} onDismiss={flow.clearError} />}

        {shown === 'home' && (
          <HomeScreen
            onFile={flow.openFile}
            onTakePhoto={hasCamera ? () => navigate('camera') : undefined}
            onModelCard={() => openModelCard('top')}
            dragging={dragging}
          />
        )}
        {shown === 'home' && <MyMolesEntry onOpen={() => navigate('my-moles')} />}
        {shown === 'frame' && flow.photo && (
          <FrameView
            image={flow.photo.image}
            preview={flow.photo.preview}
            crop={flow.photo.crop}
            startCrop={flow.photo.startCrop}
            onCropChange={flow.setCrop}
            onAnalyse={() => void flow.analyse()}
            busy={flow.busy}
          />
        )}
        {shown === 'result' && flow.check && model.model && (
          <ResultView
            result={flow.check.result}
            metadata={model.model.metadata}
            preview={
              <CropPreview
                preview={flow.check.preview}
                imageWidth={flow.check.image.width}
                crop={flow.check.crop}
                size={112}
              />
            }
            actions={
              <SaveCheckAction
                check={flow.check}
                inputSize={model.model.metadata.input.size}
                onOpenMyMoles={() => navigate('my-moles')}
              />
            }
            onRetake={home}
            onModelCard={() => openModelCard('results')}
          />
        )}
        {shown === 'model-card' && model.model && (
          <ModelCardView
            metadata={model.model.metadata}
            backend={flow.check?.result.backend ?? model.model.backend}
          />
        )}
        {shown === 'my-moles' && <MyMolesScreen onBack={home} model={model.model?.metadata} />}
      </main>
      <div className="app__toasts">
        <OfflineReadyToast show={sw.justBecameReady} />
        <UpdatePrompt show={sw.needRefresh} onReload={sw.reload} onLater={sw.dismissUpdate} />
      </div>
    </div>
  );
}
