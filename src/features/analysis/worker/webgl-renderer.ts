/** Renderers that draw WebGL on the CPU: there the wasm backend is several times faster than "WebGL". */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/**
 * True when this browser's WebGL is a software rasteriser (headless Chromium, blocklisted GPUs, some VMs).
 * Measured here: tfjs WebGL on SwiftShader takes ~550 ms per image against ~70 ms for wasm with SIMD.
 */
export function hasSoftwareWebgl(): boolean {
  if (typeof OffscreenCanvas === 'undefined') return false;
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // Free it now rather than at garbage collection.
    return SOFTWARE_RENDERER.test(renderer);
  } catch {
    return false;
  }
}
