/**
 * The object, sports, dance, gesture and idle parts of the action library beyond the per-id checks of
 * `library.test.ts` (which synthesizes every id and checks the facts of `everydayFacts.ts` on the
 * exported BVH): how they are made, a raised foot held for balance, sides, counts, layering over
 * walking, variants, props and scene proxies. Plans are built directly, not through the prompt reader.
 */
import { describe, expect, test } from 'vitest';
import type { Motion } from '../core/motion.ts';
import { ARM, J, LEG } from '../core/skeleton.ts';
import { motionFacts } from '../eval/physicsPredicates.ts';
import type { MotionFacts } from '../eval/physicsPredicates.ts';
import { clipOf, poseDistance, resample } from '../eval/metrics.ts';
import { exportBvh } from '../io/bvh.ts';
import { readBvh } from '../io/bvhRead.ts';
import type { PlanStep } from '../prompt/plan.ts';
import { motionsFromPlan } from '../text2motion.ts';
import { ACTION_IDS } from './actionIds.ts';
import type { ActionCategory } from './actionIds.ts';
import { EVERYDAY_FACTS } from './everydayFacts.ts';
import { registryEntry } from './registry.ts';
import type { SceneOut } from './scene.ts';

const CATEGORIES: ReadonlySet<ActionCategory> = new Set(['object', 'sports', 'dance', 'gesture', 'idle']);
const STYLE = { energy: 0, tension: 0, age: 0 };

function synth(step: Omit<PlanStep, 'label' | 'with'> & { with?: PlanStep[] }, variants = 1, seed = 5): { motions: Motion[]; scenes: SceneOut[] } {
  const plan = { steps: [{ label: step.action, with: [], ...step }], understood: [], ignored: [], style: STYLE };
  return motionsFromPlan(plan, { prompt: step.action, variants, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed });
}
const factsOf = (m: Motion): MotionFacts => motionFacts(readBvh(exportBvh(m)));
const shape20 = (m: Motion) => resample(clipOf(m), 19 / Math.max(1e-3, (m.frames - 1) / m.fps));

const ids = ACTION_IDS.filter((e) => CATEGORIES.has(e.category));
function run(id: string): { motion: Motion; scene: SceneOut } {
  const out = synth({ action: id });
  return { motion: out.motions[0]!, scene: out.scenes[0]! };
}

/** World position of joint `j` at frame `f`. */
function jointAt(m: Motion, j: number, f: number): [number, number, number] {
  const c = clipOf(m);
  const o = (f * c.joints + j) * 3;
  return [c.pos[o]!, c.pos[o + 1]!, c.pos[o + 2]!];
}
const HAND = [ARM[0]!.hand, ARM[1]!.hand] as const;

describe('object, sports, dance, gesture and idle actions', () => {
  test('every id of these categories has motion, all but the procedural gestures and the generic dance authored as data, and every fact names one of them', () => {
    const missing = ids.filter((e) => registryEntry(e.id) === undefined).map((e) => e.id);
    expect(missing).toEqual([]);
    const notData = ids
      .filter((e) => registryEntry(e.id)?.kind !== 'data')
      .map((e) => e.id)
      .sort();
    expect(notData).toEqual(['bow', 'cheer', 'clap', 'crossArms', 'dance', 'lookAround', 'nod', 'point', 'salute', 'shakeHead', 'shrug', 'think', 'wave']);
    for (const id of Object.keys(EVERYDAY_FACTS))
      expect(
        ids.some((e) => e.id === id),
        id,
      ).toBe(true);
  });

  test('balancing on one foot lifts the other foot for more than a second while the standing foot stays down', () => {
    const { motion } = run('balanceOneFoot');
    let up = 0;
    for (let f = 0; f < motion.frames; f++) {
      const l = jointAt(motion, LEG[0]!.foot, f)[1],
        r = jointAt(motion, LEG[1]!.foot, f)[1];
      if (Math.max(l, r) > 0.3 && Math.min(l, r) < 0.15) up++;
    }
    expect(up / motion.fps).toBeGreaterThan(1);
  });
});

describe('plan parameters on these actions', () => {
  test('side mirrors: a left-handed phone call holds the phone to the left ear', () => {
    const nearest = (m: Motion, hand: number): number => {
      let best = Infinity;
      for (let f = 0; f < m.frames; f++) {
        const h = jointAt(m, hand, f),
          head = jointAt(m, J.head, f);
        best = Math.min(best, Math.hypot(h[0] - head[0], h[1] - head[1], h[2] - head[2]));
      }
      return best;
    };
    const left = synth({ action: 'phoneCall', side: 0 }).motions[0]!,
      right = synth({ action: 'phoneCall', side: 1 }).motions[0]!;
    expect(nearest(left, HAND[0])).toBeLessThan(0.2);
    expect(nearest(left, HAND[1])).toBeGreaterThan(0.4);
    expect(nearest(right, HAND[1])).toBeLessThan(0.2);
    expect(props(synth({ action: 'phoneCall', side: 0 }).scenes[0]!)).toEqual([['phone', 'leftHand']]);
  });

  test('side mirrors a full-body throw: a left-handed overhand throw releases from the left hand above the head', () => {
    const top = (m: Motion, hand: number): number => {
      let best = -Infinity;
      for (let f = 0; f < m.frames; f++) best = Math.max(best, jointAt(m, hand, f)[1] - jointAt(m, J.head, f)[1]);
      return best;
    };
    const left = synth({ action: 'throwOverhand', side: 0 }).motions[0]!;
    expect(top(left, HAND[0])).toBeGreaterThan(0.2);
    expect(top(left, HAND[1])).toBeLessThan(0);
    expect(props(synth({ action: 'throwOverhand', side: 0 }).scenes[0]!)).toEqual([['ball', 'leftHand']]);
  });

  test('count repeats a cycle: clapping overhead four times brings the hands together four times', () => {
    const m = synth({ action: 'clapOverhead', count: 4 }).motions[0]!;
    let claps = 0,
      together = false;
    for (let f = 0; f < m.frames; f++) {
      const l = jointAt(m, HAND[0], f),
        r = jointAt(m, HAND[1], f);
      const d = Math.hypot(l[0] - r[0], l[1] - r[1], l[2] - r[2]);
      if (!together && d < 0.08) {
        claps++;
        together = true;
      } else if (together && d > 0.15) together = false;
    }
    expect(claps).toBe(4);
  });

  test('count repeats: three fist pumps raise the fist above the head three times', () => {
    const m = synth({ action: 'fistPump', count: 3 }).motions[0]!;
    let peaks = 0,
      upNow = false;
    for (let f = 0; f < m.frames; f++) {
      const h = jointAt(m, HAND[1], f)[1] - jointAt(m, J.head, f)[1];
      if (!upNow && h > 0.25) {
        peaks++;
        upNow = true;
      } else if (upNow && h < 0.1) upNow = false;
    }
    expect(peaks).toBe(3);
  });

  test('upper-body actions layer over walking: walking while drinking travels with the cup at the mouth', () => {
    const m = synth({ action: 'walk', with: [{ action: 'drink', label: 'drink', with: [] }] }).motions[0]!;
    const f = factsOf(m);
    expect(f.travel).toBeGreaterThan(1);
    expect(f.minHandHeadDistance).toBeLessThan(0.22);
  });

  test('variants differ visibly in timing or amplitude', () => {
    for (const id of ['golfSwing', 'waltz', 'facepalm', 'balanceOneFoot']) {
      const clips = synth({ action: id }, 3, 9).motions.map(shape20);
      expect(poseDistance(clips[0]!, clips[1]!), id).toBeGreaterThan(0.005);
    }
  });

  test('props and scene proxies come with the motion', () => {
    expect(props(run('pickUp').scene)).toEqual([['box', 'both']]);
    expect(props(run('golfSwing').scene)).toEqual([['club', 'both']]);
    expect(props(run('archery').scene)).toEqual([['bow', 'leftHand']]);
    expect(run('hammer').scene.scene.map((s) => s.kind)).toEqual(['table']);
    expect(run('knockDoor').scene.scene.map((s) => s.kind)).toEqual(['door']);
  });
});

function props(s: SceneOut): [string, string][] {
  return s.props.map((p) => [p.kind, p.attach]);
}
