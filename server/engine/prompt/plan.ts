/** The parsed intent of a prompt: an ordered list of actions, each possibly carrying concurrent upper-body gestures. */

export type ActionKind =
  | 'walk' | 'run' | 'jog' | 'sneak' | 'limp' | 'march' | 'shuffle' | 'sidestep' | 'backward'
  | 'turn' | 'jump' | 'hop' | 'skip' | 'spin'
  | 'idle' | 'sit' | 'standUp' | 'crouch' | 'kneel' | 'lieDown' | 'sitFloor'
  | 'wave' | 'clap' | 'point' | 'bow' | 'nod' | 'shakeHead' | 'shrug' | 'punch' | 'kick' | 'dance'
  | 'lookAround' | 'stretch' | 'salute' | 'cheer' | 'crossArms' | 'think' | 'jumpingJacks' | 'squat';

export interface PlanStep {
  action: ActionKind;
  /** Human-readable description for the report, e.g. "walk forward (slow, 0.8 m/s)". */
  label: string;
  /** Resolved speed in m/s (locomotion); filled from the gait default times the adverb multiplier. */
  speed?: number;
  /** Speed adverb multiplier and its label ("slow"), when the prompt gave one. */
  speedMul?: number;
  speedWord?: string;
  /** Travel direction relative to the heading (0 forward, π back, +π/2 left). */
  dir?: number;
  /** Turn angle, radians, + = left. */
  angle?: number;
  count?: number;
  durationSec?: number;
  distance?: number;
  side?: 0 | 1;
  both?: boolean;
  height?: number;
  /** Upper-body gestures running at the same time ("while waving"). */
  with: PlanStep[];
}

export interface Plan {
  steps: PlanStep[];
  understood: string[];
  ignored: string[];
  style: { energy: number; tension: number; age: number };
}
