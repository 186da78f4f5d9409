import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackendName, ModelReady, Outcome } from './analysis-types';
import { createAnalysisClient, type WorkerPort } from './analysis-client';
import { backendOverride } from './backend-override';

/** localStorage stand-in: a Map behind the two methods the app uses. */
function fakeStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

/** A worker that starts on `lands` whatever it is asked, and records what it was asked to prefer. */
function fakeWorker(lands: BackendName) {
  const preferred: (BackendName | undefined)[] = [];
  const port = {
    init: async (_url: string, prefer?: BackendName): Promise<Outcome<ModelReady>> => {
      preferred.push(prefer);
      return { ok: true, value: { backend: lands, loadMs: 1 } as ModelReady };
    },
  } as unknown as WorkerPort;
  return { port, preferred };
}

function visit(storage: ReturnType<typeof fakeStorage>, lands: BackendName, search = '') {
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('location', { search });
  const worker = fakeWorker(lands);
  return { client: createAnalysisClient(worker.port, { modelBaseUrl: '/model/' }), worker };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the backend choice across visits', () => {
  it('remembers the backend the worker settled on and asks for it first on the next visit', async () => {
    const storage = fakeStorage();
    const first = visit(storage, 'wasm');
    await first.client.init();
    expect(first.worker.preferred).toEqual([undefined]);

    const second = visit(storage, 'wasm');
    await second.client.init();
    expect(second.worker.preferred).toEqual(['wasm']);
  });

  it('puts ?backend= first for this visit without replacing the remembered choice', async () => {
    const storage = fakeStorage();
    await visit(storage, 'wasm').client.init();

    const forced = visit(storage, 'cpu', '?backend=cpu');
    await forced.client.init();
    expect(forced.worker.preferred).toEqual(['cpu']);

    const after = visit(storage, 'wasm');
    await after.client.init();
    expect(after.worker.preferred).toEqual(['wasm']);
  });
});

describe('backendOverride', () => {
  it('accepts the three backend names and ignores anything else', () => {
    expect(backendOverride('?backend=webgl')).toBe('webgl');
    expect(backendOverride('?x=1&backend=wasm')).toBe('wasm');
    expect(backendOverride('?backend=gpu')).toBeUndefined();
    expect(backendOverride('')).toBeUndefined();
  });
});
