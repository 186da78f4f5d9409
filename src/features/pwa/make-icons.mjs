/* global URL, console */
// Draws the app icons (PNG) with plain arithmetic: a skin-coloured disc with a brown mole on the theme teal.
// Run once after a design change: `node src/features/pwa/make-icons.mjs`; the PNGs in public/icons are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const TEAL = [0x1f, 0x4e, 0x5f];
const SKIN = [0xf1, 0xd3, 0xb8];
const MOLE = [0x5a, 0x34, 0x20];
const RING = [0xff, 0xff, 0xff];

/** Coverage of a disc of radius r at pixel (x, y), supersampled 4×4 for smooth edges. */
function coverage(x, y, cx, cy, r) {
  let inside = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      const dx = x + (i + 0.5) / 4 - cx;
      const dy = y + (j + 0.5) / 4 - cy;
      if (dx * dx + dy * dy <= r * r) inside++;
    }
  return inside / 16;
}

function icon(size, { scale, rounded }) {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  const corner = rounded ? size * 0.22 : 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // Rounded-square background for "any"; full bleed for "maskable" (the launcher applies its own mask).
      const qx = Math.max(corner - x - 0.5, x + 0.5 - (size - corner), 0);
      const qy = Math.max(corner - y - 0.5, y + 0.5 - (size - corner), 0);
      const alpha = corner ? Math.max(0, Math.min(1, corner - Math.hypot(qx, qy) + 0.5)) : 1;
      let colour = TEAL;
      const layers = [
        [RING, 0.36 * scale],
        [SKIN, 0.33 * scale],
        [MOLE, 0.12 * scale],
      ];
      for (const [paint, radius] of layers) {
        const k = coverage(x, y, c, c, radius * size);
        colour = colour.map((v, i) => v * (1 - k) + paint[i] * k);
      }
      const o = (y * size + x) * 4;
      png.data[o] = Math.round(colour[0]);
      png.data[o + 1] = Math.round(colour[1]);
      png.data[o + 2] = Math.round(colour[2]);
      png.data[o + 3] = Math.round(alpha * 255);
    }
  return PNG.sync.write(png);
}

const out = new URL('../../../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), icon(192, { scale: 1, rounded: true }));
writeFileSync(new URL('icon-512.png', out), icon(512, { scale: 1, rounded: true }));
// Maskable: the motif stays inside the central 80% safe zone.
writeFileSync(new URL('maskable-512.png', out), icon(512, { scale: 0.8, rounded: false }));
console.log('Wrote public/icons/{icon-192,icon-512,maskable-512}.png');
