/**
 * Maps a job request onto the engine's operations and exports each resulting variant.
 * Kept separate from the worker entry so it can be unit-tested on the main thread.
 */
import type * as Engine from '../../engine/index.ts';
import { isActionKind, synthesizeActionMotions } from './actionMotions.ts';
import type { EngineMessage, EngineTask } from './engineProtocol.ts';
import { editMotion } from './editMotion.ts';

/** The engine's public API, plus the FBX writer, which lives apart because it imports three. */
type EngineApi = typeof Engine & { exportFbx?: (m: Engine.Motion, opts?: { animationName?: string }) => Promise<Uint8Array> };

const encoder = new TextEncoder();

/** Synthesis takes this share of the progress bar; exports the rest. */
const SYNTH_SHARE = 60;

export class EngineInputError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export async function runEngineTask(engine: EngineApi, task: EngineTask, post: (m: EngineMessage) => void): Promise<void> {
  const { taskId } = task;
  const req = task.request;
  const progress = (percent: number, stage: string) => post({ taskId, type: 'progress', percent, stage });

  let motions: Engine.Motion[];
  if (req.kind === 'text2motion' || req.kind === 'rerun') {
    const prompt = String(req.kind === 'rerun' ? (task.parentRequest?.prompt ?? '') : req.prompt);
    const result = engine.text2motion(
      {
        prompt,
        variants: Number(req.variants ?? 1),
        durationSec: Number(req.durationSec ?? 0),
        footLocking: (req.footLocking ?? 'auto') as Engine.FootLockingMode,
        poseFiltering: Number(req.poseFiltering ?? 0),
        physicsFilter: Boolean(req.physicsFilter ?? true),
        seed: Number(req.seed ?? 0),
      },
      (p) => progress((p.done / Math.max(1, p.total)) * SYNTH_SHARE, p.stage),
    );
    post({ taskId, type: 'report', report: result.report });
    motions = result.motions;
  } else if (isActionKind(req.kind)) {
    const result = synthesizeActionMotions(engine, task, progress, SYNTH_SHARE);
    if (result.report) post({ taskId, type: 'report', report: result.report });
    motions = result.motions;
  } else if (task.parentMotion) {
    const result = editMotion(engine, req, engine.decodeMotion(task.parentMotion), (f, stage) => progress(f * SYNTH_SHARE, stage));
    post({ taskId, type: 'report', report: result.report });
    motions = result.motions;
  } else {
    throw new EngineInputError('unsupported_kind', `The local engine cannot run "${req.kind}" jobs without a source variant.`);
  }

  const n = motions.length;
  for (const [i, motion] of motions.entries()) {
    const index = i + 1;
    const base = SYNTH_SHARE + ((100 - SYNTH_SHARE) * i) / n;
    const step = (100 - SYNTH_SHARE) / n;
    progress(base, `variant ${index}/${n}: exporting GLB`);
    const glb = await engine.exportGlb(motion, { animationName: `variant-${index}` });
    progress(base + step * 0.35, `variant ${index}/${n}: exporting BVH`);
    const bvh = encoder.encode(engine.exportBvh(motion));
    progress(base + step * 0.45, `variant ${index}/${n}: exporting FBX`);
    const fbx = engine.exportFbx ? copy(await engine.exportFbx(motion, { animationName: `variant-${index}` })) : undefined;
    progress(base + step * 0.9, `variant ${index}/${n}: saving`);
    const encoded = engine.encodeMotion(motion);
    post({ taskId, type: 'variant', index, durationSec: engine.motionDurationSec(motion), files: { glb: copy(glb), bvh, motion: copy(encoded), ...(fbx ? { fbx } : {}) } });
  }
}

/** Variant files are transferred to the main thread; give each its own exactly-sized buffer. */
function copy(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
