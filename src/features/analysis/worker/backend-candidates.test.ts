import { describe, expect, it } from 'vitest';
import { backendCandidates } from './backend-candidates';

describe('backendCandidates', () => {
  it('tries WebGL, then wasm, then cpu by default', () => {
    expect(backendCandidates()).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('puts wasm first when WebGL is only a software rasteriser', () => {
    expect(backendCandidates(undefined, [], true)).toEqual(['wasm', 'webgl', 'cpu']);
  });

  it('tries a remembered choice first and skips backends that already failed', () => {
    expect(backendCandidates('cpu')).toEqual(['cpu', 'webgl', 'wasm']);
    expect(backendCandidates('webgl', [], true)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendCandidates('webgl', ['webgl'])).toEqual(['wasm', 'cpu']);
  });
});
