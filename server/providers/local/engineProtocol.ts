/** Messages between the server and the engine worker threads. */
import type { PromptReport } from '../../contract/api.ts';

export interface EngineTask {
  taskId: number;
  /** The validated job request, with defaults and seed resolved. */
  request: Record<string, unknown> & { kind: string };
  /** The parent variant's encoded motion, for edit jobs. */
  parentMotion: Uint8Array | null;
  /** The parent's request, for edits that need its prompt or options. */
  parentRequest: Record<string, unknown> | null;
  /**
   * The uploaded character (GLB, VRM or FBX file) every variant is put on, or null for the built-in
   * mannequin. Read on the main thread (the character store), parsed and retargeted here in the worker.
   */
  character?: Uint8Array | null;
}

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
