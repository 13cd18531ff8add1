import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { inpaint, loop, merge, mergeLength, refine, text2motion } from '../index.ts';
import type { Motion } from '../index.ts';
import { clipOf, frameJumps, median, poseDistance, seamJumps, footSkateRatio, penetration } from '../eval/metrics.ts';
import { inpaintWindows } from './inpaint.ts';

const gen = (prompt: string, durationSec: number, seed = 3): Motion =>
  text2motion({ prompt, variants: 1, durationSec, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed }).motions[0]!;

const walk = gen('walk forward', 4);
const idle = gen('idle then wave', 4);

function framesEqual(a: Motion, b: Motion, f: number): boolean {
  const jc = a.skeleton.parents.length;
  for (let k = 0; k < jc * 4; k++) if (a.rot[f * jc * 4 + k] !== b.rot[f * jc * 4 + k]) return false;
  for (let k = 0; k < 3; k++) if (a.rootPos[f * 3 + k] !== b.rootPos[f * 3 + k]) return false;
  return a.contacts[f * 2] === b.contacts[f * 2] && a.contacts[f * 2 + 1] === b.contacts[f * 2 + 1];
}

describe('inpaint', () => {
  test('frames outside [a − blend, b + blend] stay bit-identical (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2.5, noNaN: true }),
        fc.double({ min: 0.4, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.constantFrom('jump', 'wave', 'turn left', 'crouch'),
        fc.nat(1000),
        (start, len, blendSec, prompt, seed) => {
          const src = idle;
          const end = Math.min(3.9, start + len);
          const out = inpaint(src, { prompt, intervals: [{ start, end }], seed, blendSec });
          expect(out.frames).toBe(src.frames);
          const B = Math.round(blendSec * src.fps);
          const [[a, b]] = inpaintWindows(src, [{ start, end }]) as [[number, number]];
          for (let f = 0; f < src.frames; f++) if (f < a - B || f > b + B) expect(framesEqual(out, src, f), `frame ${f}`).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  test('the window really changes and the edges are continuous', () => {
    const out = inpaint(idle, { prompt: 'jump', intervals: [{ start: 1, end: 2.6 }], seed: 5 });
    const d = poseDistance(clipOf(out), clipOf(idle));
    expect(d).toBeGreaterThan(0.01);
    const c = clipOf(out);
    const jumps = frameJumps(c);
    // No jump at the window edges bigger than the jump's own fastest motion.
    expect(Math.max(jumps[29]!, jumps[30]!, jumps[77]!, jumps[78]!)).toBeLessThan(Math.max(...jumps) + 1e-9);
    expect(penetration(c).max).toBeLessThan(0.001);
  });

  test('frames after the window keep their world positions', () => {
    const out = inpaint(walk, { prompt: 'walk forward quickly', intervals: [{ start: 1, end: 2 }], seed: 9, blendSec: 0.2 });
    const f = walk.frames - 1;
    expect(out.rootPos[f * 3 + 2]).toBe(walk.rootPos[f * 3 + 2]);
  });

  test('rejects empty intervals', () => {
    expect(() => inpaint(walk, { prompt: 'jump', intervals: [], seed: 1 })).toThrow(/interval/);
  });
});

describe('merge', () => {
  test('length follows the formula (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.nat(30),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        fc.constantFrom('jump', 'run', 'wave', 'sit down'),
        fc.nat(99),
        (trimL, trimR, blendSec, prompt, seed) => {
          const out = merge(walk, { prompt, trimLeftFrames: trimL, trimRightFrames: trimR, blendSec, seed, durationSec: 2 });
          const right = Math.round(2 * walk.fps) + 1;
          const nb = Math.min(Math.round(blendSec * walk.fps), walk.frames - trimL - 1, right - trimR - 1);
          expect(out.frames).toBe(mergeLength(walk.frames, right, trimL, trimR, nb));
        },
      ),
      { numRuns: 10 },
    );
  });

  test('keeps the left part and continues smoothly', () => {
    const out = merge(walk, { prompt: 'jump', blendSec: 0.3, seed: 2 });
    expect(out.frames).toBeGreaterThan(walk.frames);
    // The untouched head of the left motion is kept exactly (before foot locking touches anything new).
    expect(Math.abs(out.rootPos[30]! - walk.rootPos[30]!)).toBeLessThan(1e-6);
    const c = clipOf(out);
    const j = frameJumps(c);
    const seam = walk.frames - 9;
    expect(Math.max(...j.slice(seam - 3, seam + 3))).toBeLessThan(4 * median(j) + 0.02);
  });
});

describe('loop', () => {
  test('output is exactly reps × frames and seams are no worse than a typical frame step (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        fc.constantFrom('INTERPOLATION', 'LOCKED') as fc.Arbitrary<'INTERPOLATION' | 'LOCKED'>,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('walk', 'idle'),
        (reps, blendSec, rootFixMode, fixAltitude, fixHorizontal, fixOrientation, acrossEntireMotion, which) => {
          const src = which === 'walk' ? walk : idle;
          const out = loop(src, { reps, blendSec, rootFixMode, fixAltitude, fixHorizontal, fixOrientation, acrossEntireMotion });
          expect(out.frames).toBe(reps * src.frames);
          if (reps > 1) {
            const seams = Array.from({ length: reps - 1 }, (_, k) => (k + 1) * src.frames);
            const c = clipOf(out);
            const { max } = seamJumps(c, seams);
            const clipMedian = median(frameJumps(clipOf(src)));
            // LOCKED horizontal pins the return exactly, so its seam step may differ by one normal step.
            const slack = rootFixMode === 'LOCKED' ? 2.2 : 1.25;
            expect(max).toBeLessThanOrEqual(clipMedian * slack + 0.004);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  test('unflagged horizontal motion accumulates across repetitions; flagged does not', () => {
    const acc = loop(walk, { reps: 3, fixHorizontal: false });
    const fixed = loop(walk, { reps: 3, fixHorizontal: true });
    const end = (m: Motion) => m.rootPos[(m.frames - 1) * 3 + 2]!;
    expect(end(acc)).toBeGreaterThan(2.5 * walk.rootPos[(walk.frames - 1) * 3 + 2]!);
    expect(Math.abs(end(fixed))).toBeLessThan(1);
    expect(footSkateRatio(clipOf(acc))).toBeLessThanOrEqual(0.07);
  });
});

describe('refine', () => {
  test('returns the requested number of variants, same length, deterministic, more creativity → more change', () => {
    const a = refine(idle, { creativity: 0.8, seed: 4, variants: 3 });
    expect(a).toHaveLength(3);
    for (const m of a) expect(m.frames).toBe(idle.frames);
    const b = refine(idle, { creativity: 0.8, seed: 4, variants: 3 });
    expect(Array.from(b[1]!.rot)).toEqual(Array.from(a[1]!.rot));
    const base = clipOf(idle);
    const low = poseDistance(clipOf(refine(idle, { creativity: 0.1, seed: 4 })[0]!), base);
    const high = poseDistance(clipOf(refine(idle, { creativity: 1, seed: 4 })[0]!), base);
    expect(high).toBeGreaterThan(low);
    expect(poseDistance(clipOf(a[0]!), clipOf(a[1]!))).toBeGreaterThan(0.001);
  });

  test('creativity 0 only cleans', () => {
    const [m] = refine(walk, { creativity: 0, seed: 1 });
    expect(poseDistance(clipOf(m!), clipOf(walk))).toBeLessThan(0.002);
  });

  test('with a prompt, re-synthesizes from it', () => {
    const [m] = refine(idle, { creativity: 0.3, seed: 1, prompt: 'jump' });
    let top = 0;
    for (let f = 0; f < m!.frames; f++) top = Math.max(top, m!.rootPos[f * 3 + 1]!);
    expect(top).toBeGreaterThan(1.1);
  });
});
