/**
 * The shape of the prompt suite (`promptSuite.ts`): animator prompts with the action sequence the reader
 * must plan and physical facts the exported motion must show. Physical facts are checked by forward
 * kinematics on the exported BVH (never on the engine's own plan), with the canonical rig's units
 * (metres, +Y up, character starts at the origin facing +Z).
 */
import type { ActionId } from '../../server/engine/actions/actionIds.ts';

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

export interface SuitePrompt {
  prompt: string;
  /** The planned full-body/locomotion actions in order; layered gestures (while …) come as 'walk+wave'. */
  expect: string[];
  physics?: PhysicsExpect;
  /** Style of the phrasing, to keep the suite balanced. */
  style: 'command' | 'caption' | 'animator' | 'paraphrase';
}

export type { ActionId };
