import type { AnalysisResult } from '../features/analysis/analysis-types';
import type { RiskLevel } from '../shared/model/risk-level';
import type { RgbaImage, SquareCrop } from '../shared/preprocess/rgba-image';

/** Everything known about one finished check: what the history feature saves. */
export interface AnalysedCheck {
  image: RgbaImage;
  /** The photo scaled down for the screen. */
  preview: ImageBitmap;
  crop: SquareCrop;
  result: AnalysisResult;
  level: RiskLevel;
  modelVersion: string;
  /** The band `level` was decided with (metadata `inconclusiveBand`), kept so the saved number never changes. */
  inconclusiveBand: readonly [number, number];
  checkedAt: Date;
}
