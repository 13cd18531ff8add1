/**
 * Footwork for data actions that travel on foot while the upper body does something else (carrying a
 * box, pushing a cart, pulling a rope): an intro half step, a two-step loop that accumulates travel
 * (loop [0.15, 0.85]) and a closing step that brings the feet together. `upper` is spread into every
 * key after the first, so the hands keep their hold while the legs walk.
 */
import type { KeyPose } from '../format.ts';

type Frag = Omit<KeyPose, 't'>;

export const WALK_LOOP = [0.15, 0.85] as const;

/**
 * Keys for walking `stride` metres per two steps (negative walks backward) at hips height `y`, with
 * `upper` (hands, arms, torso, head, shapes) held throughout.
 */
export function walkingKeys(stride: number, y: number, upper: Frag, lift = 0.14): KeyPose[] {
  const S = stride,
    up = y + 0.03;
  return [
    { t: 0 },
    { t: 0.15, ...upper, hips: { y, z: S / 4 }, feet: { R: { at: [0, 0.08, S / 2] } } },
    { t: 0.325, hips: { y: up, z: S / 2 }, feet: { L: { at: [0, lift, S / 2], contact: false } } },
    { t: 0.5, hips: { y, z: 0.75 * S }, feet: { L: { at: [0, 0.08, S] } } },
    { t: 0.675, hips: { y: up, z: S }, feet: { R: { at: [0, lift, S], contact: false } } },
    { t: 0.85, hips: { y, z: 1.25 * S }, feet: { R: { at: [0, 0.08, 1.5 * S] } } },
    { t: 0.93, hips: { y: up, z: 1.45 * S }, feet: { L: { at: [0, lift, 1.25 * S], contact: false } } },
    { t: 1, hips: { y: 0.955, z: 1.5 * S }, feet: { L: { at: [0, 0.08, 1.5 * S] } } },
  ];
}
