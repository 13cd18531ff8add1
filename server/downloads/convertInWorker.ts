/**
 * convertMotion, run in a worker thread: same options, same result or ConversionRefused, but the API's
 * event loop never waits for an export. Conversions run one at a time in one long-lived worker (loading
 * three and the exporters takes a second), under a heap limit and a deadline; a worker that exceeds
 * either is replaced and only that conversion fails.
 */
import { Worker } from 'node:worker_threads';
import { ConversionRefused, type ConvertContext } from './convertMotion.ts';
import type { ExportSpec } from './exportOptions.ts';
import type { ConvertReply, ConvertRequest } from './convertWorker.ts';

const WORKER_URL = new URL('./convertWorker.ts', import.meta.url).href;
// Same TypeScript bootstrap as the engine pool (tsx's loader must be registered inside the thread).
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })`;

export const CONVERT_LIMITS = { heapMb: 1536, timeoutMs: 5 * 60 * 1000 };

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function current(): Worker {
  if (!worker) {
    worker = new Worker(BOOTSTRAP, { eval: true, resourceLimits: { maxOldGenerationSizeMb: CONVERT_LIMITS.heapMb } });
    // An idle converter must not keep the process alive (tests, shutdown).
    worker.unref();
  }
  return worker;
}

function retire(w: Worker): void {
  if (worker === w) worker = null;
  void w.terminate();
}

/** Converts encoded motion data (the variant's .kmo file) with convertMotion's export spec. */
export function convertInWorker(motion: Uint8Array, spec: ExportSpec, ctx: ConvertContext): Promise<Uint8Array> {
  const run = queue.then(() => runOne(motion, spec, ctx));
  queue = run.catch(() => undefined);
  return run;
}

function runOne(motion: Uint8Array, spec: ExportSpec, ctx: ConvertContext): Promise<Uint8Array> {
  const w = current();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      retire(w);
      reject(new Error(`the conversion took longer than ${CONVERT_LIMITS.timeoutMs / 1000} s`));
    }, CONVERT_LIMITS.timeoutMs);
    const onMessage = (m: ConvertReply) => {
      if (m.id !== id) return;
      cleanup();
      if (m.ok) resolve(m.bytes);
      else if (m.refused) reject(new ConversionRefused(m.refused.message, m.refused.field));
      else reject(new Error(m.message));
    };
    const onError = (err: Error & { code?: string }) => {
      cleanup();
      retire(w);
      reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(`the conversion needed more than ${CONVERT_LIMITS.heapMb} MB`) : err);
    };
    const cleanup = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.unref();
    };
    w.on('message', onMessage);
    w.on('error', onError);
    // Keep the process alive while a conversion is pending, then let it go again.
    w.ref();
    w.postMessage({ id, motion, spec, ctx } satisfies ConvertRequest);
  });
}

/** Stops the converter (server shutdown, tests). */
export async function closeConverter(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
