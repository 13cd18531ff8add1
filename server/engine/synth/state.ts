/**
 * What one segment hands to the next: where the character stands, which way it faces, where its feet
 * are planted and what posture it is in. Generators continue from this so segments join without jumps
 * in world position; remaining pose differences are removed by inertialization.
 */
import { STAND_HIPS_Y } from '../core/skeleton.ts';
import type { Rng } from '../core/rng.ts';

interface FootState {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

export type Posture = 'stand' | 'sit' | 'crouch' | 'kneel' | 'lie' | 'lieFront' | 'sitFloor';

export interface SynthState {
  /** Ground point under the hips and the heading. */
  x: number;
  z: number;
  yaw: number;
  hipsY: number;
  feet: [FootState, FootState];
  posture: Posture;
}

/** Per-variant body parameters sampled once from the variant seed, so a variant has a consistent "personality". */
export interface VariantParams {
  stride: number; // multiplies step length
  cadence: number; // multiplies step frequency
  armSwing: number; // multiplies arm swing amplitude
  bob: number; // multiplies pelvis bob
  stanceWidth: number; // half distance between the feet, metres
  toeOut: number; // foot out-toeing, radians
  posture: number; // extra forward lean, radians (negative = proud)
  gesture: number; // multiplies gesture amplitudes
  timing: number; // multiplies gesture speeds
  noisePhase: number; // phase for idle sway / breathing
  breathRate: number; // breaths per second
}

export function sampleVariantParams(rng: Rng): VariantParams {
  return {
    stride: rng.jitter(0.1),
    cadence: rng.jitter(0.08),
    armSwing: rng.jitter(0.25),
    bob: rng.jitter(0.3),
    stanceWidth: rng.range(0.085, 0.115),
    toeOut: rng.range(0.04, 0.14),
    posture: rng.range(-0.04, 0.05),
    gesture: rng.jitter(0.15),
    timing: rng.jitter(0.12),
    noisePhase: rng.range(0, Math.PI * 2),
    breathRate: rng.range(0.2, 0.3),
  };
}

/** Style words ("tired", "happy", "angry", "old") as continuous offsets every generator reads. */
export interface Style {
  energy: number; // −1 tired/sad … +1 energetic/happy
  tension: number; // 0 relaxed … 1 angry/tense
  age: number; // 0 young … 1 old
}

export function initialState(stanceWidth: number, toeOut: number): SynthState {
  return {
    x: 0,
    z: 0,
    yaw: 0,
    hipsY: STAND_HIPS_Y,
    posture: 'stand',
    feet: [
      { x: stanceWidth, y: 0.08, z: 0, yaw: toeOut },
      { x: -stanceWidth, y: 0.08, z: 0, yaw: -toeOut },
    ],
  };
}
