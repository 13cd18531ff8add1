/** Messages between the server and the engine worker threads. */
import { z } from 'zod';
import type { PromptReport } from '../../contract/api.ts';
import { StoredRequest } from '../../contract/storedRequest.ts';

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: 'expected bytes (a Uint8Array)' });

/** A task as the worker receives it: parsed again there, since a thread boundary carries no types. */
export const EngineTask = z.object({
  taskId: z.number().int(),
  /** The job's stored request, with defaults and seed resolved. */
  request: StoredRequest,
  /** The parent variant's encoded motion, for edit jobs. */
  parentMotion: bytes.nullable(),
  /** The parent's stored request, for edits that need its prompt or options. */
  parentRequest: StoredRequest.nullable(),
  /**
   * The uploaded character (GLB, VRM or FBX file) every variant is put on, or null for the built-in
   * mannequin. Read on the main thread (the character store), parsed and retargeted here in the worker.
   */
  character: bytes.nullable().optional(),
});
export type EngineTask = z.infer<typeof EngineTask>;

/** Enough of a malformed task to answer it: the pool waits for a reply to its task id. */
export const EngineTaskId = z.object({ taskId: z.number().int() });

export type EngineMessage =
  | { taskId: number; type: 'progress'; percent: number; stage: string }
  | { taskId: number; type: 'report'; report: PromptReport }
  | {
      taskId: number;
      type: 'variant';
      index: number;
      durationSec: number;
      files: { glb: Uint8Array; motion: Uint8Array; bvh?: Uint8Array };
    }
  | { taskId: number; type: 'done' }
  | { taskId: number; type: 'error'; code: string; message: string };
