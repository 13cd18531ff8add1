import { describe, expect, it } from 'vitest';
import { fkAll, fkPositions } from '../core/fk.ts';
import { qRotate } from '../core/quat.ts';
import type { Motion } from '../core/motion.ts';
import { J, JOINT_COUNT } from '../core/skeleton.ts';
import { text2motion } from '../text2motion.ts';
import type { Text2MotionParams } from '../text2motion.ts';
import { keyWeight } from './keyPoses.ts';
import { distanceToPath, pathPolyline } from './spline.ts';
import { ConstraintError, validateConstraints } from './types.ts';
import type { Constraints } from './types.ts';

const base: Text2MotionParams = { prompt: 'a person walks', variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 3 };
const run = (p: Partial<Text2MotionParams>, constraints?: Constraints): Motion => text2motion({ ...base, ...p, ...(constraints ? { constraints } : {}) }).motions[0]!;
// fkPositions/fkAll cover every joint of the canonical skeleton (body + fingers), so frames are JOINT_COUNT apart.
const jc = JOINT_COUNT;
const at = (P: Float32Array, f: number, j: number) => [0, 1, 2].map((c) => P[(f * jc + j) * 3 + c]!);
const dist = (a: number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** Finite-difference jerk magnitude (m/s³) of joint j at every frame from 3 on. */
function jerk(P: Float32Array, frames: number, j: number, fps: number): number[] {
  const out: number[] = [];
  for (let f = 3; f < frames; f++) {
    const d = [0, 1, 2].map((c) => P[(f * jc + j) * 3 + c]! - 3 * P[((f - 1) * jc + j) * 3 + c]! + 3 * P[((f - 2) * jc + j) * 3 + c]! - P[((f - 3) * jc + j) * 3 + c]!);
    out.push(Math.hypot(...d) * fps ** 3);
  }
  return out;
}

describe('constraint solver', () => {
  it('follows a 3-waypoint path with the prompt gait: hips within 5 cm, ends on the last waypoint, planted feet stay put', () => {
    const waypoints = [
      { x: 0, z: 0 },
      { x: 1, z: 2 },
      { x: -0.5, z: 4 },
    ];
    const m = run({}, { path: { waypoints } });
    const poly = pathPolyline(waypoints);
    for (let f = 0; f < m.frames; f++) expect(distanceToPath(poly, m.rootPos[f * 3]!, m.rootPos[f * 3 + 2]!)).toBeLessThan(0.05);
    const e = (m.frames - 1) * 3;
    expect(Math.hypot(m.rootPos[e]! + 0.5, m.rootPos[e + 2]! - 4)).toBeLessThan(0.05);
    // The body turns with the path: at the end it faces along the last tangent (toward −x, +z).
    const P = fkPositions(m);
    for (const [side, j] of [
      [0, J.leftFoot],
      [1, J.rightFoot],
    ] as const) {
      for (let f = 1; f < m.frames; f++) {
        if (!m.contacts[f * 2 + side] || !m.contacts[(f - 1) * 2 + side]) continue;
        const a = at(P, f, j),
          b = at(P, f - 1, j);
        expect(Math.hypot(a[0]! - b[0]!, a[2]! - b[2]!)).toBeLessThan(0.01);
      }
    }
  });

  it('reaches arrival times: the hips pass each timed waypoint at its time', () => {
    const waypoints = [
      { x: 0, z: 0 },
      { x: 0, z: 2, t: 2 },
      { x: 2, z: 3, t: 5 },
    ];
    const m = run({}, { path: { waypoints } });
    expect(m.frames).toBeGreaterThanOrEqual(5 * 30);
    const poly = pathPolyline(waypoints);
    const f2 = 60;
    expect(Math.hypot(m.rootPos[f2 * 3]! - 0, m.rootPos[f2 * 3 + 2]! - 2)).toBeLessThan(0.05);
    const f5 = 150;
    expect(Math.hypot(m.rootPos[f5 * 3]! - 2, m.rootPos[f5 * 3 + 2]! - 3)).toBeLessThan(0.05);
    expect(poly.waypointS[2]).toBeCloseTo(poly.length, 6);
  });

  it('hits a right-hand key pose exactly at frame 45 with no jerk spike around it', () => {
    const plain = run({ durationSec: 4 });
    const P0 = fkPositions(plain);
    const h = at(P0, 45, J.rightHand);
    const target: [number, number, number] = [h[0]! + 0.2, h[1]! + 0.5, h[2]! + 0.3];
    const m = run({ durationSec: 4 }, { keyPoses: [{ t: 1.5, effectors: { rightHand: target } }] });
    const P = fkPositions(m);
    expect(dist(at(P, 45, J.rightHand), target)).toBeLessThan(0.02);
    const jk = jerk(P, m.frames, J.rightHand, 30);
    const median = [...jk].sort((a, b) => a - b)[jk.length >> 1]!;
    const around = jk.slice(45 - 10 - 3, 45 + 10 - 3 + 1);
    expect(Math.max(...around)).toBeLessThan(3 * median);
    // Far from the key the clip is untouched.
    expect(dist(at(P, 110, J.rightHand), at(P0, 110, J.rightHand))).toBeLessThan(1e-4);
  });

  it('leans in for a hand target beyond arm reach and still hits it', () => {
    const plain = run({ prompt: 'a person stands', durationSec: 3 });
    const P0 = fkPositions(plain);
    const sh = at(P0, 45, J.rightUpperArm);
    const target: [number, number, number] = [sh[0]! - 0.2, sh[1]! - 0.2, sh[2]! + 0.55];
    const m = run({ prompt: 'a person stands', durationSec: 3 }, { keyPoses: [{ t: 1.5, effectors: { rightHand: target } }] });
    expect(dist(at(fkPositions(m), 45, J.rightHand), target)).toBeLessThan(0.02);
  });

  it('pins the left foot for 1 s: it moves at most 1 cm, during a pivot and during a walk', () => {
    for (const prompt of ['a person turns around', 'a person walks']) {
      const m = run({ prompt, durationSec: 3 }, { pins: [{ effector: 'leftFoot', start: 0.5, end: 1.5 }] });
      const P = fkPositions(m);
      const p0 = at(P, 15, J.leftFoot);
      for (let f = 15; f <= 45; f++) expect(dist(at(P, f, J.leftFoot), p0)).toBeLessThan(0.01);
    }
  });

  it('pins a hand to a given point and turns the head toward a look-at target', () => {
    const wall: [number, number, number] = [-0.45, 1.3, 0.35];
    const m = run(
      { prompt: 'a person stands', durationSec: 3 },
      {
        pins: [{ effector: 'rightHand', start: 1, end: 2, target: wall }],
        keyPoses: [{ t: 0.5, lookAt: [3, 1.6, 1] }],
      },
    );
    const P = fkPositions(m);
    for (let f = 30; f <= 60; f++) expect(dist(at(P, f, J.rightHand), wall)).toBeLessThan(0.01);
    // At the key the face (+Z of the head) points at the target.
    const { rot, pos } = fkAll(m);
    const fwd = new Float64Array([0, 0, 1]);
    qRotate(fwd, rot.subarray((15 * jc + J.head) * 4, (15 * jc + J.head) * 4 + 4), fwd);
    const hp = pos.subarray((15 * jc + J.head) * 3, (15 * jc + J.head) * 3 + 3);
    const to = [3 - hp[0]!, 1.6 - hp[1]!, 1 - hp[2]!];
    const cos = (fwd[0]! * to[0]! + fwd[1]! * to[1]! + fwd[2]! * to[2]!) / Math.hypot(...to);
    expect(cos).toBeGreaterThan(0.999);
  });

  it('is deterministic and leaves the input untouched', () => {
    const c: Constraints = {
      path: {
        waypoints: [
          { x: 0, z: 0 },
          { x: 2, z: 2 },
        ],
      },
      pins: [{ effector: 'rightFoot', start: 0.2, end: 0.6, target: 'floor' }],
    };
    const a = run({}, c),
      b = run({}, c);
    expect(Buffer.from(a.rot.buffer).equals(Buffer.from(b.rot.buffer))).toBe(true);
  });

  it('weights are smooth: 1 at the key, 0 at the window edges, small anticipation and overshoot', () => {
    expect(keyWeight(0)).toBe(1);
    expect(keyWeight(-1)).toBe(0);
    expect(keyWeight(1)).toBe(0);
    const xs = Array.from({ length: 201 }, (_, i) => -1 + i / 100);
    expect(Math.min(...xs.map(keyWeight))).toBeLessThan(0);
    expect(Math.min(...xs.map(keyWeight))).toBeGreaterThan(-0.07);
    expect(Math.max(...xs.map(keyWeight))).toBeGreaterThan(1);
    expect(Math.max(...xs.map(keyWeight))).toBeLessThan(1.07);
  });

  it('refuses bad constraints with the field named', () => {
    const bad = (c: Constraints, field: string) => {
      try {
        validateConstraints(c, 4);
      } catch (e) {
        expect(e).toBeInstanceOf(ConstraintError);
        expect((e as ConstraintError).field).toBe(field);
        return;
      }
      throw new Error('accepted');
    };
    bad({ path: { waypoints: [{ x: 0, z: 0 }] } }, 'path.waypoints');
    bad(
      {
        path: {
          waypoints: [
            { x: 3, z: 0 },
            { x: 4, z: 0 },
          ],
        },
      },
      'path.waypoints[0]',
    );
    bad(
      {
        path: {
          waypoints: [
            { x: 0, z: 0 },
            { x: 1, z: 0, t: 2 },
            { x: 2, z: 0, t: 1 },
          ],
        },
      },
      'path.waypoints[2].t',
    );
    bad({ keyPoses: [{ t: 9 }] }, 'keyPoses[0].t');
    bad({ pins: [{ effector: 'leftFoot', start: 2, end: 1 }] }, 'pins[0].end');
    expect(() =>
      run(
        { prompt: 'a person waves' },
        {
          path: {
            waypoints: [
              { x: 0, z: 0 },
              { x: 0, z: 3 },
            ],
          },
        },
      ),
    ).toThrow(/travelling action/);
    expect(() => run({ durationSec: 3 }, { keyPoses: [{ t: 1, rotations: { elbow: [0, 0, 0, 1] } }] })).toThrow(/unknown bone/);
  });
});
