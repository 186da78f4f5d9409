/**
 * Every screen of the app. The history feature (issue 4) adds its screens here ("my-moles" is reserved) and
 * renders them in app.tsx's switch.
 */
export type ScreenName = 'home' | 'camera' | 'frame' | 'result' | 'model-card' | 'my-moles';

export const SCREEN_TITLES: Record<ScreenName, string> = {
  home: 'Naevus',
  camera: 'Take a photo',
  frame: 'Frame the mole',
  result: 'Result',
  'model-card': 'About the model',
  'my-moles': 'My moles',
};
