/**
 * Runs the model checks in a short-lived worker thread with its own heap limit and a deadline, one
 * upload at a time: parsing a hostile upload (a 40 MB deeply nested GLB, a zlib bomb) can neither
 * block the API's event loop nor take the process's memory with it. The worker is terminated when
 * the deadline passes or it runs out of its heap, and the upload is refused with the reason.
 */
import { Worker } from 'node:worker_threads';
import type { ModelFormat } from './sniffModel.ts';

const WORKER_URL = new URL('./inspectWorker.ts', import.meta.url).href;
// Same TypeScript bootstrap as the engine pool (tsx's loader must be registered inside the thread).
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })`;

export const INSPECT_LIMITS = {
  heapMb: 128,
  timeoutMs: 20_000,
  /** Uploads waiting for the inspector beyond this are refused (429) rather than queued without end. */
  maxWaiting: 8,
};

export type Inspection = { ok: true; format: ModelFormat } | { ok: false; reason: string; busy?: boolean };

let running: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Inspects `bytes` (the buffer is transferred to the worker and no longer usable here afterwards). */
export async function inspectModelInWorker(bytes: Uint8Array): Promise<Inspection> {
  if (waiting >= INSPECT_LIMITS.maxWaiting) return { ok: false, reason: 'the server is checking other uploads; try again in a few seconds', busy: true };
  waiting++;
  const turn = running.then(() => runOnce(bytes));
  running = turn.catch(() => undefined);
  try {
    return await turn;
  } finally {
    waiting--;
  }
}

function runOnce(bytes: Uint8Array): Promise<Inspection> {
  const copy = bytes.slice().buffer;
  return new Promise((resolve) => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: copy,
      transferList: [copy],
      resourceLimits: { maxOldGenerationSizeMb: INSPECT_LIMITS.heapMb, maxYoungGenerationSizeMb: 16 },
    });
    let settled = false;
    const finish = (r: Inspection) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: `checking the file took longer than ${INSPECT_LIMITS.timeoutMs / 1000} s; it is too complex to use` }),
      INSPECT_LIMITS.timeoutMs,
    );
    worker.once('message', (m: Inspection) => finish(m));
    worker.once('error', (err: Error & { code?: string }) =>
      finish({
        ok: false,
        reason:
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `checking the file needed more than ${INSPECT_LIMITS.heapMb} MB of memory; it is too complex to use`
            : 'the file could not be read',
      }),
    );
    worker.once('exit', () => finish({ ok: false, reason: 'the file could not be read' }));
  });
}
