import { describe, expect, it } from 'vitest';
import { text2motion } from '../engine/index.ts';
import type { Motion } from '../engine/index.ts';
import { resampleMotion } from './motionOps.ts';

const walk: Motion = text2motion({ prompt: 'walk forward', variants: 1, durationSec: 2, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 3 }).motions[0]!;
const jc = walk.skeleton.parents.length;

function quatAngle(a: Float32Array, ia: number, b: Float32Array, ib: number): number {
  let dot = 0;
  for (let k = 0; k < 4; k++) dot += a[ia + k]! * b[ib + k]!;
  return 2 * Math.acos(Math.min(1, Math.abs(dot)));
}

describe('resampleMotion', () => {
  it('keeps the duration and hits the source keys where times coincide', () => {
    const up = resampleMotion(walk, 60);
    expect(up.fps).toBe(60);
    expect((up.frames - 1) / up.fps).toBeCloseTo((walk.frames - 1) / walk.fps, 6);
    for (const f of [0, 7, walk.frames - 1]) {
      for (let j = 0; j < jc; j++) expect(quatAngle(up.rot, (2 * f * jc + j) * 4, walk.rot, (f * jc + j) * 4)).toBeLessThan(1e-3);
      for (let k = 0; k < 3; k++) expect(up.rootPos[2 * f * 3 + k]).toBeCloseTo(walk.rootPos[f * 3 + k]!, 5);
    }
  });

  it('puts in-between frames between their neighbours', () => {
    const up = resampleMotion(walk, 60);
    const f = 10;
    for (let j = 0; j < jc; j++) {
      const whole = quatAngle(walk.rot, (f * jc + j) * 4, walk.rot, ((f + 1) * jc + j) * 4);
      const half = quatAngle(up.rot, ((2 * f + 1) * jc + j) * 4, walk.rot, (f * jc + j) * 4);
      expect(half).toBeCloseTo(whole / 2, 3);
    }
  });

  it('24 fps from 30 fps', () => {
    const down = resampleMotion(walk, 24);
    expect(down.frames).toBe(Math.round(((walk.frames - 1) / walk.fps) * 24) + 1);
    for (let i = 0; i < down.rot.length; i += 4) {
      expect(Math.hypot(down.rot[i]!, down.rot[i + 1]!, down.rot[i + 2]!, down.rot[i + 3]!)).toBeCloseTo(1, 5);
    }
  });

  it('returns the same motion for the same rate', () => {
    expect(resampleMotion(walk, walk.fps)).toBe(walk);
  });
});
