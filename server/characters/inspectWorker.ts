/**
 * Worker-thread entry: checks one uploaded model against the hard limits (modelLimits.ts), off the
 * main thread, under the memory limits its parent sets. Replies once and exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inspectModel } from './modelLimits.ts';

const port = parentPort;
if (!port) throw new Error('inspectWorker must run in a worker thread');
const bytes = new Uint8Array(workerData as ArrayBuffer);
const result = inspectModel(bytes);
// The glTF JSON is not needed by the caller: send only the verdict.
port.postMessage(result.ok ? { ok: true, format: result.format } : result);
