import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// Cross-origin isolation lets the wasm backend use threads (SharedArrayBuffer). Everything the app loads is
// same-origin, so require-corp costs nothing.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The photo never leaves the device: no remote scripts, styles, fonts or connections. Injected only into the
// built page because the dev server needs inline scripts for hot reload.
// 'wasm-unsafe-eval' compiles the tfjs wasm backend.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob: data:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function cspMetaTag(): Plugin {
  return {
    name: 'naevus-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const MiB = 1024 * 1024;

export default defineConfig({
  base: '/',
  plugins: [
    react(),
    cspMetaTag(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/features/pwa',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        id: '/',
        lang: 'en',
        categories: ['health', 'medical'],
        name: 'Naevus — mole check',
        short_name: 'Naevus',
        description:
          'A screening aid that looks at a close-up photo of a mole on your device. Not a diagnosis.',
        theme_color: '#1f4e5f',
        background_color: '#f7f5f2',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The app shell, the wasm binaries and every model file, so the app works offline after one visit.
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest,wasm}', 'model/*.json', 'model/*.bin'],
        // Weight shards are ~4 MiB each and the threaded wasm binary is ~0.5 MiB; the default 2 MiB limit
        // would silently drop shards from the precache.
        maximumFileSizeToCacheInBytes: 32 * MiB,
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
