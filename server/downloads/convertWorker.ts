/**
 * Worker-thread entry for download conversions: decodes a variant's motion data and runs convertMotion
 * off the main thread (a 60 fps BVH of a 10-minute clip is seconds of string building). One request at
 * a time; the result's buffer is transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { decodeMotion } from '../engine/index.ts';
import { ConversionRefused, convertMotion, type ConvertContext } from './convertMotion.ts';
import type { ExportSpec } from './exportOptions.ts';

export interface ConvertRequest {
  id: number;
  motion: Uint8Array;
  spec: ExportSpec;
  ctx: ConvertContext;
}

export type ConvertReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; refused: { message: string; field: string } | null; message: string };

const port = parentPort;
if (!port) throw new Error('convertWorker must run in a worker thread');

port.on('message', (req: ConvertRequest) => {
  convertMotion(decodeMotion(req.motion), req.spec, req.ctx).then(
    (bytes) => {
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      port.postMessage({ id: req.id, ok: true, bytes: own } satisfies ConvertReply, [own.buffer as ArrayBuffer]);
    },
    (err: unknown) => {
      const refused = err instanceof ConversionRefused ? { message: err.message, field: err.field } : null;
      port.postMessage({ id: req.id, ok: false, refused, message: err instanceof Error ? err.message : String(err) } satisfies ConvertReply);
    },
  );
});
