/**
 * The action library, judged on what a user downloads: every id is synthesized from a plan built
 * directly (not through the prompt reader), exported to BVH, re-read, and its physical facts measured
 * by forward kinematics (`eval/physicsPredicates.ts`).
 */
import { describe, expect, test } from 'vitest';
import { exportBvh } from '../io/bvh.ts';
import { readBvh } from '../io/bvhRead.ts';
import { checkFacts, motionFacts } from '../eval/physicsPredicates.ts';
import type { MotionFacts, PhysicsExpect } from '../eval/physicsPredicates.ts';
import { clipOf, poseDistance, resample } from '../eval/metrics.ts';
import type { Motion } from '../core/motion.ts';
import { motionsFromPlan } from '../text2motion.ts';
import type { PromptReport } from '../text2motion.ts';
import { VariantScene } from '../../contract/api.ts';
import type { SceneOut } from './scene.ts';
import type { PlanStep } from '../prompt/plan.ts';
import { ACTION_IDS } from './actionIds.ts';
import type { ActionCategory } from './actionIds.ts';
import { EVERYDAY_FACTS } from './everydayFacts.ts';
import { registryEntry } from './registry.ts';
import { naturalDuration } from '../compose/fit.ts';

/**
 * Categories another branch authors in parallel (issue 13 was split): until those files are merged,
 * their ids are checked when registered. Merged: empty, every id is required.
 */
const PARALLEL: ReadonlySet<ActionCategory> = new Set([]);

/** Physical facts per id, from the issue: what the words mean, measured on the exported BVH. */
const FACTS: Record<string, PhysicsExpect> = {
  ...EVERYDAY_FACTS,
  cartwheel: { inverted: true, travel: [1, 2.5] },
  aerial: { inverted: true },
  backflip: { inverted: true, airborneFrames: 3 },
  somersault: { inverted: true, airborneFrames: 3 },
  forwardRoll: { inverted: true, hipsBelow: 0.6, travel: [0.8, 2] },
  backwardRoll: { inverted: true, hipsBelow: 0.35 },
  handstand: { inverted: true, handBelowKnee: true },
  kipUp: { hipsBelow: 0.35 },
  pushUps: { hipsBelow: 0.35, handBelowKnee: true, inPlace: false },
  plank: { hipsBelow: 0.5, handBelowKnee: true },
  crawl: { hipsBelow: 0.6, handBelowKnee: true, travel: [0.5, 4] },
  commandoCrawl: { hipsBelow: 0.35, travel: [0.5, 4] },
  sitUps: { hipsBelow: 0.35 },
  burpees: { airborneFrames: 2, handBelowKnee: true, inPlace: true },
  jump: { airborneFrames: 3 },
  hop: { airborneFrames: 1 },
  leap: { airborneFrames: 3, travel: [0.8, 3] },
  longJump: { airborneFrames: 3, travel: [1.2, 4] },
  jumpInPlace: { airborneFrames: 3, inPlace: true },
  vault: { airborneFrames: 3, travel: [1, 2.5] },
  stairsUp: { heightGain: 0.3 },
  climbLadder: { heightGain: 0.6 },
  climbWall: { heightGain: 0.6 },
  stepUp: { heightGain: 0.25 },
  stairsDown: { heightLoss: 0.3 },
  stepDown: { heightLoss: 0.25 },
  jumpDown: { heightLoss: 0.4 },
  runInPlace: { inPlace: true },
  walkInPlace: { inPlace: true },
  highKnees: { inPlace: true },
  roundhouseKick: { footAboveHips: true },
  frontKick: { footAboveHips: true },
  jab: { inPlace: true },
  cross: { inPlace: true },
  hook: { inPlace: true },
  uppercut: { inPlace: true },
  block: { handNearHead: 0.3 },
  rifleAim: { handNearHead: 0.3, handsWithin: 0.45 },
  pistolAim: { handsWithin: 0.12 },
  toeTouch: { handBelowKnee: true },
  yogaTree: { handAboveHead: true, handsWithin: 0.12 },
  yogaDownwardDog: { inverted: true, handBelowKnee: true },
  yogaChild: { hipsBelow: 0.45 },
  swordSlash: { handAboveHead: true },
  fallBackward: { hipsBelow: 0.35 },
  fallForward: { hipsBelow: 0.35 },
  fallSide: { hipsBelow: 0.35 },
  faint: { hipsBelow: 0.35 },
  death: { hipsBelow: 0.35 },
  knockdown: { hipsBelow: 0.35 },
  slip: { hipsBelow: 0.35 },
  lieOnBack: { hipsBelow: 0.35 },
  lieOnSide: { hipsBelow: 0.35 },
  sitCrossLegged: { hipsBelow: 0.35 },
  sitFloor: { hipsBelow: 0.35 },
  kneel: { hipsBelow: 0.6 },
  lieDown: { hipsBelow: 0.35 },
  squat: { hipsBelow: 0.6 },
  getUp: { hipsBelow: 0.35 },
  lunges: { hipsBelow: 0.7 },
  yogaWarrior: { hipsBelow: 0.8 },
  stumble: { travel: [0.4, 1.5] },
  trip: { travel: [0.4, 1.5] },
  drink: { handNearHead: 0.22 },
};

const STYLE = { energy: 0, tension: 0, age: 0 };
/** Actions that only make sense after another (standing up needs a seat). */
const PRELUDE: Record<string, string> = { standUp: 'sit' };

function synth(step: Omit<PlanStep, 'label' | 'with'>, variants = 1, seed = 5): { motions: Motion[]; scenes: SceneOut[]; report: PromptReport } {
  const pre = PRELUDE[step.action];
  const steps = [...(pre ? [{ action: pre, label: pre, with: [] }] : []), { label: step.action, with: [], ...step }];
  const plan = { steps, understood: [], ignored: [], style: STYLE };
  return motionsFromPlan(plan, { prompt: step.action, variants, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed });
}

/** Joint positions at 20 evenly spaced times, so actions of different lengths compare by shape. */
function shape20(m: Motion) {
  return resample(clipOf(m), 19 / Math.max(1e-3, (m.frames - 1) / m.fps));
}

function factsOf(m: Motion): MotionFacts {
  return motionFacts(readBvh(exportBvh(m)));
}

const ids = ACTION_IDS.filter((e) => !PARALLEL.has(e.category) || registryEntry(e.id) !== undefined);
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

describe('the action library', () => {
  test('every vocabulary id outside the parallel categories has a registry entry, and there are at least 200 in all', () => {
    const missing = ACTION_IDS.filter((e) => !PARALLEL.has(e.category) && registryEntry(e.id) === undefined).map((e) => e.id);
    expect(missing).toEqual([]);
    expect(ACTION_IDS.length).toBeGreaterThanOrEqual(200);
  });

  test.each(ids.map((e) => [e.id]))('%s synthesizes clean motion with its physical facts', (id) => {
    const { motion, facts } = run(id);
    expect(facts.hasNaN).toBe(false);
    // Floor penetration by any joint beyond a tolerance (wrists and elbows brush the floor in floor work).
    expect(facts.minJointY).toBeGreaterThan(-0.1);
    // Something moves: the pose changes over the clip.
    let change = 0;
    const jc = motion.skeleton.parents.length;
    for (let f = 1; f < motion.frames; f++) for (let k = 0; k < jc * 4; k++) change = Math.max(change, Math.abs(motion.rot[k]! - motion.rot[f * jc * 4 + k]!));
    expect(change).toBeGreaterThan(0.02);
    const want = FACTS[id];
    if (want) {
      const rep = checkFacts(facts, want);
      expect(
        rep.results.filter((r) => !r.pass),
        JSON.stringify(rep.results),
      ).toEqual([]);
    }
  });

  test('distinct actions of one category produce distinct motion', () => {
    const byCat = new Map<string, string[]>();
    for (const e of ids) if (registryEntry(e.id)?.kind === 'data') byCat.set(e.category, [...(byCat.get(e.category) ?? []), e.id]);
    const shape = (id: string) => shape20(run(id).motion);
    let pairs = 0;
    for (const [, list] of byCat) {
      const clips = list.map(shape);
      for (let a = 0; a < list.length; a++)
        for (let b = a + 1; b < list.length; b++) {
          // punch is the cross under its generic name; everything else must differ.
          if ([list[a], list[b]].includes('punch') && [list[a], list[b]].includes('cross')) continue;
          const d = poseDistance(clips[a]!, clips[b]!);
          expect(d, `${list[a]} vs ${list[b]}`).toBeGreaterThan(0.02);
          pairs++;
        }
    }
    expect(pairs).toBeGreaterThan(100);
  });
});

describe('plan parameters', () => {
  test('side mirrors: a right jab extends the right hand, a left jab the left', () => {
    const reach = (side: 0 | 1, hand: number) => {
      const m = synth({ action: 'jab', side }).motions[0]!;
      const pos = clipOf(m);
      let best = -Infinity;
      for (let f = 0; f < pos.frames; f++) best = Math.max(best, pos.pos[(f * pos.joints + hand) * 3 + 2]! - pos.pos[f * pos.joints * 3 + 2]!);
      return best;
    };
    expect(reach(0, 9)).toBeGreaterThan(reach(0, 13) + 0.2);
    expect(reach(1, 13)).toBeGreaterThan(reach(1, 9) + 0.2);
  });

  test('count repeats: three jabs extend the lead hand three times', () => {
    const m = synth({ action: 'jab', count: 3 }).motions[0]!;
    const c = clipOf(m);
    let peaks = 0,
      out = false;
    for (let f = 0; f < c.frames; f++) {
      const z = c.pos[(f * c.joints + 9) * 3 + 2]! - c.pos[f * c.joints * 3 + 2]!;
      if (!out && z > 0.45) {
        peaks++;
        out = true;
      } else if (out && z < 0.35) out = false;
    }
    expect(peaks).toBe(3);
  });

  test('chained strikes stay in the fighting stance: a jab then a hook never steps back to standing between them', () => {
    const plan = { steps: ['jab', 'hook'].map((action) => ({ action, label: action, with: [] })), understood: [], ignored: [], style: STYLE };
    const combo = motionsFromPlan(plan, { prompt: 'combo', variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 5 }).motions[0]!;
    // Against both strikes played whole at their natural length (a single strike's own take varies in tempo per variant).
    const single = (id: string) => naturalDuration({ action: id, label: id, with: [] }).sec * combo.fps;
    expect(combo.frames).toBeLessThan(single('jab') + single('hook') - 20);
    // The lead (left) ankle stays forward of the rear one through the middle half of the combo.
    const c = clipOf(combo);
    for (let f = Math.round(c.frames * 0.3); f < Math.round(c.frames * 0.7); f++) {
      expect(c.pos[(f * c.joints + 16) * 3 + 2]! - c.pos[(f * c.joints + 20) * 3 + 2]!).toBeGreaterThan(0.15);
    }
  });

  test('getting up starts from the pose the character is in: face down, sitting, kneeling (no jump at the join)', () => {
    // Peak of the mean joint speed after the first 30 % of the clip (past the fall itself): playing the
    // lying-on-the-back get-up from these poses snaps the body across at the join (4–9 m/s).
    const peak = (pre: string): number => {
      const steps = [pre, 'getUp'].map((action) => ({ action, label: action, with: [] }));
      const m = motionsFromPlan(
        { steps, understood: [], ignored: [], style: STYLE },
        { prompt: pre, variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 2 },
      ).motions[0]!;
      const c = clipOf(m);
      let worst = 0;
      for (let f = Math.round(c.frames * 0.3); f < c.frames; f++) {
        let sum = 0;
        for (let j = 0; j < c.joints; j++) {
          const a = (f * c.joints + j) * 3,
            b = a - c.joints * 3;
          sum += Math.hypot(c.pos[a]! - c.pos[b]!, c.pos[a + 1]! - c.pos[b + 1]!, c.pos[a + 2]! - c.pos[b + 2]!);
        }
        worst = Math.max(worst, (sum / c.joints) * m.fps);
      }
      return worst;
    };
    expect(peak('fallForward')).toBeLessThan(3);
    expect(peak('kneel')).toBeLessThan(2);
    expect(peak('sitFloor')).toBeLessThan(4.5);
  });

  test('in place removes travel from a travelling action', () => {
    expect(checkFacts(factsOf(synth({ action: 'crawl', inPlace: true }).motions[0]!), { inPlace: true }).pass).toBe(true);
    expect(checkFacts(run('crawl').facts, { inPlace: false }).pass).toBe(true);
  });

  test('target aims a strike: a punch to the stomach lands lower than one to the head', () => {
    const lowest = (target: string) => {
      const c = clipOf(synth({ action: 'cross', target }).motions[0]!);
      let best = { z: -Infinity, y: 0 };
      for (let f = 0; f < c.frames; f++) {
        const z = c.pos[(f * c.joints + 13) * 3 + 2]! - c.pos[f * c.joints * 3 + 2]!;
        if (z > best.z) best = { z, y: c.pos[(f * c.joints + 13) * 3 + 1]! };
      }
      return best.y;
    };
    expect(lowest('head') - lowest('stomach')).toBeGreaterThan(0.15);
  });

  test('the prop the plan names replaces the default one', () => {
    expect(synth({ action: 'swordSlash', prop: 'stick' }).scenes[0]!.props.map((p) => p.kind)).toEqual(['stick']);
    expect(synth({ action: 'swordSlash', prop: 'unicorn' }).scenes[0]!.props.map((p) => p.kind)).toEqual(['sword']);
  });

  test('intensity makes a strike faster and bigger', () => {
    const soft = synth({ action: 'cross', intensity: 0.5 }).motions[0]!,
      hard = synth({ action: 'cross', intensity: 1.5 }).motions[0]!;
    expect(hard.frames).toBeLessThan(soft.frames);
  });

  test('scene proxies and props come with the motion', () => {
    expect(run('stairsUp').scene.scene.map((s) => s.kind)).toEqual(['stairs']);
    expect(run('climbLadder').scene.scene.map((s) => s.kind)).toEqual(['ladder']);
    expect(run('swordSlash').scene.props.map((p) => [p.kind, p.attach])).toEqual([['sword', 'rightHand']]);
    // Stairs grow with the repetitions so every step the feet land on exists.
    const long = synth({ action: 'stairsUp', count: 4 });
    expect(long.scenes[0]!.scene[0]!.steps).toBe(9);
    expect(checkFacts(factsOf(long.motions[0]!), { heightGain: 9 * 0.18 - 0.02 }).pass).toBe(true);
    // The job report carries them per variant, in the API's shape.
    expect(long.report.scenes).toHaveLength(1);
    expect(VariantScene.parse(long.report.scenes![0]).scene[0]!.kind).toBe('stairs');
  });

  test('variants differ in timing or amplitude', () => {
    const { motions } = synth({ action: 'roundhouseKick' }, 3, 9);
    const clips = motions.map(shape20);
    expect(poseDistance(clips[0]!, clips[1]!)).toBeGreaterThan(0.01);
  });
});

describe('sequences on raised support', () => {
  test('after climbing the stairs the character walks on at the top, not back on the floor', () => {
    const plan = { steps: ['stairsUp', 'walk'].map((action) => ({ action, label: action, with: [] })), understood: [], ignored: [], style: STYLE };
    const m = motionsFromPlan(plan, { prompt: 'stairs then walk', variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 5 }).motions[0]!;
    expect(checkFacts(factsOf(m), { heightGain: 0.3 }).pass).toBe(true);
  });

  test('every foot-locking mode keeps the stairs climbed (grounding does not pull a raised foot to the floor)', () => {
    const plan = { steps: [{ action: 'stairsUp', label: 'stairsUp', with: [] }], understood: [], ignored: [], style: STYLE };
    for (const footLocking of ['auto', 'always', 'grounding'] as const) {
      const m = motionsFromPlan(plan, { prompt: 'stairs', variants: 1, durationSec: 0, footLocking, poseFiltering: 0.5, physicsFilter: true, seed: 5 }).motions[0]!;
      expect(checkFacts(factsOf(m), { heightGain: 0.3 }).pass, footLocking).toBe(true);
    }
  });

  test('an upper-body data action layers over walking ("walks while drinking")', () => {
    const plan = { steps: [{ action: 'walk', label: 'walk', with: [{ action: 'drink', label: 'drink', with: [] }] }], understood: [], ignored: [], style: STYLE };
    const m = motionsFromPlan(plan, { prompt: 'walk drink', variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 5 }).motions[0]!;
    expect(checkFacts(factsOf(m), { handNearHead: 0.25, travel: [1.5, 10] }).pass).toBe(true);
  });
});
