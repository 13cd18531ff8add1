/**
 * The object, sports, dance, gesture and idle parts of the action library, judged on what a user
 * downloads: every id is synthesized from a plan built directly (not through the prompt reader),
 * exported to BVH, re-read, and its physical facts measured by forward kinematics
 * (`eval/physicsPredicates.ts`): hands reach props and the face, swings grip with both hands, throws
 * release above the head, jumps leave the ground, floor strokes bring the hips down, dances stay on
 * the spot. The sibling `library.test.ts` (locomotion, terrain, combat, …) follows the same pattern.
 */
import { describe, expect, test } from 'vitest';
import type { Motion } from '../core/motion.ts';
import { ARM, J, LEG } from '../core/skeleton.ts';
import { checkFacts, motionFacts } from '../eval/physicsPredicates.ts';
import type { MotionFacts, PhysicsExpect } from '../eval/physicsPredicates.ts';
import { clipOf, poseDistance, resample } from '../eval/metrics.ts';
import { exportBvh } from '../io/bvh.ts';
import { readBvh } from '../io/bvhRead.ts';
import type { PlanStep } from '../prompt/plan.ts';
import { motionsFromPlan } from '../text2motion.ts';
import { ACTION_IDS } from './actionIds.ts';
import type { ActionCategory } from './actionIds.ts';
import { registryEntry } from './registry.ts';
import type { SceneOut } from './scene.ts';

const CATEGORIES: ReadonlySet<ActionCategory> = new Set(['object', 'sports', 'dance', 'gesture', 'idle']);

/** What the words mean physically, per id (metres; hands are wrists, so "near the head" allows a hand's length). */
const FACTS: Record<string, PhysicsExpect> = {
  // Objects: hands reach the floor for boxes, the mouth for food and drink, the ear for a phone.
  pickUp: { handBelowKnee: true, handsWithin: 0.45 }, putDown: { handBelowKnee: true }, lift: { handBelowKnee: true, handAboveHead: true },
  carry: { travel: [0.8, 5], handsWithin: 0.45 }, push: { travel: [0.5, 5] }, pull: { travel: [0.5, 5] },
  throwOverhand: { handAboveHead: true }, catchBall: { handsWithin: 0.2 }, hammer: { inPlace: true },
  drink: { handNearHead: 0.22 }, eat: { handNearHead: 0.2 }, phoneCall: { handNearHead: 0.2 }, brushTeeth: { handNearHead: 0.2 },
  comb: { handNearHead: 0.26 }, takePhoto: { handNearHead: 0.3, handsWithin: 0.2 }, readBook: { handsWithin: 0.3 }, stir: { handsWithin: 0.2 },
  // Sports: both hands on one grip, overhead releases, real flight, strokes near the floor.
  golfSwing: { handsWithin: 0.1, inPlace: true }, golfPutt: { handsWithin: 0.1, inPlace: true }, baseballSwing: { handsWithin: 0.1 },
  hockeySlapShot: { inPlace: true }, baseballPitch: { handAboveHead: true }, tennisServe: { handAboveHead: true }, cricketBowl: { handAboveHead: true, travel: [0.8, 3] },
  basketballShot: { handAboveHead: true, airborneFrames: 3, inPlace: true }, volleyballSpike: { handAboveHead: true, airborneFrames: 3 },
  volleyballBump: { handsWithin: 0.1, inPlace: true }, basketballDribble: { inPlace: true },
  swimFreestyle: { hipsBelow: 0.35, travel: [1, 8] }, swimBreaststroke: { hipsBelow: 0.35, travel: [1, 8] }, swimBackstroke: { hipsBelow: 0.35, travel: [1, 8] },
  rowing: { hipsBelow: 0.45 }, bowling: { travel: [0.8, 3], hipsBelow: 0.7 }, archery: { handNearHead: 0.15, inPlace: true },
  jumpRope: { inPlace: true }, hulaHoop: { inPlace: true }, skiing: { travel: [1.5, 20] }, skateboard: { travel: [1, 10] },
  // Dances stay on the spot (a waltz box closes on itself); some reach up or meet the hands.
  waltz: { inPlace: true }, hipHop: { inPlace: true }, robot: { inPlace: true }, salsa: { inPlace: true }, disco: { inPlace: true, handAboveHead: true },
  ballet: { inPlace: true, handAboveHead: true }, breakdance: { inPlace: true }, twist: { inPlace: true }, slowDance: { inPlace: true },
  macarena: { inPlace: true }, chickenDance: { inPlace: true, handsWithin: 0.1 }, headbang: { inPlace: true }, shuffleDance: { inPlace: true },
  // Gestures.
  facepalm: { handNearHead: 0.2 }, cry: { handNearHead: 0.2 }, shush: { handNearHead: 0.2 }, callOut: { handNearHead: 0.2, handsWithin: 0.2 },
  yawn: { handNearHead: 0.25 }, blowKiss: { handNearHead: 0.22 }, scratchHead: { handNearHead: 0.22 }, wipeForehead: { handNearHead: 0.22 },
  coverEars: { handNearHead: 0.15, handsWithin: 0.3 }, dab: { handNearHead: 0.2 }, pray: { handsWithin: 0.06 }, clapOverhead: { handAboveHead: true, handsWithin: 0.08 },
  armsUp: { handAboveHead: true }, fistPump: { handAboveHead: true }, victory: { handAboveHead: true }, hug: { handsWithin: 0.3 },
  kneelPray: { hipsBelow: 0.6, handsWithin: 0.06 }, celebrate: { airborneFrames: 3, handAboveHead: true }, curtsy: { hipsBelow: 0.85 },
  // Idles.
  stretchIdle: { handAboveHead: true, handsWithin: 0.1 }, tired: { hipsBelow: 0.9 }, balanceOneFoot: { inPlace: true }, cold: { inPlace: true, handsWithin: 0.4 },
};

const STYLE = { energy: 0, tension: 0, age: 0 };

function synth(step: Omit<PlanStep, 'label' | 'with'> & { with?: PlanStep[] }, variants = 1, seed = 5): { motions: Motion[]; scenes: SceneOut[] } {
  const plan = { steps: [{ label: step.action, with: [], ...step }], understood: [], ignored: [], style: STYLE };
  return motionsFromPlan(plan, { prompt: step.action, variants, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed });
}
const factsOf = (m: Motion): MotionFacts => motionFacts(readBvh(exportBvh(m)));
const shape20 = (m: Motion) => resample(clipOf(m), 19 / Math.max(1e-3, (m.frames - 1) / m.fps));

const ids = ACTION_IDS.filter((e) => CATEGORIES.has(e.category));
const cache = new Map<string, { motion: Motion; facts: MotionFacts; scene: SceneOut }>();
function run(id: string): { motion: Motion; facts: MotionFacts; scene: SceneOut } {
  let r = cache.get(id);
  if (!r) {
    const out = synth({ action: id });
    r = { motion: out.motions[0]!, facts: factsOf(out.motions[0]!), scene: out.scenes[0]! };
    cache.set(id, r);
  }
  return r;
}

/** World position of joint `j` at frame `f`. */
function jointAt(m: Motion, j: number, f: number): [number, number, number] {
  const c = clipOf(m);
  const o = (f * c.joints + j) * 3;
  return [c.pos[o]!, c.pos[o + 1]!, c.pos[o + 2]!];
}
const HAND = [ARM[0]!.hand, ARM[1]!.hand] as const;

describe('object, sports, dance, gesture and idle actions', () => {
  test('every id of these categories has motion, and all but the procedural gestures and the generic dance are authored as data', () => {
    const missing = ids.filter((e) => registryEntry(e.id) === undefined).map((e) => e.id);
    expect(missing).toEqual([]);
    const notData = ids.filter((e) => registryEntry(e.id)?.kind !== 'data').map((e) => e.id).sort();
    expect(notData).toEqual(['bow', 'cheer', 'clap', 'crossArms', 'dance', 'lookAround', 'nod', 'point', 'salute', 'shakeHead', 'shrug', 'think', 'wave']);
    for (const id of Object.keys(FACTS)) expect(ids.some((e) => e.id === id), id).toBe(true);
  });

  test.each(ids.map((e) => [e.id]))('%s synthesizes clean motion with its physical facts', (id) => {
    const { motion, facts } = run(id);
    expect(facts.hasNaN).toBe(false);
    expect(facts.minJointY).toBeGreaterThan(-0.1);
    let change = 0;
    const jc = motion.skeleton.parents.length;
    for (let f = 1; f < motion.frames; f++) for (let k = 0; k < jc * 4; k++) change = Math.max(change, Math.abs(motion.rot[k]! - motion.rot[f * jc * 4 + k]!));
    expect(change).toBeGreaterThan(0.02);
    const want = FACTS[id];
    if (want) {
      const rep = checkFacts(facts, want);
      expect(rep.results.filter((r) => !r.pass), JSON.stringify(rep.results)).toEqual([]);
    }
  });

  test('distinct actions of one category produce distinct motion', () => {
    const byCat = new Map<string, string[]>();
    for (const e of ids) if (registryEntry(e.id)?.kind === 'data') byCat.set(e.category, [...(byCat.get(e.category) ?? []), e.id]);
    let pairs = 0;
    for (const [, list] of byCat) {
      const clips = list.map((id) => shape20(run(id).motion));
      for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
        expect(poseDistance(clips[a]!, clips[b]!), `${list[a]} vs ${list[b]}`).toBeGreaterThan(0.02);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  });

  test('balancing on one foot lifts the other foot for more than a second while the standing foot stays down', () => {
    const { motion } = run('balanceOneFoot');
    let up = 0;
    for (let f = 0; f < motion.frames; f++) {
      const l = jointAt(motion, LEG[0]!.foot, f)[1], r = jointAt(motion, LEG[1]!.foot, f)[1];
      if (Math.max(l, r) > 0.3 && Math.min(l, r) < 0.15) up++;
    }
    expect(up / motion.fps).toBeGreaterThan(1);
  });
});

describe('plan parameters on these actions', () => {
  test('side mirrors: a left-handed phone call holds the phone to the left ear', () => {
    const nearest = (m: Motion, hand: number): number => {
      let best = Infinity;
      for (let f = 0; f < m.frames; f++) { const h = jointAt(m, hand, f), head = jointAt(m, J.head, f); best = Math.min(best, Math.hypot(h[0] - head[0], h[1] - head[1], h[2] - head[2])); }
      return best;
    };
    const left = synth({ action: 'phoneCall', side: 0 }).motions[0]!, right = synth({ action: 'phoneCall', side: 1 }).motions[0]!;
    expect(nearest(left, HAND[0])).toBeLessThan(0.2);
    expect(nearest(left, HAND[1])).toBeGreaterThan(0.4);
    expect(nearest(right, HAND[1])).toBeLessThan(0.2);
    expect(props(synth({ action: 'phoneCall', side: 0 }).scenes[0]!)).toEqual([['phone', 'leftHand']]);
  });

  test('count repeats: three fist pumps raise the fist above the head three times', () => {
    const m = synth({ action: 'fistPump', count: 3 }).motions[0]!;
    let peaks = 0, upNow = false;
    for (let f = 0; f < m.frames; f++) {
      const h = jointAt(m, HAND[1], f)[1] - jointAt(m, J.head, f)[1];
      if (!upNow && h > 0.25) { peaks++; upNow = true; } else if (upNow && h < 0.1) upNow = false;
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
