import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { encodeMotion, motionDurationSec, text2motion } from './index.ts';
import type { EngineProgress, Text2MotionParams } from './index.ts';
import { clipOf, footSkateRatio, penetration, poseDistance, boneLengthDrift } from './eval/metrics.ts';
import { fkAll, pointInJoint } from './core/fk.ts';
import { ARM, J, JOINT_COUNT, LEG } from './core/skeleton.ts';

const base: Text2MotionParams = { prompt: 'walk forward', variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 1 };
const run = (p: Partial<Text2MotionParams>) => text2motion({ ...base, ...p });

describe('text2motion', () => {
  test('honours the requested duration to the frame', () => {
    for (const [prompt, d, fps] of [
      ['walk forward', 4, 30],
      ['jump twice then wave', 2.5, 30],
      ['sit down', 7.3, 24],
      ['run then turn left', 10, 30],
      ['idle', 0.5, 60],
    ] as const) {
      const { motions } = run({ prompt, durationSec: d, fps, variants: 2 });
      for (const m of motions) {
        expect(m.frames).toBe(Math.round(d * fps) + 1);
        expect(motionDurationSec(m)).toBeCloseTo(Math.round(d * fps) / fps, 9);
      }
    }
  });

  test('is deterministic: same parameters give identical bytes', () => {
    const p = { prompt: 'walk forward slowly then turn left and wave', variants: 3, seed: 42 };
    const a = run(p).motions.map(encodeMotion),
      b = run(p).motions.map(encodeMotion);
    expect(a).toEqual(b);
    const c = run({ ...p, seed: 43 }).motions.map(encodeMotion);
    expect(c[0]).not.toEqual(a[0]);
  });

  test('variants are pairwise distinct', () => {
    const { motions } = run({ prompt: 'walk forward then jump', variants: 8, durationSec: 5 });
    const clips = motions.map(clipOf);
    for (let i = 0; i < clips.length; i++) for (let k = i + 1; k < clips.length; k++) expect(poseDistance(clips[i]!, clips[k]!)).toBeGreaterThan(0.005);
  });

  test('reports progress per variant and stage', () => {
    const seen: EngineProgress[] = [];
    text2motion({ ...base, variants: 3 }, (p) => seen.push(p));
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(seen[seen.length - 1]!.done).toBe(seen[seen.length - 1]!.total);
    expect(seen.some((p) => p.stage.startsWith('variant 3/3'))).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
  });

  test('feet stay planted during stance and never go through the floor', () => {
    for (const prompt of ['walk forward', 'run', 'walk slowly then turn right then jog', 'jump forward twice', 'sneak forward']) {
      const m = run({ prompt, durationSec: 6 }).motions[0]!;
      const c = clipOf(m);
      expect(footSkateRatio(c), prompt).toBeLessThanOrEqual(0.07);
      expect(penetration(c).max, prompt).toBeLessThan(0.001);
      // Contact-tagged frames: the ball of the foot moves less than 1 cm per frame.
      const { pos } = fkAll(m);
      for (let s = 0; s < 2; s++)
        for (let f = 1; f < m.frames; f++) {
          if (!m.contacts[f * 2 + s] || !m.contacts[(f - 1) * 2 + s]) continue;
          const a = (f * JOINT_COUNT + LEG[s]!.toes) * 3,
            b = ((f - 1) * JOINT_COUNT + LEG[s]!.toes) * 3;
          expect(Math.hypot(pos[a]! - pos[b]!, pos[a + 2]! - pos[b + 2]!), `${prompt} f${f}`).toBeLessThan(0.01);
        }
    }
  });

  test('locomotion moves the root forward at about the requested speed, limbs really move', () => {
    const m = run({ prompt: 'walk forward', durationSec: 8 }).motions[0]!;
    const z = m.rootPos[(m.frames - 1) * 3 + 2]!;
    expect(z).toBeGreaterThan(6);
    expect(z).toBeLessThan(11);
    expect(boneLengthDrift(m)).toBeLessThan(1e-5);
    // Knee flexion varies over the cycle.
    let lo = 1,
      hi = -1;
    for (let f = 0; f < m.frames; f++) {
      const w = m.rot[(f * JOINT_COUNT + J.leftLowerLeg) * 4 + 3]!;
      lo = Math.min(lo, w);
      hi = Math.max(hi, w);
    }
    expect(hi - lo).toBeGreaterThan(0.05);
  });

  test('turn left changes the heading by about 90 degrees', () => {
    const m = run({ prompt: 'turn left' }).motions[0]!;
    const o = (m.frames - 1) * JOINT_COUNT * 4;
    const yaw = 2 * Math.atan2(m.rot[o + 1]!, m.rot[o + 3]!);
    expect(yaw).toBeGreaterThan((70 * Math.PI) / 180);
    expect(yaw).toBeLessThan((110 * Math.PI) / 180);
  });

  test('wave raises the hand above the shoulder and oscillates the forearm', () => {
    const m = run({ prompt: 'wave with the right hand', durationSec: 3 }).motions[0]!;
    const { pos, rot } = fkAll(m);
    const mid = Math.floor(m.frames / 2);
    const hand = ARM[1].hand,
      shoulder = ARM[1].upper;
    expect(pos[(mid * JOINT_COUNT + hand) * 3 + 1]!).toBeGreaterThan(pos[(mid * JOINT_COUNT + shoulder) * 3 + 1]!);
    const xs: number[] = [];
    const p = new Float64Array(3);
    for (let f = Math.floor(m.frames * 0.3); f < Math.floor(m.frames * 0.7); f++) {
      pointInJoint(p, rot, pos, hand, [0, 0, 0], f * JOINT_COUNT * 4, f * JOINT_COUNT * 3);
      xs.push(p[0]!);
    }
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.1);
  });

  test('jump leaves the ground with both feet and lands', () => {
    const m = run({ prompt: 'jump' }).motions[0]!;
    let air = 0;
    for (let f = 0; f < m.frames; f++) if (!m.contacts[f * 2] && !m.contacts[f * 2 + 1]) air++;
    expect(air).toBeGreaterThan(6);
    expect(m.contacts[(m.frames - 1) * 2]).toBe(1);
    let top = 0;
    for (let f = 0; f < m.frames; f++) top = Math.max(top, m.rootPos[f * 3 + 1]!);
    expect(top).toBeGreaterThan(1.15);
  });

  test('sit down lowers the hips to seat height', () => {
    const m = run({ prompt: 'sit down', durationSec: 3 }).motions[0]!;
    expect(m.rootPos[(m.frames - 1) * 3 + 1]!).toBeLessThan(0.6);
  });

  test('reports understood and ignored parts of the prompt', () => {
    const { report } = run({ prompt: 'walk forward slowly then frobnicate' });
    expect(report.understood[0]).toContain('walk forward');
    expect(report.ignored).toContain('frobnicate');
  });

  test('8 variants x 10 s at 30 fps within the time budget', () => {
    run({ prompt: 'walk forward then run then jump', variants: 2, durationSec: 10 });
    const t0 = performance.now();
    run({ prompt: 'walk forward then run then jump', variants: 8, durationSec: 10 });
    // The target is 300 ms on the 2-core reference machine; allow slack for a loaded CI box.
    expect(performance.now() - t0).toBeLessThan(900);
  });

  test('rejects invalid parameters with clear messages', () => {
    expect(() => run({ variants: 0 })).toThrow(/variants/);
    expect(() => run({ variants: 9 })).toThrow(/variants/);
    expect(() => run({ seed: -1 })).toThrow(/seed/);
    expect(() => run({ poseFiltering: 2 })).toThrow(/poseFiltering/);
  });

  test('duration is exact for any request (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 20, noNaN: true }),
        fc.constantFrom(24, 25, 30, 60),
        fc.constantFrom('walk then jump', 'wave', 'run then turn left then sit down', 'dance while clapping', 'kneel'),
        (d, fps, prompt) => {
          const m = run({ prompt, durationSec: d, fps }).motions[0]!;
          expect(m.frames).toBe(Math.round(d * fps) + 1);
        },
      ),
      { numRuns: 15 },
    );
  });

  test('any prompt made of known and unknown words yields valid motion (property)', () => {
    const words = [
      'walk',
      'run',
      'then',
      'while',
      'waving',
      'jump',
      'twice',
      'left',
      'right',
      'slowly',
      'quickly',
      'sit',
      'down',
      'kneel',
      'dance',
      'for',
      '2',
      'seconds',
      'and',
      'kick',
      'lie',
      'stand',
      'up',
      'turn',
      'around',
      '90',
      'degrees',
      'tired',
      'angry',
      'banana',
      ',',
      'clap',
      'hop',
      'crouch',
      'bow',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 12 }), fc.nat(1000), fc.constantFrom(0, 1.5, 4), (ws, seed, durationSec) => {
        const prompt = ws.join(' ');
        const { motions, report } = run({ prompt, seed, durationSec, variants: 2 });
        expect(report.understood.length).toBeGreaterThan(0);
        for (const m of motions) {
          if (durationSec > 0) expect(m.frames).toBe(Math.round(durationSec * 30) + 1);
          for (const v of m.rot) expect(Number.isFinite(v)).toBe(true);
          expect(penetration(clipOf(m)).max).toBeLessThan(0.001);
        }
      }),
      { numRuns: 25 },
    );
    // 50 clips of up to 12 chained words on the 52-joint rig: ~40 s on a loaded 2-core machine, past the
    // suite's 60 s default under full-suite load; the bound is on wall time only, not on what is checked.
  }, 180_000);

  test('a requested distance is covered exactly', () => {
    for (const [prompt, d] of [
      ['run 10 meters', 10],
      ['walk 3 meters', 3],
      ['walk backward 2 meters', 2],
    ] as const) {
      const m = run({ prompt }).motions[0]!;
      const e = (m.frames - 1) * 3;
      expect(Math.hypot(m.rootPos[e]! - m.rootPos[0]!, m.rootPos[e + 2]! - m.rootPos[2]!)).toBeCloseTo(d, 1);
    }
  });
});
