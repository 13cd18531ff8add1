/**
 * A small pool of worker threads running the local motion engine. Synthesis and export are
 * CPU-bound; running them off the main thread keeps the API and SSE streams responsive, lets
 * progress stream while a job computes, and makes cancel real (the worker is terminated).
 */
import { Worker } from 'node:worker_threads';
import type { EngineMessage, EngineTask } from './engineProtocol.ts';

const WORKER_URL = new URL('./engineWorker.ts', import.meta.url).href;
// The worker is TypeScript: register tsx's loader inside the thread before importing it, which works
// the same under `tsx` (production) and vitest (tests). `--import tsx` in execArgv does not apply to workers on Node 20.
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })`;

interface Slot {
  worker: Worker;
  busy: boolean;
}

/**
 * Every engine job runs under a heap limit and a deadline: a hostile character or an oversized edit
 * fails its own job (the worker is replaced) instead of taking the server's memory or its only worker.
 */
const ENGINE_LIMITS = { heapMb: 1536, jobTimeoutMs: 10 * 60 * 1000 };

function spawnWorker(): Worker {
  const worker = new Worker(BOOTSTRAP, { eval: true, resourceLimits: { maxOldGenerationSizeMb: ENGINE_LIMITS.heapMb } });
  // An idle worker must not keep the process alive (tests, shutdown).
  worker.unref();
  return worker;
}

export class EnginePool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<() => void> = [];
  private nextTaskId = 1;

  constructor(private readonly size: number) {}

  /**
   * Runs one task; `onMessage` receives progress, report and variant messages.
   * Resolves on 'done', rejects on 'error' (with the message's code) or when `signal` aborts.
   */
  async run(task: Omit<EngineTask, 'taskId'>, onMessage: (m: EngineMessage) => void | Promise<void>, signal: AbortSignal): Promise<void> {
    const slot = await this.acquire(signal);
    const taskId = this.nextTaskId++;
    try {
      await new Promise<void>((resolve, reject) => {
        let chain = Promise.resolve();
        const timer = setTimeout(() => {
          cleanup();
          void slot.worker.terminate();
          this.replace(slot);
          reject(
            Object.assign(new Error(`The job took longer than ${ENGINE_LIMITS.jobTimeoutMs / 60_000} minutes and was stopped; try a shorter clip or fewer variants.`), {
              code: 'job_timeout',
            }),
          );
        }, ENGINE_LIMITS.jobTimeoutMs);
        const onAbort = () => {
          cleanup();
          // Terminating is the only way to stop synchronous engine work midway.
          void slot.worker.terminate();
          this.replace(slot);
          reject(signal.reason);
        };
        const onMsg = (m: EngineMessage) => {
          if (m.taskId !== taskId) return;
          chain = chain
            .then(async () => {
              if (m.type === 'done') {
                cleanup();
                resolve();
              } else if (m.type === 'error') {
                cleanup();
                reject(Object.assign(new Error(m.message), { code: m.code }));
              } else {
                await onMessage(m);
              }
            })
            .catch((err) => {
              cleanup();
              reject(err);
            });
        };
        const onError = (err: Error & { code?: string }) => {
          cleanup();
          this.replace(slot);
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? Object.assign(new Error(`The job needed more than the ${ENGINE_LIMITS.heapMb} MB one job may use and was stopped; use a simpler character or a shorter clip.`), {
                  code: 'job_out_of_memory',
                })
              : err,
          );
        };
        const cleanup = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          slot.worker.off('message', onMsg);
          slot.worker.off('error', onError);
        };
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        slot.worker.on('message', onMsg);
        slot.worker.on('error', onError);
        const message: EngineTask = { ...task, taskId };
        slot.worker.postMessage(message);
      });
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private spawn(): Slot {
    return { worker: spawnWorker(), busy: false };
  }

  /** A terminated or crashed worker is swapped for a fresh one in the same slot. */
  private replace(slot: Slot): void {
    slot.worker = spawnWorker();
  }

  private acquire(signal: AbortSignal): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    if (this.slots.length < this.size) {
      const slot = this.spawn();
      slot.busy = true;
      this.slots.push(slot);
      return Promise.resolve(slot);
    }
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal.removeEventListener('abort', onAbort);
        resolve(this.acquire(signal));
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(wake);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(wake);
    });
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }
}
