/**
 * Pure request building for the character-and-actions flow: rig, animate and textToMotion bodies from the
 * panel's fields, the per-provider limits the panel enforces before the server would refuse, and the
 * ordered action selection. The server still validates everything; these only keep the UI honest.
 */
import { MESHY_TEXT_TO_MOTION_MAX_PROMPT } from '../../server/contract/api.ts';
import type { ProviderId } from '../../server/contract/api.ts';
import type { JobRequestDraft } from '../api/jobRequestDraft.ts';

export const POST_PROCESS_CHOICES = ['none', 'change_fps', 'fbx2usdz', 'extract_armature'] as const;
export type PostProcessChoice = (typeof POST_PROCESS_CHOICES)[number];
export const FPS_CHOICES = [24, 25, 30, 60] as const;
export type FpsChoice = (typeof FPS_CHOICES)[number];
export type MotionMode = 'prime' | 'swift';

export const MOTION_MIN_SEC = 2;
export const MOTION_MAX_SEC = 10;
export const MOTION_STEP_SEC = 0.5;
export const MOTION_MAX_PROMPT = MESHY_TEXT_TO_MOTION_MAX_PROMPT;

/**
 * Actions one animate job takes: Meshy bakes up to 10 into one file; the local engine makes one variant per
 * action and a job has at most 8 variants.
 */
export function maxActions(provider: ProviderId): number {
  return provider === 'meshy' ? 10 : 8;
}

/** Adds the action at the end (clip order is selection order), or removes it; never beyond `max`. */
export function toggleAction(selected: readonly number[], id: number, max: number): number[] {
  if (selected.includes(id)) return selected.filter((x) => x !== id);
  if (selected.length >= max) return [...selected];
  return [...selected, id];
}

/** Moves the action at `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveAction(selected: readonly number[], index: number, delta: -1 | 1): number[] {
  const to = index + delta;
  if (index < 0 || index >= selected.length || to < 0 || to >= selected.length) return [...selected];
  const out = [...selected];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** Snaps a duration to Meshy's grid: 2 to 10 s in 0.5 s steps. */
export function snapMotionDuration(sec: number): number {
  if (!Number.isFinite(sec)) return MOTION_MIN_SEC;
  const snapped = Math.round(sec / MOTION_STEP_SEC) * MOTION_STEP_SEC;
  return Math.min(MOTION_MAX_SEC, Math.max(MOTION_MIN_SEC, snapped));
}

export interface RigFields {
  provider: ProviderId;
  characterId: string;
  /** As typed; only Meshy uses a height (its rigger scales the skeleton to it). */
  heightMeters: string;
}

export function buildRigRequest(f: RigFields): JobRequestDraft {
  const body: JobRequestDraft = { provider: f.provider, kind: 'rig', characterId: f.characterId };
  if (f.provider === 'meshy' && f.heightMeters.trim() !== '') {
    const h = Number(f.heightMeters);
    // A non-number is sent as typed, so the server's message (naming heightMeters) explains it.
    body.heightMeters = Number.isFinite(h) ? h : f.heightMeters;
  }
  return body;
}

export interface AnimateFields {
  provider: ProviderId;
  rigJobId: string;
  source: 'library' | 'motion';
  actionIds: readonly number[];
  motionJobId: string | null;
  postProcess: PostProcessChoice;
  fps: FpsChoice;
}

export function buildAnimateRequest(f: AnimateFields): JobRequestDraft {
  const body: JobRequestDraft = { provider: f.provider, kind: 'animate', parentJobId: f.rigJobId };
  if (f.source === 'library') body.actionIds = [...f.actionIds];
  else body.motionJobId = f.motionJobId ?? '';
  // Post-processing is Meshy's; the local engine refuses it.
  if (f.provider === 'meshy' && f.postProcess !== 'none') {
    body.postProcess = f.postProcess === 'change_fps' ? { operation: 'change_fps', fps: f.fps } : { operation: f.postProcess };
  }
  return body;
}

export interface MotionFields {
  provider: ProviderId;
  prompt: string;
  durationSec: number;
  mode: MotionMode;
}

export function buildTextToMotionRequest(f: MotionFields): JobRequestDraft {
  const body: JobRequestDraft = { provider: f.provider, kind: 'textToMotion', prompt: f.prompt, durationSec: f.durationSec };
  // The mode picks Meshy's model (prime → FBX, swift → BVH); the local engine has one model.
  if (f.provider === 'meshy') body.mode = f.mode;
  return body;
}
