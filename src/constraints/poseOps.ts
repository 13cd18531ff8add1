/**
 * Mirror and copy/paste for key poses. Both work in the character's body frame at the key's frame
 * (origin at the hips, right = from the left hip to the right hip on the floor plane, up = +Y), read
 * from the take itself, so a pose copied while walking one way pastes correctly while walking another.
 */
import type { KeyPose } from '../../server/contract/constraints.ts';
import type { TakeClip } from './takeClip.ts';
import { jointAt, jointIndex } from './takeClip.ts';

type V3 = [number, number, number];

export interface BodyFrame {
  origin: V3;
  right: V3;
  fwd: V3;
}

export function bodyFrame(clip: TakeClip, frame: number): BodyFrame | null {
  const hips = jointIndex(clip, 'Hips'),
    l = jointIndex(clip, 'LeftUpLeg'),
    r = jointIndex(clip, 'RightUpLeg');
  if (hips < 0 || l < 0 || r < 0) return null;
  const a = jointAt(clip, l, frame),
    b = jointAt(clip, r, frame);
  let rx = b[0] - a[0],
    rz = b[2] - a[2];
  const len = Math.hypot(rx, rz) || 1;
  rx /= len;
  rz /= len;
  // At rest the character faces +Z and its right hip is at −X: forward is right turned 90° about +Y.
  return { origin: jointAt(clip, hips, frame), right: [rx, 0, rz], fwd: [rz, 0, -rx] };
}

const toLocal = (b: BodyFrame, p: readonly number[]): V3 => {
  const d = [p[0]! - b.origin[0], p[1]! - b.origin[1], p[2]! - b.origin[2]];
  return [d[0]! * b.right[0] + d[2]! * b.right[2], d[1]!, d[0]! * b.fwd[0] + d[2]! * b.fwd[2]];
};
const toWorld = (b: BodyFrame, l: readonly number[]): V3 => [
  b.origin[0] + l[0]! * b.right[0] + l[2]! * b.fwd[0],
  b.origin[1] + l[1]!,
  b.origin[2] + l[0]! * b.right[2] + l[2]! * b.fwd[2],
];
const round = (v: V3): V3 => [Math.round(v[0] * 1000) / 1000, Math.round(v[1] * 1000) / 1000, Math.round(v[2] * 1000) / 1000];

const SWAP: Record<string, string> = { leftHand: 'rightHand', rightHand: 'leftHand', leftFoot: 'rightFoot', rightFoot: 'leftFoot' };

/** Re-expresses a key's points from one body frame in another (copy at `from`, paste at `to`). */
export function moveKey(k: KeyPose, from: BodyFrame, to: BodyFrame, t: number, mirror = false): KeyPose {
  const map = (p: readonly number[]): V3 => {
    const l = toLocal(from, p);
    if (mirror) l[0] = -l[0];
    return round(toWorld(to, l));
  };
  const effectors = Object.fromEntries(Object.entries(k.effectors ?? {}).map(([e, p]) => [mirror ? SWAP[e]! : e, map(p)]));
  return {
    t,
    ...(Object.keys(effectors).length ? { effectors } : {}),
    ...(k.hips ? { hips: map(k.hips) } : {}),
    ...(k.lookAt ? { lookAt: map(k.lookAt) } : {}),
  };
}

/** The key mirrored left ↔ right across the body's mid-plane at its own frame. */
export function mirrorKey(k: KeyPose, frame: BodyFrame): KeyPose {
  return moveKey(k, frame, frame, k.t, true);
}
