/**
 * Worker-side synthesis for the Meshy-style kinds on the local engine: the canonical motions a
 * rig, animate or textToMotion job produces, one per variant. Exporting them is left to the shared
 * loop in runEngineTask; putting them on an uploaded character happens on the main thread.
 */
import { z } from 'zod';
import type * as Engine from '../../engine/index.ts';
import type { PromptReport } from '../../contract/api.ts';
import { localAction, RIG_BASIC_ACTIONS } from './actionLibrary.ts';
import type { EngineTask } from './engineProtocol.ts';

type EngineApi = typeof Engine;

export const ACTION_KINDS = ['rig', 'animate', 'textToMotion'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export function isActionKind(kind: string): kind is ActionKind {
  return (ACTION_KINDS as readonly string[]).includes(kind);
}

/** What the worker reads of a stored request (validated at the API; re-checked at the thread boundary). */
const seed = z.number().int().min(0).default(0);
const WorkerRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rig'), seed }),
  z.object({
    kind: z.literal('animate'),
    seed,
    actionIds: z.array(z.number().int()).optional(),
    motionSource: z.object({ prompt: z.string(), durationSec: z.number(), seed: z.number().int() }).optional(),
  }),
  z.object({ kind: z.literal('textToMotion'), seed, prompt: z.string(), durationSec: z.number() }),
]);

/** Clip names per variant, for the files and for retargeted animations. */
export function actionClipNames(request: unknown): string[] {
  const r = WorkerRequest.parse(request);
  if (r.kind === 'rig') return ['T-Pose', ...RIG_BASIC_ACTIONS.map((id) => localAction(id)!.key)];
  if (r.kind === 'animate' && r.actionIds) return r.actionIds.map((id) => localAction(id)?.key ?? `Action_${id}`);
  return ['Motion'];
}

/** Per-action seed: the job seed decides the take, the action id keeps actions independent. */
function actionSeed(base: number, actionId: number): number {
  return (base + Math.imul(actionId + 1, 7919)) % 2 ** 31 >>> 0;
}

/** The canonical rig standing in its rest T-pose: the "rigged character" of a mannequin rig job. */
function restPose(engine: EngineApi): Engine.Motion {
  const sk = engine.CANONICAL_SKELETON;
  const joints = sk.parents.length;
  const rot = new Float32Array(joints * 4);
  for (let i = 3; i < rot.length; i += 4) rot[i] = 1;
  return { fps: 30, frames: 1, skeleton: sk, rootPos: sk.offsets.slice(0, 3), rot, contacts: new Uint8Array([1, 1]) };
}

export function synthesizeActionMotions(
  engine: EngineApi,
  task: EngineTask,
  progress: (percent: number, stage: string) => void,
  share: number,
): { motions: Engine.Motion[]; report: PromptReport | null } {
  const r = WorkerRequest.parse(task.request);
  const one = (prompt: string, durationSec: number, s: number) =>
    engine.text2motion({ prompt, variants: 1, durationSec, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: s });

  if (r.kind === 'textToMotion' || (r.kind === 'animate' && r.motionSource)) {
    const src = r.kind === 'textToMotion' ? { prompt: r.prompt, durationSec: r.durationSec, seed: r.seed } : r.motionSource!;
    progress(0, 'synthesizing the motion');
    const result = one(src.prompt, src.durationSec, src.seed);
    progress(share, 'motion ready');
    return { motions: result.motions, report: result.report };
  }

  const ids = r.kind === 'rig' ? [...RIG_BASIC_ACTIONS] : (r.actionIds ?? []);
  const motions: Engine.Motion[] = r.kind === 'rig' ? [restPose(engine)] : [];
  const understood: string[] = [];
  for (const [i, id] of ids.entries()) {
    const action = localAction(id);
    if (!action) throw Object.assign(new Error(`Action ${id} is not in the local library; pick actions from GET /api/library?provider=local.`), { code: 'unknown_action' });
    progress((share * i) / ids.length, `action ${i + 1}/${ids.length}: ${action.name}`);
    motions.push(one(action.prompt, action.durationSec, actionSeed(r.seed, id)).motions[0]!);
    understood.push(action.name);
  }
  progress(share, 'actions ready');
  return { motions, report: r.kind === 'animate' ? { understood, ignored: [] } : null };
}
