import { analysedCropPixels } from '../features/history/store/analysed-crop';
import { MyMolesEntry as HistoryEntry } from '../features/history/ui/my-moles-entry';
import { MyMolesScreen as HistoryScreen } from '../features/history/ui/my-moles-screen';
import { SaveCheckAction as HistorySaveAction } from '../features/history/ui/save-check-action';
import type { ModelMetadata } from '../shared/model/model-metadata';
import type { AnalysedCheck } from './analysed-check';

interface SaveProps {
  check: AnalysedCheck;
  /** The model's input side (metadata.input.size): the saved crop is exactly what the model saw. */
  inputSize: number;
  onOpenMyMoles: () => void;
}

/** The "Save to my moles" action on the result screen: hands the finished check to the history feature. */
export function SaveCheckAction({ check, inputSize, onOpenMyMoles }: SaveProps) {
  return (
    <HistorySaveAction
      makeDraft={() => ({
        photo: check.image,
        crop: analysedCropPixels(check.image, check.crop, inputSize),
        takenAt: check.checkedAt,
        riskLevel: check.level,
        probability: check.result.probability,
        guard: check.result.guard,
        modelVersion: check.modelVersion,
        inconclusiveBand: check.inconclusiveBand,
      })}
      onOpenMyMoles={onOpenMyMoles}
    />
  );
}

/**
 * The "My moles" screen (screen name 'my-moles'); the app's header provides the way back. The loaded model's
 * metadata lets saved checks read as the result screen showed them and the report give measured figures.
 */
export function MyMolesScreen({ model }: { onBack: () => void; model: ModelMetadata | undefined }) {
  return <HistoryScreen model={model} />;
}

/** The home screen's entry to "My moles", with re-checks that are due. */
export function MyMolesEntry({ onOpen }: { onOpen: () => void }) {
  return <HistoryEntry onOpen={onOpen} />;
}
