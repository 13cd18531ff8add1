/** Motion operations behind the export options and auto loop: mirror, root motion, trim, loop window. */
import { describe, expect, it } from 'vitest';
import { sliceMotion } from '../core/motion.ts';
import type { Motion } from '../core/motion.ts';
import { text2motion } from '../text2motion.ts';
import { autoLoop, seamErrorDeg } from './autoLoop.ts';
import { mirrorMotion } from './mirror.ts';
import { inPlaceKeepSway, lockAxes, splitRootMotion } from './rootMotion.ts';
import { trimMotion } from './trim.ts';

const take = (prompt: string, durationSec: number, seed = 3): Motion =>
  text2motion({ prompt, variants: 1, durationSec, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed }, () => {}).motions[0]!;

/** Joins clips frame by frame (no blending): a seam exactly where one ends. */
function concat(...parts: Motion[]): Motion {
  const a = parts[0]!;
  const frames = parts.reduce((n, p) => n + p.frames, 0);
  const rootPos = new Float32Array(frames * 3),
    rot = new Float32Array((frames * a.rot.length) / a.frames),
    contacts = new Uint8Array(frames * 2);
  let f = 0;
  for (const p of parts) {
    rootPos.set(p.rootPos, f * 3);
    rot.set(p.rot, (f * a.rot.length) / a.frames);
    contacts.set(p.contacts, f * 2);
    f += p.frames;
  }
  return { fps: a.fps, frames, skeleton: a.skeleton, rootPos, rot, contacts };
}

describe('export motion operations', () => {
  const walk = take('a person walks forward then turns left and waves', 4);

  it('mirror swaps sides and is its own inverse', () => {
    const m = mirrorMotion(walk);
    const back = mirrorMotion(m);
    expect(Math.max(...back.rot.map((v, i) => Math.abs(v - walk.rot[i]!)))).toBeLessThan(1e-6);
    expect(m.rootPos[3 * 40]).toBeCloseTo(-walk.rootPos[3 * 40]!, 6);
    const sk = walk.skeleton;
    const left = sk.names.indexOf('leftUpperArm'),
      right = sk.names.indexOf('rightUpperArm');
    const jc = sk.parents.length;
    const o = (f: number, j: number) => (f * jc + j) * 4;
    expect(m.rot[o(50, left) + 3]).toBeCloseTo(walk.rot[o(50, right) + 3]!, 6);
    expect(m.rot[o(50, left) + 1]).toBeCloseTo(-walk.rot[o(50, right) + 1]!, 6);
  });

  it('root motion: root + hips-relative is the original path; in place removes the travel and keeps the sway', () => {
    const { root, motion } = splitRootMotion(walk);
    for (let i = 0; i < walk.rootPos.length; i++) expect(motion.rootPos[i]! + root[i]!).toBeCloseTo(walk.rootPos[i]!, 5);
    for (let f = 0; f < walk.frames; f++) expect(root[f * 3 + 1]).toBe(0);
    const still = inPlaceKeepSway(walk);
    const n = walk.frames - 1;
    const travel = Math.hypot(walk.rootPos[n * 3]! - walk.rootPos[0]!, walk.rootPos[n * 3 + 2]! - walk.rootPos[2]!);
    expect(travel).toBeGreaterThan(1);
    let far = 0,
      sway = 0;
    for (let f = 0; f < walk.frames; f++) {
      far = Math.max(far, Math.hypot(still.rootPos[f * 3]!, still.rootPos[f * 3 + 2]!));
      sway = Math.max(sway, Math.abs(still.rootPos[f * 3]! - still.rootPos[0]!));
    }
    expect(far).toBeLessThan(0.15);
    expect(sway, 'the hips still sway').toBeGreaterThan(0.002);
    const locked = lockAxes(walk.rootPos, ['x', 'z']);
    for (let f = 0; f < walk.frames; f++) expect([locked[f * 3], locked[f * 3 + 2]]).toEqual([walk.rootPos[0], walk.rootPos[2]]);
  });

  it('trim keeps the frames between two times', () => {
    const t = trimMotion(walk, 1, 2.5);
    expect(t.frames).toBe(Math.round(1.5 * walk.fps) + 1);
    expect(t.rootPos[0]).toBe(walk.rootPos[walk.fps * 3]);
    expect(() => trimMotion(walk, 5, 6)).toThrow(/past the clip's end/);
  });

  it('auto loop finds the repeating stretch of a clip and closes its seam', () => {
    const cycle = sliceMotion(take('a person walks forward', 3, 11), 10, 36);
    const other = sliceMotion(take('a person jumps', 2, 4), 0, 40);
    const clip = concat(cycle, cycle, other);
    const r = autoLoop(clip);
    expect((r.endSec - r.startSec) * clip.fps).toBeCloseTo(cycle.frames, 0);
    expect(r.startSec * clip.fps).toBeLessThan(cycle.frames);
    expect(seamErrorDeg(clip), 'the whole clip does not loop').toBeGreaterThan(5);
    expect(r.seamErrorDeg).toBeLessThan(2);
    expect(r.closedSeamErrorDeg).toBeLessThanOrEqual(r.seamErrorDeg + 0.5);
    expect(r.motion.frames).toBe(r.window.frames);
  });

  it('auto loop closes the seam of an ordinary take', () => {
    const r = autoLoop(walk);
    expect(r.endSec - r.startSec).toBeGreaterThanOrEqual(0.6);
    expect(r.closedSeamErrorDeg).toBeLessThan(r.seamErrorDeg + 1e-9);
    expect(r.closedSeamErrorDeg).toBeLessThan(seamErrorDeg(walk));
  });
});
