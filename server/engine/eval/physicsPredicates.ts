/**
 * The physical checker: evaluates the facts a prompt's motion must show (`PhysicsExpect`) on an
 * exported BVH, re-read and run through forward kinematics, so it judges what a user downloads and
 * never the engine's own plan. Units are metres (the BVH is in centimetres), +Y up.
 */
import { bvhPositions, readBvh } from '../io/bvhRead.ts';
import type { BvhClip } from '../io/bvhRead.ts';

/**
 * The physical facts a prompt's motion must show (the prompt suite's expectations), in the canonical
 * rig's units (metres, +Y up, the character starts at the origin facing +Z).
 */
export interface PhysicsExpect {
  /** Horizontal root travel from first to last frame, metres [min, max]. */
  travel?: [number, number];
  /** Stays on the spot: horizontal root travel under 0.35 m and no frame farther than 0.5 m from the start. */
  inPlace?: boolean;
  /** The hips come within this height of the floor at some frame (floor work: ≤ 0.35; kneel/sit ≤ 0.6). */
  hipsBelow?: number;
  /** The body inverts: at some frame the head is below the hips (flips, cartwheels, handstands, rolls). */
  inverted?: boolean;
  /** At least this many frames with both feet (ankle joints) more than 0.12 m above their standing height. */
  airborneFrames?: number;
  /** The lower foot ends at least this much higher than it started (stairs up, ladder, step up), metres. */
  heightGain?: number;
  /** The lower foot ends at least this much lower than it started (stairs down, step down), metres; positive number. */
  heightLoss?: number;
  /** At some frame a hand is above the head top. */
  handAboveHead?: boolean;
  /** At some frame a hand is below the knee (picking up, touching toes, push-ups). */
  handBelowKnee?: boolean;
  /** At some frame the hands are within this distance of each other, metres (clap, pray, grip a bat). */
  handsWithin?: number;
  /** At some frame a hand is within this distance of the head (drink, phone, facepalm), metres. */
  handNearHead?: number;
  /** At some frame a foot is higher than the hips (high kicks), i.e. ankle y > hips y. */
  footAboveHips?: boolean;
}

interface PredicateResult {
  field: keyof PhysicsExpect;
  expected: unknown;
  measured: number;
  pass: boolean;
}
export interface PhysicsReport {
  pass: boolean;
  results: PredicateResult[];
  facts: MotionFacts;
}

/** Everything the predicates read, measured once per clip. */
export interface MotionFacts {
  frames: number;
  travel: number;
  maxFromStart: number;
  minHipsY: number;
  /** Largest (hips y − head y): positive when the head went below the hips. */
  inversion: number;
  airborneFrames: number;
  /** Lower ankle's height at the end minus at the start. */
  lowerFootChange: number;
  /** Highest hand above the head top (positive = above). */
  handOverHead: number;
  /** Lowest hand height below the lower knee (positive = below). */
  handUnderKnee: number;
  minHandsDistance: number;
  minHandHeadDistance: number;
  /** Highest ankle above the hips (positive = above). */
  footOverHips: number;
  /** Lowest joint height over the clip (floor penetration when clearly negative). */
  minJointY: number;
  hasNaN: boolean;
}

const NAMES = ['Hips', 'Neck', 'Head', 'LeftHand', 'RightHand', 'LeftLeg', 'RightLeg', 'LeftFoot', 'RightFoot'] as const;
/** Head joint to the top of the head, metres (the canonical rig's head end site). */
const HEAD_TOP = 0.2;

export function motionFacts(clip: BvhClip): MotionFacts {
  const jc = clip.joints.length;
  const idx: Record<string, number> = {};
  for (const n of NAMES) {
    const j = clip.joints.findIndex((jt) => jt.name === n || jt.name.endsWith(':' + n) || jt.name === 'mixamorig' + n);
    if (j < 0) throw new Error(`BVH has no ${n} joint`);
    idx[n] = j;
  }
  const pos = bvhPositions(clip, 0.01);
  const P = (f: number, n: string, c: number): number => pos[(f * jc + idx[n]!) * 3 + c]!;
  const F = clip.frames;
  let hasNaN = false;
  for (let i = 0; i < pos.length; i++)
    if (!Number.isFinite(pos[i]!)) {
      hasNaN = true;
      break;
    }
  const x0 = P(0, 'Hips', 0),
    z0 = P(0, 'Hips', 2);
  const foot0 = [P(0, 'LeftFoot', 1), P(0, 'RightFoot', 1)];
  let maxFromStart = 0,
    minHipsY = Infinity,
    inversion = -Infinity,
    air = 0,
    handOverHead = -Infinity,
    handUnderKnee = -Infinity;
  let minHands = Infinity,
    minHandHead = Infinity,
    footOverHips = -Infinity,
    minJointY = Infinity;
  for (let f = 0; f < F; f++) {
    const hx = P(f, 'Hips', 0),
      hy = P(f, 'Hips', 1),
      hz = P(f, 'Hips', 2);
    maxFromStart = Math.max(maxFromStart, Math.hypot(hx - x0, hz - z0));
    minHipsY = Math.min(minHipsY, hy);
    const headY = P(f, 'Head', 1);
    inversion = Math.max(inversion, hy - headY);
    if (P(f, 'LeftFoot', 1) > foot0[0]! + 0.12 && P(f, 'RightFoot', 1) > foot0[1]! + 0.12) air++;
    // Head top: continue the neck → head direction by the head's length.
    const nx = P(f, 'Neck', 0),
      ny = P(f, 'Neck', 1),
      nz = P(f, 'Neck', 2),
      hdx = P(f, 'Head', 0),
      hdz = P(f, 'Head', 2);
    const dl = Math.hypot(hdx - nx, headY - ny, hdz - nz) || 1;
    const topY = headY + ((headY - ny) / dl) * HEAD_TOP;
    const kneeLow = Math.min(P(f, 'LeftLeg', 1), P(f, 'RightLeg', 1));
    for (const h of ['LeftHand', 'RightHand']) {
      handOverHead = Math.max(handOverHead, P(f, h, 1) - topY);
      handUnderKnee = Math.max(handUnderKnee, kneeLow - P(f, h, 1));
      minHandHead = Math.min(minHandHead, Math.hypot(P(f, h, 0) - hdx, P(f, h, 1) - headY, P(f, h, 2) - hdz));
    }
    minHands = Math.min(minHands, Math.hypot(P(f, 'LeftHand', 0) - P(f, 'RightHand', 0), P(f, 'LeftHand', 1) - P(f, 'RightHand', 1), P(f, 'LeftHand', 2) - P(f, 'RightHand', 2)));
    footOverHips = Math.max(footOverHips, Math.max(P(f, 'LeftFoot', 1), P(f, 'RightFoot', 1)) - hy);
    for (let j = 0; j < jc; j++) minJointY = Math.min(minJointY, pos[(f * jc + j) * 3 + 1]!);
  }
  const lowAt = (f: number): number => Math.min(P(f, 'LeftFoot', 1), P(f, 'RightFoot', 1));
  const last = F - 1;
  return {
    frames: F,
    travel: Math.hypot(P(last, 'Hips', 0) - x0, P(last, 'Hips', 2) - z0),
    maxFromStart,
    minHipsY,
    inversion,
    airborneFrames: air,
    lowerFootChange: lowAt(last) - lowAt(0),
    handOverHead,
    handUnderKnee,
    minHandsDistance: minHands,
    minHandHeadDistance: minHandHead,
    footOverHips,
    minJointY,
    hasNaN,
  };
}

/** Evaluates every field of `expect` against the facts of a clip. */
export function checkFacts(facts: MotionFacts, expect: PhysicsExpect): PhysicsReport {
  const results: PredicateResult[] = [];
  const add = (field: keyof PhysicsExpect, measured: number, pass: boolean): void => {
    results.push({ field, expected: expect[field], measured: Math.round(measured * 1000) / 1000, pass });
  };
  if (expect.travel) add('travel', facts.travel, facts.travel >= expect.travel[0] && facts.travel <= expect.travel[1]);
  if (expect.inPlace !== undefined) {
    const still = facts.travel < 0.35 && facts.maxFromStart < 0.5;
    add('inPlace', facts.maxFromStart, still === expect.inPlace);
  }
  if (expect.hipsBelow !== undefined) add('hipsBelow', facts.minHipsY, facts.minHipsY <= expect.hipsBelow);
  if (expect.inverted !== undefined) add('inverted', facts.inversion, facts.inversion > 0 === expect.inverted);
  if (expect.airborneFrames !== undefined) add('airborneFrames', facts.airborneFrames, facts.airborneFrames >= expect.airborneFrames);
  if (expect.heightGain !== undefined) add('heightGain', facts.lowerFootChange, facts.lowerFootChange >= expect.heightGain);
  if (expect.heightLoss !== undefined) add('heightLoss', -facts.lowerFootChange, -facts.lowerFootChange >= expect.heightLoss);
  if (expect.handAboveHead !== undefined) add('handAboveHead', facts.handOverHead, facts.handOverHead > 0 === expect.handAboveHead);
  if (expect.handBelowKnee !== undefined) add('handBelowKnee', facts.handUnderKnee, facts.handUnderKnee > 0 === expect.handBelowKnee);
  if (expect.handsWithin !== undefined) add('handsWithin', facts.minHandsDistance, facts.minHandsDistance <= expect.handsWithin);
  if (expect.handNearHead !== undefined) add('handNearHead', facts.minHandHeadDistance, facts.minHandHeadDistance <= expect.handNearHead);
  if (expect.footAboveHips !== undefined) add('footAboveHips', facts.footOverHips, facts.footOverHips > 0 === expect.footAboveHips);
  return { pass: results.every((r) => r.pass), results, facts };
}

/** Reads an exported BVH and checks it against `expect`. */
export function checkBvh(bvhText: string, expect: PhysicsExpect): PhysicsReport {
  return checkFacts(motionFacts(readBvh(bvhText)), expect);
}
