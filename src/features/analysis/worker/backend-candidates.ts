import { BACKEND_ORDER, type BackendName } from '../analysis-types';

/**
 * The order to try backends in: a remembered working choice first, then the rest fastest first — except that
 * software-rendered WebGL goes after wasm (still ahead of plain JavaScript, which is slower again).
 */
export function backendCandidates(
  preferred?: BackendName,
  exclude: BackendName[] = [],
  softwareWebgl = false,
): BackendName[] {
  const auto: BackendName[] = softwareWebgl ? ['wasm', 'webgl', 'cpu'] : [...BACKEND_ORDER];
  const order = preferred ? [preferred, ...auto.filter((b) => b !== preferred)] : auto;
  return order.filter((b) => !exclude.includes(b));
}
