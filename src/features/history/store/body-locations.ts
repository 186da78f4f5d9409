/**
 * Body regions a mole can be placed in, with their outline shapes on a 100×220 front/back figure.
 * The ids are stored, so never rename one; add new ones instead.
 */
export type BodySide = 'front' | 'back';

export interface BodyRegion {
  id: string;
  label: string;
  side: BodySide;
  /** SVG rectangle in the figure's 100×220 coordinate space: [x, y, width, height]. */
  box: [number, number, number, number];
}

const both = (suffix: string, label: string, box: BodyRegion['box']): BodyRegion[] => [
  { id: `front-${suffix}`, label, side: 'front', box },
  { id: `back-${suffix}`, label, side: 'back', box },
];

// Left/right are the person's own sides. On the front view their left is on the viewer's right.
export const BODY_REGIONS: readonly BodyRegion[] = [
  ...both('head', 'Head and neck', [38, 2, 24, 30]),
  { id: 'front-chest-right', label: 'Right chest', side: 'front', box: [30, 34, 20, 30] },
  { id: 'front-chest-left', label: 'Left chest', side: 'front', box: [50, 34, 20, 30] },
  { id: 'front-abdomen', label: 'Abdomen', side: 'front', box: [30, 64, 40, 36] },
  { id: 'back-upper-left', label: 'Upper back, left', side: 'back', box: [30, 34, 20, 30] },
  { id: 'back-upper-right', label: 'Upper back, right', side: 'back', box: [50, 34, 20, 30] },
  { id: 'back-lower', label: 'Lower back', side: 'back', box: [30, 64, 40, 36] },
  { id: 'front-arm-right', label: 'Right arm', side: 'front', box: [12, 34, 17, 70] },
  { id: 'front-arm-left', label: 'Left arm', side: 'front', box: [71, 34, 17, 70] },
  { id: 'back-arm-left', label: 'Left arm', side: 'back', box: [12, 34, 17, 70] },
  { id: 'back-arm-right', label: 'Right arm', side: 'back', box: [71, 34, 17, 70] },
  { id: 'front-leg-right', label: 'Right leg', side: 'front', box: [30, 102, 19, 110] },
  { id: 'front-leg-left', label: 'Left leg', side: 'front', box: [51, 102, 19, 110] },
  { id: 'back-leg-left', label: 'Left leg', side: 'back', box: [30, 102, 19, 110] },
  { id: 'back-leg-right', label: 'Right leg', side: 'back', box: [51, 102, 19, 110] },
];

export function bodyLocationLabel(id: string): string {
  const region = BODY_REGIONS.find((r) => r.id === id);
  if (!region) return id;
  return `${region.label}, ${region.side === 'front' ? 'front' : 'back'}`;
}
