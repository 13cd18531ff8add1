/**
 * The hand shapes actions ask for reach what the user downloads: a punch is thrown with a fist and a
 * sword is held in a grip, an idle hangs relaxed. Measured on the exported BVH, re-read and put
 * through its own forward kinematics: the flexion at each finger's middle knuckle (the angle between
 * its first and second segment), so the check does not trust the engine's own rotation data.
 */
import { describe, expect, test } from 'vitest';
import { exportBvh } from '../io/bvh.ts';
import { bvhPositions, readBvh } from '../io/bvhRead.ts';
import { motionsFromPlan } from '../text2motion.ts';

function clipOf(action: string) {
  const plan = { steps: [{ action, label: action, with: [] }], understood: [], ignored: [], style: { energy: 0, tension: 0, age: 0 } };
  const m = motionsFromPlan(plan, { prompt: action, variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 9 }).motions[0]!;
  return readBvh(exportBvh(m));
}

/** Mean middle-knuckle flexion (degrees) of index … little finger of `side` ('Left'/'Right') at frame f. */
function curl(clip: ReturnType<typeof readBvh>, pos: Float32Array, f: number, side: 'Left' | 'Right'): number {
  const jc = clip.joints.length;
  const at = (name: string) => {
    const j = clip.joints.findIndex((x) => x.name === name);
    if (j < 0) throw new Error(`no joint ${name} in the exported BVH`);
    const o = (f * jc + j) * 3;
    return [pos[o]!, pos[o + 1]!, pos[o + 2]!];
  };
  let sum = 0;
  for (const finger of ['Index', 'Middle', 'Ring', 'Pinky']) {
    const [a, b, c] = [1, 2, 3].map((k) => at(`${side}Hand${finger}${k}`)) as [number[], number[], number[]];
    const u = a.map((v, i) => b[i]! - v),
      w = b.map((v, i) => c[i]! - v);
    const cos = (u[0]! * w[0]! + u[1]! * w[1]! + u[2]! * w[2]!) / (Math.hypot(...u) * Math.hypot(...w));
    sum += (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
  }
  return sum / 4;
}

/** Curl of a hand at the middle of the clip (the strike or the held pose). */
function midCurl(action: string, side: 'Left' | 'Right'): number {
  const clip = clipOf(action);
  return curl(clip, bvhPositions(clip), Math.floor(clip.frames / 2), side);
}

describe('hand shapes in the exported motion', () => {
  test('an idle hangs with relaxed, slightly curled fingers', () => {
    for (const side of ['Left', 'Right'] as const) {
      const c = midCurl('idle', side);
      expect(c).toBeGreaterThan(15);
      expect(c).toBeLessThan(45);
    }
  });

  test('a jab and an uppercut are thrown with fists (both hands in guard)', () => {
    for (const id of ['jab', 'uppercut']) for (const side of ['Left', 'Right'] as const) expect(midCurl(id, side), `${id} ${side}`).toBeGreaterThan(85);
  });

  test('a sword slash holds the hilt in a grip: curled, but less than a fist', () => {
    const c = midCurl('swordSlash', 'Right');
    expect(c).toBeGreaterThan(65);
    expect(c).toBeLessThan(95);
  });

  test('push-ups put the hands flat on the floor', () => {
    for (const side of ['Left', 'Right'] as const) expect(midCurl('pushUps', side)).toBeLessThan(10);
  });
});
