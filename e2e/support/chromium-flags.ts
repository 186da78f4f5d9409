/**
 * How Debian's Chromium is launched by the e2e suite and the benchmark. Without the background-networking flags
 * Chromium keeps trying hosts this machine cannot reach.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const quietChromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Chromium has no GPU here; WebGL exists only on SwiftShader, which must be allowed explicitly. */
export const softwareWebglArgs = ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'];
