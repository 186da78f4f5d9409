import { afterEach, describe, expect, it, vi } from 'vitest';
import { UNKNOWN_IMAGE, type AnalysisResult, type ModelReady, type Outcome } from './analysis-types';
import { createAnalysisClient, type WorkerPort } from './analysis-client';
import { isAbortError } from './serial-queue';

/** A fake worker whose analyses finish only when the test says so, recording what actually ran. */
function fakeWorker() {
  const started: number[] = [];
  const finish: Array<() => void> = [];
  let inits = 0;
  const result = (id: number): Outcome<AnalysisResult> => ({
    ok: true,
    value: {
      logit: id,
      probability: id / 10,
      features: new Float32Array(4),
      guard: { verdict: 'accept', problems: [], reasons: [] },
      backend: 'cpu',
      ms: 1,
    },
  });
  const port: WorkerPort = {
    init: async () => {
      inits++;
      return { ok: true, value: { backend: 'cpu', loadMs: 1 } as ModelReady };
    },
    decode: async () => ({ ok: false, problem: 'not-an-image' }),
    analyse: (request) => {
      const id = request.crop.x;
      started.push(id);
      return new Promise((resolve) => finish.push(() => resolve(result(id))));
    },
    memory: async () => 0,
    loseWebglContext: async () => false,
  };
  return { port, started, finish, inits: () => inits };
}

const request = (id: number) => ({
  image: { width: 1, height: 1, data: new Uint8ClampedArray(4) },
  crop: { x: id, y: 0, size: 1 },
});
const settle = () => new Promise((r) => setTimeout(r, 0));
const result: AnalysisResult = {
  logit: 0,
  probability: 0.5,
  features: new Float32Array(4),
  guard: { verdict: 'accept', problems: [], reasons: [] },
  backend: 'cpu',
  ms: 1,
};

afterEach(() => vi.unstubAllGlobals());

describe('analysis client', () => {
  it('runs one analysis at a time, in order', async () => {
    const fake = fakeWorker();
    const client = createAnalysisClient(fake.port, { modelBaseUrl: '/model/' });
    const first = client.analyse(request(1));
    const second = client.analyse(request(2));
    await settle();
    expect(fake.started).toEqual([1]);
    fake.finish[0]!();
    await expect(first).resolves.toMatchObject({ ok: true, value: { logit: 1 } });
    await settle();
    expect(fake.started).toEqual([1, 2]);
    fake.finish[1]!();
    await expect(second).resolves.toMatchObject({ ok: true, value: { logit: 2 } });
    expect(fake.inits()).toBe(1);
  });

  it('drops a queued analysis whose photo was replaced before it started', async () => {
    const fake = fakeWorker();
    const client = createAnalysisClient(fake.port, { modelBaseUrl: '/model/' });
    const running = client.analyse(request(1));
    const older = new AbortController();
    const stale = client.analyse(request(2), older.signal);
    const newest = client.analyse(request(3));
    await settle();
    older.abort();
    await expect(stale).rejects.toSatisfy(isAbortError);
    fake.finish[0]!();
    await running;
    await settle();
    expect(fake.started).toEqual([1, 3]);
    fake.finish[1]!();
    await expect(newest).resolves.toMatchObject({ value: { logit: 3 } });
  });

  it('rejects a running analysis at once when aborted, and the next one still runs', async () => {
    const fake = fakeWorker();
    const client = createAnalysisClient(fake.port, { modelBaseUrl: '/model/' });
    const controller = new AbortController();
    const running = client.analyse(request(1), controller.signal);
    await settle();
    controller.abort();
    await expect(running).rejects.toSatisfy(isAbortError);
    const next = client.analyse(request(2));
    fake.finish[0]!();
    await settle();
    fake.finish[1]!();
    await expect(next).resolves.toMatchObject({ value: { logit: 2 } });
  });

  it('never starts an analysis whose signal is already aborted', async () => {
    const fake = fakeWorker();
    const client = createAnalysisClient(fake.port, { modelBaseUrl: '/model/' });
    const controller = new AbortController();
    controller.abort();
    await expect(client.analyse(request(1), controller.signal)).rejects.toSatisfy(isAbortError);
    expect(fake.started).toEqual([]);
  });

  it('turns a worker that dies during start-up into a plain "model unavailable" outcome, and retries later', async () => {
    const fake = fakeWorker();
    let calls = 0;
    const port: WorkerPort = {
      ...fake.port,
      init: async () => {
        calls++;
        if (calls === 1) throw new Error('worker crashed');
        return { ok: true, value: { backend: 'cpu', loadMs: 1 } as ModelReady };
      },
    };
    const client = createAnalysisClient(port, { modelBaseUrl: '/model/' });
    await expect(client.init()).resolves.toMatchObject({ ok: false, problem: 'model-unavailable' });
    await expect(client.init()).resolves.toMatchObject({ ok: true });
  });

  it('sends only the crop when the worker holds the image, and the pixels when it no longer does', async () => {
    const fake = fakeWorker();
    const messages: Array<{ imageId?: number; hasPixels: boolean }> = [];
    const port: WorkerPort = {
      ...fake.port,
      analyse: async (message) => {
        messages.push({ imageId: message.imageId, hasPixels: message.image !== undefined });
        if (message.imageId === 7) return { ok: false, problem: 'analysis-failed', detail: UNKNOWN_IMAGE };
        return { ok: true, value: { ...result, logit: messages.length } };
      },
    };
    const client = createAnalysisClient(port, { modelBaseUrl: '/model/' });
    await client.analyse({ ...request(1), imageId: 3 });
    expect(messages).toEqual([{ imageId: 3, hasPixels: false }]);
    await expect(client.analyse({ ...request(1), imageId: 7 })).resolves.toMatchObject({ ok: true });
    expect(messages.slice(1)).toEqual([
      { imageId: 7, hasPixels: false },
      { imageId: undefined, hasPixels: true },
    ]);
  });

  it('tries again on the page what the worker could not open, and only that', async () => {
    // The page has an <img> the worker lacks (a JPEG without its end marker); here the page fails too.
    const pageDecoder = vi.fn(async () => {
      throw new DOMException('The source image could not be decoded.');
    });
    vi.stubGlobal('createImageBitmap', pageDecoder);
    const pageContext = () => null;
    const jpeg = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0])]);
    const fake = fakeWorker();
    const client = (problem: 'decode-failed' | 'too-large') =>
      createAnalysisClient(
        { ...fake.port, decode: async () => ({ ok: false, problem, detail: 'from the worker' }) },
        { modelBaseUrl: '/model/', pageContext },
      );

    await expect(client('too-large').decode(jpeg)).resolves.toMatchObject({ problem: 'too-large' });
    expect(pageDecoder).not.toHaveBeenCalled();

    const outcome = await client('decode-failed').decode(jpeg);
    expect(outcome).toMatchObject({ ok: false, problem: 'decode-failed' });
    expect(pageDecoder).toHaveBeenCalled();
    expect(!outcome.ok && outcome.detail).not.toBe('from the worker');
  });
});
