/**
 * Worker-side synthesis for the Meshy-style kinds on the local engine: the canonical motions a
 * rig, animate or textToMotion job produces, one per variant. Exporting them is left to the shared
 * loop in runEngineTask; putting them on an uploaded character happens on the main thread.
 */
import type * as Engine from '../../engine/index.ts';
import type { PromptReport } from '../../contract/api.ts';
import type { StoredOf, StoredRequest } from '../../contract/storedRequest.ts';
import { localAction, RIG_BASIC_ACTIONS } from './actionLibrary.ts';

type EngineApi = typeof Engine;

const ACTION_KINDS = ['rig', 'animate', 'textToMotion'] as const;
type ActionKind = (typeof ACTION_KINDS)[number];

export type ActionRequest = StoredOf<ActionKind>;

function isActionKind(kind: string): kind is ActionKind {
  return (ACTION_KINDS as readonly string[]).includes(kind);
}

export function isActionRequest(r: StoredRequest): r is ActionRequest {
  return isActionKind(r.kind);
}

/** Clip names per variant, for the files and for retargeted animations. */
export function actionClipNames(r: ActionRequest): string[] {
  if (r.kind === 'rig') return ['T-Pose', ...RIG_BASIC_ACTIONS.map((id) => localAction(id)?.key ?? `Action_${id}`)];
  if (r.kind === 'animate' && r.actionIds) return r.actionIds.map((id) => localAction(id)?.key ?? `Action_${id}`);
  return ['Motion'];
}

/** Per-action seed: the job seed decides the take, the action id keeps actions independent. */
function actionSeed(base: number, actionId: number): number {
  return ((base + Math.imul(actionId + 1, 7919)) % 2 ** 31) >>> 0;
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
  r: ActionRequest,
  progress: (percent: number, stage: string) => void,
  share: number,
): { motions: Engine.Motion[]; report: PromptReport | null } {
  const seed = r.seed ?? 0;
  const one = (prompt: string, durationSec: number, s: number) =>
    engine.text2motion({ prompt, variants: 1, durationSec, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: s });

  const src = r.kind === 'textToMotion' ? { prompt: r.prompt, durationSec: r.durationSec, seed } : r.kind === 'animate' ? r.motionSource : undefined;
  if (src) {
    progress(0, 'synthesizing the motion');
    const result = one(src.prompt, src.durationSec, src.seed);
    progress(share, 'motion ready');
    return { motions: result.motions, report: result.report };
  }

  const ids = r.kind === 'animate' ? (r.actionIds ?? []) : [...RIG_BASIC_ACTIONS];
  const motions: Engine.Motion[] = r.kind === 'rig' ? [restPose(engine)] : [];
  const understood: string[] = [];
  for (const [i, id] of ids.entries()) {
    const action = localAction(id);
    if (!action) throw Object.assign(new Error(`Action ${id} is not in the local library; pick actions from GET /api/library?provider=local.`), { code: 'unknown_action' });
    progress((share * i) / ids.length, `action ${i + 1}/${ids.length}: ${action.name}`);
    motions.push(one(action.prompt, action.durationSec, actionSeed(seed, id)).motions[0]!);
    understood.push(action.name);
  }
  progress(share, 'actions ready');
  return { motions, report: r.kind === 'animate' ? { understood, ignored: [] } : null };
}
