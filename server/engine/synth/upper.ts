/**
 * The relaxed standing upper body shared by idle, locomotion and transitions: breathing, a slight
 * style-dependent posture, arms hanging with an optional swing. Gestures are layered on top of this.
 */
import { setArm, setTorso, armPose, torsoPose } from './pose.ts';
import type { Style, VariantParams } from './state.ts';

export interface UpperParams {
  /** Seconds since the start of the motion (drives breathing so it never restarts at segment joins). */
  time: number;
  /** Arm swing angles (radians, + = forward) for left and right. */
  swingL: number;
  swingR: number;
  /** Elbow bias (radians). */
  elbow: number;
  /** Extra forward lean (running, sneaking) and twist (counter-rotation to the pelvis). */
  lean: number;
  twist: number;
  headYaw: number;
  headPitch: number;
}

export function writeUpper(rot: Float32Array, f: number, p: UpperParams, vp: VariantParams, style: Style): void {
  const breath = 0.02 * Math.sin(2 * Math.PI * vp.breathRate * p.time + vp.noisePhase);
  const slump = -0.1 * Math.min(0, style.energy) + 0.12 * style.age - 0.04 * Math.max(0, style.energy);
  setTorso(
    rot,
    f,
    torsoPose({
      lean: vp.posture + slump + p.lean,
      twist: p.twist,
      headPitch: p.headPitch + 0.08 * Math.max(0, -style.energy),
      headYaw: p.headYaw,
      breath,
    }),
  );
  const down = 1.28 - 0.1 * style.tension;
  const elbow = p.elbow + 0.25 * style.tension + 0.1 * style.age;
  const shrug = 0.05 * style.tension - 0.03 * Math.max(0, -style.energy);
  setArm(rot, f, 0, armPose({ down, forward: p.swingL, elbow: elbow + Math.max(0, p.swingL) * 0.4, shrug, wrist: 0.1 }));
  setArm(rot, f, 1, armPose({ down, forward: p.swingR, elbow: elbow + Math.max(0, p.swingR) * 0.4, shrug, wrist: 0.1 }));
}
