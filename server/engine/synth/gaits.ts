/**
 * Gait parameters per locomotion kind. Step frequency grows with speed so typical speeds land on
 * measured human cadences (walking 1.3 m/s ≈ 1.9 steps/s, running 3.5 m/s ≈ 2.8 steps/s).
 */
export type GaitKind =
  | 'walk'
  | 'run'
  | 'jog'
  | 'sneak'
  | 'limp'
  | 'march'
  | 'shuffle'
  | 'skip'
  | 'tiptoe'
  | 'strut'
  | 'stagger'
  | 'zombie'
  | 'moonwalk'
  | 'crouchWalk'
  | 'drunk'
  | 'swagger'
  | 'powerWalk';

export interface Gait {
  /** Steps per second at speed v (m/s), before per-variant cadence jitter. */
  freq(v: number): number;
  /** Fraction of a stride each foot is on the ground (> 0.5 gives double support, < 0.5 a flight phase). */
  duty: number;
  /** Peak ankle lift during swing (metres). */
  clearance: number;
  /** Hips height while moving at full speed. */
  hipsY: number;
  /** Forward lean at full speed (radians). */
  lean: number;
  /** Arm swing gain (radians of shoulder swing per metre of foot separation) and elbow bias. */
  armGain: number;
  elbow: number;
  /** Pelvis bob amplitude (metres) and where in the step it peaks (fraction after lift-off). */
  bob: number;
  bobPeak: number;
  /** Heel rise before toe-off (radians). */
  heelRise: number;
  /** Toe-up angle at heel strike (radians); the foot then rolls flat about the heel. */
  strike: number;
  /** Stance half-width multiplier (running narrows the base). */
  width: number;
  /** Default speed (m/s) when the prompt gives none. */
  speed: number;
}

export const GAITS: Record<GaitKind, Gait> = {
  walk: {
    freq: (v) => 1.4 + 0.4 * v,
    duty: 0.62,
    clearance: 0.07,
    hipsY: 0.94,
    lean: 0.04,
    armGain: 0.9,
    elbow: 0.25,
    bob: 0.022,
    bobPeak: 0.38,
    heelRise: 0.4,
    strike: 0.3,
    width: 1,
    speed: 1.3,
  },
  march: {
    freq: (v) => 1.5 + 0.4 * v,
    duty: 0.6,
    clearance: 0.16,
    hipsY: 0.945,
    lean: -0.02,
    armGain: 1.5,
    elbow: 0.15,
    bob: 0.02,
    bobPeak: 0.38,
    heelRise: 0.3,
    strike: 0.2,
    width: 1,
    speed: 1.2,
  },
  sneak: {
    freq: (v) => 1.2 + 0.4 * v,
    duty: 0.7,
    clearance: 0.09,
    hipsY: 0.84,
    lean: 0.3,
    armGain: 0.3,
    elbow: 0.9,
    bob: 0.01,
    bobPeak: 0.38,
    heelRise: 0.2,
    strike: 0.08,
    width: 1.3,
    speed: 0.6,
  },
  limp: {
    freq: (v) => 1.3 + 0.4 * v,
    duty: 0.66,
    clearance: 0.05,
    hipsY: 0.93,
    lean: 0.08,
    armGain: 0.5,
    elbow: 0.3,
    bob: 0.045,
    bobPeak: 0.38,
    heelRise: 0.2,
    strike: 0.15,
    width: 1.1,
    speed: 0.7,
  },
  shuffle: {
    freq: (v) => 1.8 + 0.4 * v,
    duty: 0.75,
    clearance: 0.025,
    hipsY: 0.93,
    lean: 0.1,
    armGain: 0.4,
    elbow: 0.4,
    bob: 0.008,
    bobPeak: 0.38,
    heelRise: 0.1,
    strike: 0.05,
    width: 1.1,
    speed: 0.5,
  },
  // Skipping approximated as a bouncy, high-knee gait with a flight phase and big arm swings.
  skip: {
    freq: (v) => 2.0 + 0.15 * v,
    duty: 0.45,
    clearance: 0.2,
    hipsY: 0.93,
    lean: 0.02,
    armGain: 1.7,
    elbow: 0.9,
    bob: 0.07,
    bobPeak: 0.15,
    heelRise: 0.5,
    strike: 0.15,
    width: 0.8,
    speed: 2.0,
  },
  jog: {
    freq: (v) => 2.3 + 0.15 * v,
    duty: 0.42,
    clearance: 0.13,
    hipsY: 0.915,
    lean: 0.09,
    armGain: 1.0,
    elbow: 1.3,
    bob: 0.035,
    bobPeak: 0.15,
    heelRise: 0.5,
    strike: 0.18,
    width: 0.7,
    speed: 2.5,
  },
  // Gait parameter sets for the styled walks: same footstep machinery, different cadence, lift,
  // height, lean and arm swing. Tiptoe keeps the heels up (large heel rise, no heel strike).
  tiptoe: {
    freq: (v) => 1.7 + 0.4 * v,
    duty: 0.66,
    clearance: 0.06,
    hipsY: 0.975,
    lean: 0.06,
    armGain: 0.35,
    elbow: 0.9,
    bob: 0.012,
    bobPeak: 0.38,
    heelRise: 0.7,
    strike: -0.35,
    width: 0.9,
    speed: 0.55,
  },
  strut: {
    freq: (v) => 1.3 + 0.35 * v,
    duty: 0.62,
    clearance: 0.09,
    hipsY: 0.95,
    lean: -0.08,
    armGain: 1.3,
    elbow: 0.2,
    bob: 0.03,
    bobPeak: 0.38,
    heelRise: 0.45,
    strike: 0.35,
    width: 0.75,
    speed: 1.2,
  },
  stagger: {
    freq: (v) => 1.5 + 0.4 * v,
    duty: 0.68,
    clearance: 0.05,
    hipsY: 0.9,
    lean: 0.18,
    armGain: 0.6,
    elbow: 0.5,
    bob: 0.05,
    bobPeak: 0.3,
    heelRise: 0.15,
    strike: 0.05,
    width: 1.7,
    speed: 0.8,
  },
  zombie: {
    freq: (v) => 1.1 + 0.4 * v,
    duty: 0.74,
    clearance: 0.03,
    hipsY: 0.9,
    lean: 0.22,
    armGain: 0.15,
    elbow: 0.3,
    bob: 0.04,
    bobPeak: 0.3,
    heelRise: 0.08,
    strike: 0.02,
    width: 1.5,
    speed: 0.5,
  },
  moonwalk: {
    freq: (v) => 1.6 + 0.4 * v,
    duty: 0.8,
    clearance: 0.015,
    hipsY: 0.93,
    lean: 0.05,
    armGain: 0.5,
    elbow: 0.8,
    bob: 0.015,
    bobPeak: 0.38,
    heelRise: 0.9,
    strike: 0,
    width: 0.8,
    speed: 0.6,
  },
  crouchWalk: {
    freq: (v) => 1.3 + 0.4 * v,
    duty: 0.7,
    clearance: 0.1,
    hipsY: 0.72,
    lean: 0.42,
    armGain: 0.25,
    elbow: 1.0,
    bob: 0.012,
    bobPeak: 0.38,
    heelRise: 0.25,
    strike: 0.1,
    width: 1.4,
    speed: 0.7,
  },
  drunk: {
    freq: (v) => 1.4 + 0.4 * v,
    duty: 0.66,
    clearance: 0.05,
    hipsY: 0.92,
    lean: 0.1,
    armGain: 0.9,
    elbow: 0.3,
    bob: 0.04,
    bobPeak: 0.3,
    heelRise: 0.2,
    strike: 0.1,
    width: 2.0,
    speed: 0.9,
  },
  swagger: {
    freq: (v) => 1.25 + 0.35 * v,
    duty: 0.64,
    clearance: 0.07,
    hipsY: 0.94,
    lean: -0.05,
    armGain: 1.4,
    elbow: 0.35,
    bob: 0.035,
    bobPeak: 0.38,
    heelRise: 0.35,
    strike: 0.25,
    width: 1.3,
    speed: 1.1,
  },
  powerWalk: {
    freq: (v) => 1.6 + 0.4 * v,
    duty: 0.6,
    clearance: 0.08,
    hipsY: 0.94,
    lean: 0.08,
    armGain: 1.6,
    elbow: 1.4,
    bob: 0.02,
    bobPeak: 0.38,
    heelRise: 0.5,
    strike: 0.35,
    width: 0.9,
    speed: 1.8,
  },
  run: {
    freq: (v) => 2.35 + 0.13 * v,
    duty: 0.35,
    clearance: 0.18,
    hipsY: 0.9,
    lean: 0.16,
    armGain: 1.1,
    elbow: 1.45,
    bob: 0.045,
    bobPeak: 0.15,
    heelRise: 0.6,
    strike: 0.12,
    width: 0.6,
    speed: 3.6,
  },
};
