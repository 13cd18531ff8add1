/**
 * The engine's motion data: everything an exporter or edit operation needs, in flat typed arrays so
 * variants are cheap to generate, copy and encode.
 */
import { CANONICAL } from './skeleton.ts';
import type { Skeleton } from './skeleton.ts';

export interface Motion {
  /** Frames per second of the samples. */
  readonly fps: number;
  /** Number of frames (samples); the clip lasts (frames − 1) / fps seconds. */
  readonly frames: number;
  /** The rig the rotations refer to (always the canonical humanoid for engine output). */
  readonly skeleton: Skeleton;
  /** Hips world position per frame, metres: [x, y, z] × frames. */
  readonly rootPos: Float32Array;
  /** Local joint rotations per frame, quaternion (x, y, z, w) × joints × frames; joint 0's is the hips world rotation. */
  readonly rot: Float32Array;
  /** Foot contact flags per frame: [left, right] × frames, 1 when the foot bears weight on the floor. */
  readonly contacts: Uint8Array;
}

export function createMotion(frames: number, fps: number, skeleton: Skeleton = CANONICAL): Motion {
  if (!Number.isInteger(frames) || frames < 1) throw new Error(`a motion needs at least one frame (got ${frames})`);
  if (!(fps > 0)) throw new Error(`fps must be positive (got ${fps})`);
  const jc = skeleton.parents.length;
  const rot = new Float32Array(frames * jc * 4);
  for (let i = 3; i < rot.length; i += 4) rot[i] = 1;
  return { fps, frames, skeleton, rootPos: new Float32Array(frames * 3), rot, contacts: new Uint8Array(frames * 2) };
}

export function cloneMotion(m: Motion): Motion {
  return { fps: m.fps, frames: m.frames, skeleton: m.skeleton, rootPos: m.rootPos.slice(), rot: m.rot.slice(), contacts: m.contacts.slice() };
}

/** Copies frames [from, from + count) of `src` into a new motion. */
export function sliceMotion(src: Motion, from: number, count: number): Motion {
  const jc = src.skeleton.parents.length;
  return {
    fps: src.fps,
    frames: count,
    skeleton: src.skeleton,
    rootPos: src.rootPos.slice(from * 3, (from + count) * 3),
    rot: src.rot.slice(from * jc * 4, (from + count) * jc * 4),
    contacts: src.contacts.slice(from * 2, (from + count) * 2),
  };
}

export function motionDurationSec(m: Motion): number {
  return (m.frames - 1) / m.fps;
}
