import { describe, expect, test } from 'vitest';
import { text2motion } from '../index.ts';
import { createMotion } from './motion.ts';
import type { Motion } from './motion.ts';
import { fkFrame } from './fk.ts';
import { HAND_SHAPES, MAX_FINGER_SPEED_DEG, applyHandShape, fingerJoints, handShapeAngles, handShapeQuats, limitFingerSpeed } from './hands.ts';
import type { HandShape } from './hands.ts';
import { ARM, BODY_JOINT_COUNT, CANONICAL, J, JOINT_COUNT } from './skeleton.ts';
import type { Skeleton } from './skeleton.ts';

const TIPS = ['ThumbDistal', 'IndexDistal', 'MiddleDistal', 'RingDistal', 'LittleDistal'] as const;

/** World positions of the left/right fingertips (end of each distal bone) and the palm centre for one pose. */
function handPoints(m: Motion, f: number, side: 0 | 1): { tips: number[][]; palm: number[] } {
  const jc = m.skeleton.parents.length;
  const wr = new Float64Array(jc * 4),
    wp = new Float64Array(jc * 3);
  fkFrame(m, f, wr, wp);
  const pre = side === 0 ? 'left' : 'right';
  const tips = TIPS.map((t) => {
    const j = CANONICAL.names.indexOf(pre + t);
    const q = [wr[j * 4]!, wr[j * 4 + 1]!, wr[j * 4 + 2]!, wr[j * 4 + 3]!];
    const v = [CANONICAL.tips[j * 3]!, CANONICAL.tips[j * 3 + 1]!, CANONICAL.tips[j * 3 + 2]!];
    // Rotate the tip offset by the distal bone's world rotation (q v q*).
    const [x, y, z, w] = q as [number, number, number, number];
    const tx = 2 * (y * v[2]! - z * v[1]!),
      ty = 2 * (z * v[0]! - x * v[2]!),
      tz = 2 * (x * v[1]! - y * v[0]!);
    return [wp[j * 3]! + v[0]! + w * tx + (y * tz - z * ty), wp[j * 3 + 1]! + v[1]! + w * ty + (z * tx - x * tz), wp[j * 3 + 2]! + v[2]! + w * tz + (x * ty - y * tx)];
  });
  // Palm centre: midway between the wrist and the middle knuckle, 2 cm to the palm side (−Y at rest, hand unrotated here).
  const h = ARM[side].hand,
    k = CANONICAL.names.indexOf(pre + 'MiddleProximal');
  const palm = [(wp[h * 3]! + wp[k * 3]!) / 2, (wp[h * 3 + 1]! + wp[k * 3 + 1]!) / 2 - 0.02, (wp[h * 3 + 2]! + wp[k * 3 + 2]!) / 2];
  return { tips, palm };
}

const dist = (a: number[], b: number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

function posed(shape: HandShape, weight = 1): Motion {
  const m = createMotion(1, 30);
  for (const s of [0, 1] as const) applyHandShape(m.rot, CANONICAL, 0, s, shape, weight);
  return m;
}

describe('canonical skeleton with fingers', () => {
  test('52 joints: the 22 body joints keep their indices, then 15 VRM-named finger joints per hand', () => {
    expect(CANONICAL.names).toHaveLength(JOINT_COUNT);
    expect(JOINT_COUNT).toBe(52);
    expect(CANONICAL.names.slice(0, BODY_JOINT_COUNT)).toContain('rightToes');
    expect(CANONICAL.names[J.leftIndexProximal]).toBe('leftIndexProximal');
    expect(CANONICAL.exportNames[J.leftIndexProximal]).toBe('LeftHandIndex1');
    expect(CANONICAL.exportNames[J.rightLittleDistal]).toBe('RightHandPinky3');
    expect(CANONICAL.exportNames[J.leftThumbMetacarpal]).toBe('LeftHandThumb1');
    expect(fingerJoints(CANONICAL, 0)).toHaveLength(15);
    expect(fingerJoints(CANONICAL, 1)).toHaveLength(15);
    for (let j = 0; j < JOINT_COUNT; j++) {
      expect(CANONICAL.parents[j]!).toBeLessThan(j);
      expect(CANONICAL.mirror[CANONICAL.mirror[j]!]).toBe(j);
      // Mirrored joints have mirrored offsets.
      const m = CANONICAL.mirror[j]!;
      expect(CANONICAL.offsets[m * 3]!).toBeCloseTo(j === 0 ? 0 : -CANONICAL.offsets[j * 3]!, 6);
      expect(CANONICAL.offsets[m * 3 + 2]!).toBeCloseTo(CANONICAL.offsets[j * 3 + 2]!, 6);
    }
    // The thumb leaves the wrist forward (+Z) and outward at about 45°, slightly down.
    const t = J.leftThumbProximal;
    const [x, y, z] = [CANONICAL.offsets[t * 3]!, CANONICAL.offsets[t * 3 + 1]!, CANONICAL.offsets[t * 3 + 2]!];
    expect((Math.atan2(z, x) * 180) / Math.PI).toBeCloseTo(45, 0);
    expect(y).toBeLessThan(0);
  });
});

describe('hand shapes', () => {
  test('every shape stays inside the joint limits and gives unit quaternions', () => {
    for (const shape of HAND_SHAPES) {
      const a = handShapeAngles(shape);
      for (const v of Object.values(a).flat()) expect(Math.abs(v)).toBeLessThanOrEqual(110);
      const q = handShapeQuats(shape, 0);
      for (let i = 0; i < q.length; i += 4) expect(Math.hypot(q[i]!, q[i + 1]!, q[i + 2]!, q[i + 3]!)).toBeCloseTo(1, 5);
    }
  });

  test('a fist brings the fingertips to the palm; open spreads them; relaxed is in between', () => {
    const mean = (shape: HandShape, side: 0 | 1) => {
      const { tips, palm } = handPoints(posed(shape), 0, side);
      return tips.slice(1).reduce((s, t) => s + dist(t, palm), 0) / 4;
    };
    for (const side of [0, 1] as const) {
      const fist = mean('fist', side),
        relaxed = mean('relaxed', side),
        open = mean('open', side),
        grip = mean('grip', side);
      expect(fist).toBeLessThan(0.06);
      expect(open).toBeGreaterThan(0.13);
      expect(relaxed).toBeGreaterThan(fist + 0.03);
      expect(relaxed).toBeLessThan(open - 0.005);
      // A grip is looser than a fist: the fingers wrap a handle instead of closing on the palm.
      expect(grip).toBeGreaterThan(fist + 0.01);
      expect(grip).toBeLessThan(relaxed);
    }
  });

  test('fingertips curl toward the palm side (down in the T-pose), never through the back of the hand', () => {
    const { tips } = handPoints(posed('fist'), 0, 0);
    const wristY = 1.412;
    for (const t of tips.slice(1)) expect(t[1]!).toBeLessThan(wristY - 0.01);
  });

  test('point keeps the index straight and curls the rest; thumbs-up keeps only the thumb out', () => {
    const p = handPoints(posed('point'), 0, 0);
    expect(dist(p.tips[1]!, p.palm)).toBeGreaterThan(0.13);
    for (const k of [2, 3, 4]) expect(dist(p.tips[k]!, p.palm)).toBeLessThan(0.06);
    const up = handPoints(posed('thumbsUp'), 0, 0),
      fist = handPoints(posed('fist'), 0, 0);
    expect(dist(up.tips[0]!, up.palm)).toBeGreaterThan(dist(fist.tips[0]!, fist.palm) + 0.02);
    const v = handPoints(posed('victory'), 0, 0);
    expect(dist(v.tips[1]!, v.tips[2]!)).toBeGreaterThan(0.03);
    expect(dist(v.tips[3]!, v.palm)).toBeLessThan(0.06);
  });

  test('the thumb goes where a hand puts it: onto the index fingertip in a pinch, across the curled fingers in a fist', () => {
    const pinch = handPoints(posed('pinch'), 0, 0).tips;
    expect(dist(pinch[0]!, pinch[1]!)).toBeLessThan(0.02);
    const open = handPoints(posed('open'), 0, 0).tips;
    expect(dist(open[0]!, open[1]!)).toBeGreaterThan(0.06);
    // In a fist the thumb tip lies in front of the index and middle fingers' middle phalanges.
    const m = posed('fist');
    const wr = new Float64Array(JOINT_COUNT * 4),
      wp = new Float64Array(JOINT_COUNT * 3);
    fkFrame(m, 0, wr, wp);
    const pip = [J.leftIndexIntermediate, J.leftMiddleIntermediate].map((j) => [wp[j * 3]!, wp[j * 3 + 1]!, wp[j * 3 + 2]!]);
    const mid = [0, 1, 2].map((k) => (pip[0]![k]! + pip[1]![k]!) / 2);
    expect(dist(handPoints(m, 0, 0).tips[0]!, mid)).toBeLessThan(0.035);
  });

  test('the right hand is the mirror image of the left', () => {
    for (const shape of HAND_SHAPES) {
      const l = handPoints(posed(shape), 0, 0).tips,
        r = handPoints(posed(shape), 0, 1).tips;
      l.forEach((t, k) => {
        expect(r[k]![0]).toBeCloseTo(-t[0]!, 5);
        expect(r[k]![1]).toBeCloseTo(t[1]!, 5);
        expect(r[k]![2]).toBeCloseTo(t[2]!, 5);
      });
    }
  });

  test('weight blends from what is there: half a fist sits between relaxed and a fist', () => {
    const m = posed('relaxed');
    applyHandShape(m.rot, CANONICAL, 0, 0, 'fist', 0.5);
    const d = (mm: Motion) => dist(handPoints(mm, 0, 0).tips[2]!, handPoints(mm, 0, 0).palm);
    expect(d(m)).toBeLessThan(d(posed('relaxed')) - 0.01);
    expect(d(m)).toBeGreaterThan(d(posed('fist')) + 0.01);
    const before = m.rot.slice();
    applyHandShape(m.rot, CANONICAL, 0, 0, 'open', 0);
    expect(m.rot).toEqual(before);
  });

  test('a shape switched from one frame to the next closes at finger speed instead of snapping; slow blends pass untouched', () => {
    const n = 30,
      fps = 30;
    const m = createMotion(n, fps);
    for (let f = 0; f < n; f++) for (const side of [0, 1] as const) applyHandShape(m.rot, CANONICAL, f, side, f < 10 ? 'relaxed' : 'fist', 1);
    const before = m.rot.slice();
    limitFingerSpeed(m.rot, CANONICAL, n, fps);
    const step = (MAX_FINGER_SPEED_DEG * Math.PI) / 180 / fps;
    const ang = (r: Float32Array, a: number, b: number) =>
      2 * Math.acos(Math.min(1, Math.abs(r[a]! * r[b]! + r[a + 1]! * r[b + 1]! + r[a + 2]! * r[b + 2]! + r[a + 3]! * r[b + 3]!)));
    let worstStep = 0,
      frameSnap = 0;
    for (const j of fingerJoints(CANONICAL, 0))
      for (let f = 1; f < n; f++) {
        worstStep = Math.max(worstStep, ang(m.rot, (f * JOINT_COUNT + j) * 4, ((f - 1) * JOINT_COUNT + j) * 4));
        frameSnap = Math.max(frameSnap, ang(before, (f * JOINT_COUNT + j) * 4, ((f - 1) * JOINT_COUNT + j) * 4));
      }
    expect(frameSnap).toBeGreaterThan(step * 2);
    expect(worstStep).toBeLessThanOrEqual(step + 1e-4);
    // Before the switch nothing moves; a few frames after it the hand is a full fist.
    expect(m.rot.subarray(0, 10 * JOINT_COUNT * 4)).toEqual(before.subarray(0, 10 * JOINT_COUNT * 4));
    const last = (n - 1) * JOINT_COUNT * 4;
    expect(
      Array.from(m.rot.subarray(last, last + JOINT_COUNT * 4))
        .map((v, i) => Math.abs(v - before[last + i]!))
        .every((d) => d < 1e-5),
    ).toBe(true);
    // A blend over a second is slower than the limit and comes through unchanged.
    const slow = createMotion(n, fps);
    for (let f = 0; f < n; f++) {
      applyHandShape(slow.rot, CANONICAL, f, 0, 'relaxed', 1);
      applyHandShape(slow.rot, CANONICAL, f, 0, 'fist', f / (n - 1));
    }
    const slowBefore = slow.rot.slice();
    limitFingerSpeed(slow.rot, CANONICAL, n, fps);
    expect(slow.rot).toEqual(slowBefore);
  });

  test('a skeleton without finger joints is left unchanged', () => {
    const sk: Skeleton = {
      ...CANONICAL,
      id: 'body-only',
      names: CANONICAL.names.slice(0, BODY_JOINT_COUNT),
      exportNames: CANONICAL.exportNames.slice(0, BODY_JOINT_COUNT),
      parents: CANONICAL.parents.slice(0, BODY_JOINT_COUNT),
    };
    const rot = new Float32Array(BODY_JOINT_COUNT * 4).fill(0.5);
    applyHandShape(rot, sk, 0, 0, 'fist', 1);
    expect([...rot].every((v) => v === 0.5)).toBe(true);
  });

  test('engine motions have relaxed hands on every frame, not the rigid rest splay', () => {
    const m = text2motion({ prompt: 'walk forward then wave', variants: 1, durationSec: 3, footLocking: 'auto', poseFiltering: 0.5, physicsFilter: true, seed: 2 }).motions[0]!;
    const relaxed = [handShapeQuats('relaxed', 0), handShapeQuats('relaxed', 1)];
    for (let f = 0; f < m.frames; f += 7)
      for (const side of [0, 1] as const) {
        fingerJoints(CANONICAL, side).forEach((j, k) => {
          const o = (f * JOINT_COUNT + j) * 4;
          expect(Math.abs(m.rot[o + 3]!)).toBeLessThan(0.9999); // not identity
          for (let c = 0; c < 4; c++) expect(m.rot[o + c]!).toBeCloseTo(relaxed[side]![k * 4 + c]!, 5);
        });
      }
  });
});
