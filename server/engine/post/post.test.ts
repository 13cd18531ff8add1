import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { footLock, physicsFilter, poseFilter, text2motion } from '../index.ts';
import type { FootLockingMode, Motion } from '../index.ts';
import { clipOf, footSkateRatio, meanJerk, penetration, resample } from '../eval/metrics.ts';
import { fkAll } from '../core/fk.ts';
import { lowestSole, detectContacts } from './footlock.ts';
import { centreOfMass } from './physics.ts';
import { JOINT_COUNT } from '../core/skeleton.ts';
import { GRAVITY } from '../synth/jump.ts';

const gen = (
  prompt: string,
  footLocking: FootLockingMode = 'auto',
  extra: Partial<{ poseFiltering: number; physicsFilter: boolean; seed: number; durationSec: number }> = {},
): Motion =>
  text2motion({
    prompt,
    variants: 1,
    durationSec: extra.durationSec ?? 5,
    footLocking,
    poseFiltering: extra.poseFiltering ?? 0,
    physicsFilter: extra.physicsFilter ?? false,
    seed: extra.seed ?? 1,
  }).motions[0]!;

const PROMPTS = ['walk forward', 'run then turn left', 'jog in a circle', 'walk backward slowly', 'sneak forward', 'jump forward twice', 'march forward', 'skip forward'];

describe('foot locking modes', () => {
  test('skate ratio: always ≤ auto ≤ never (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROMPTS), fc.nat(50), (prompt, seed) => {
        const skate = (mode: FootLockingMode) => footSkateRatio(clipOf(gen(prompt, mode, { seed })));
        const always = skate('always'),
          auto = skate('auto'),
          never = skate('never');
        expect(always).toBeLessThanOrEqual(auto + 1e-9);
        expect(auto).toBeLessThanOrEqual(never + 1e-9);
        expect(auto).toBeLessThanOrEqual(0.07);
      }),
      { numRuns: 10 },
    );
  });

  test('grounding keeps the lowest sole point on the floor whenever a foot is in contact', () => {
    const m = gen('walk forward then jump', 'grounding');
    const { pos, rot } = fkAll(m);
    const low = lowestSole(m, pos, rot);
    for (let f = 0; f < m.frames; f++) {
      expect(low[f]!).toBeGreaterThan(-0.001);
      if (m.contacts[f * 2] && m.contacts[f * 2 + 1]) expect(low[f]!).toBeLessThan(0.02);
    }
  });

  test('foot locking repairs a sliding foot', () => {
    // Sway the whole body sideways (±10 cm at 1.5 Hz): with the legs rigidly attached, the planted feet slide.
    const m = gen('idle', 'never', { durationSec: 3 });
    const slid = { ...m, rootPos: m.rootPos.slice() };
    for (let f = 0; f < m.frames; f++) slid.rootPos[f * 3] = slid.rootPos[f * 3]! + 0.1 * Math.sin((2 * Math.PI * 1.5 * f) / m.fps);
    const before = footSkateRatio(clipOf(slid));
    const after = footSkateRatio(clipOf(footLock(slid, 'auto')));
    expect(before).toBeGreaterThan(0.2);
    expect(after).toBeLessThan(0.02);
  });

  test('contact detection finds stance phases of a walk', () => {
    const m = gen('walk forward', 'auto');
    const d = detectContacts(m);
    let agree = 0;
    for (let i = 0; i < d.length; i++) if (d[i] === m.contacts[i]) agree++;
    expect(agree / d.length).toBeGreaterThan(0.85);
  });
});

describe('pose filtering', () => {
  test('jerk falls monotonically with strength (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROMPTS, 'dance', 'wave then clap'), fc.nat(20), (prompt, seed) => {
        const jerk = (s: number) => meanJerk(resample(clipOf(gen(prompt, 'auto', { poseFiltering: s, seed })), 20));
        const js = [0, 0.3, 0.6, 1].map(jerk);
        for (let i = 1; i < js.length; i++) expect(js[i]!).toBeLessThanOrEqual(js[i - 1]! * 1.001 + 1e-6);
        expect(js[3]!).toBeLessThan(js[0]!);
      }),
      { numRuns: 8 },
    );
  });

  test('strength 0 is a no-op and filtering keeps the frame count', () => {
    const m = gen('wave');
    expect(poseFilter(m, 0)).toBe(m);
    expect(poseFilter(m, 0.7).frames).toBe(m.frames);
  });

  test('a full 360° spin survives filtering without flips', () => {
    const m = gen('spin around twice', 'auto', { durationSec: 4 });
    const f = poseFilter(m, 0.5);
    expect(meanJerk(clipOf(f))).toBeLessThanOrEqual(meanJerk(clipOf(m)) * 1.01);
  });
});

describe('physics filter', () => {
  test('removes penetration and makes flight ballistic', () => {
    const m = gen('jump forward then jump', 'auto', { physicsFilter: true, durationSec: 4 });
    const c = clipOf(m);
    expect(penetration(c).max).toBeLessThan(0.001);
    // In each flight phase the hips height has constant second difference −g·dt².
    const dt = 1 / m.fps;
    let checked = 0;
    for (let f = 2; f < m.frames - 2; f++) {
      const air = (k: number) => !m.contacts[k * 2] && !m.contacts[k * 2 + 1];
      if (!(air(f - 1) && air(f) && air(f + 1))) continue;
      const acc = (m.rootPos[(f + 1) * 3 + 1]! - 2 * m.rootPos[f * 3 + 1]! + m.rootPos[(f - 1) * 3 + 1]!) / (dt * dt);
      expect(acc).toBeCloseTo(-GRAVITY, 0);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  test('keeps the centre of mass over the feet when standing', () => {
    // Push the hips forward so the body leans out of its base of support.
    const m = gen('idle', 'auto', { durationSec: 2 });
    const leaned = { ...m, rootPos: m.rootPos.slice() };
    for (let f = 0; f < m.frames; f++) leaned.rootPos[f * 3 + 2] = leaned.rootPos[f * 3 + 2]! + 0.25;
    const fixed = physicsFilter(leaned);
    const { pos } = fkAll(fixed);
    const com = new Float64Array(3);
    const mid = Math.floor(m.frames / 2);
    centreOfMass(pos, mid, JOINT_COUNT, com);
    const feetZ = (pos[(mid * JOINT_COUNT + 16) * 3 + 2]! + pos[(mid * JOINT_COUNT + 20) * 3 + 2]!) / 2;
    expect(Math.abs(com[2]! - feetZ)).toBeLessThan(0.15);
  });
});
