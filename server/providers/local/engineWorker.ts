/**
 * Worker-thread entry for the local engine: turns one job request into variant files.
 * Imports only the engine; FBX is written on first download (server/downloads), all persistence stays on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import * as engineApi from '../../engine/index.ts';
import { EngineTask, EngineTaskId, type EngineMessage } from './engineProtocol.ts';
import { runEngineTask } from './runEngineTask.ts';

const port = parentPort;
if (!port) throw new Error('engineWorker must run in a worker thread');

const engine = engineApi;

const post = (m: EngineMessage) => {
  const transfer = m.type === 'variant' ? Object.values(m.files).map((f) => f.buffer) : [];
  port.postMessage(m, transfer as ArrayBuffer[]);
};

port.on('message', (message: unknown) => {
  const parsed = EngineTask.safeParse(message);
  if (!parsed.success) {
    const id = EngineTaskId.safeParse(message);
    if (id.success) post({ taskId: id.data.taskId, type: 'error', code: 'invalid_task', message: `The engine task is malformed: ${parsed.error.message}` });
    return;
  }
  const task = parsed.data;
  runEngineTask(engine, task, post).then(
    () => post({ taskId: task.taskId, type: 'done' }),
    (err: unknown) => {
      const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'engine_error';
      post({ taskId: task.taskId, type: 'error', code, message: err instanceof Error ? err.message : String(err) });
    },
  );
});
