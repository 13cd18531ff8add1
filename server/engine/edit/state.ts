/**
 * Reads a synthesis starting state off an existing motion frame, so edits (inpainting, merging)
 * can synthesize new material that starts where the character actually is: same ground point,
 * heading, hips height and (floor-projected) foot positions.
 */
import { fkFrame } from '../core/fk.ts';
import type { Motion } from '../core/motion.ts';
import { qHeading } from '../core/quat.ts';
import { ANKLE_HEIGHT, J, LEG } from '../core/skeleton.ts';
import type { SynthState } from '../synth/state.ts';

export function stateAt(m: Motion, f: number): SynthState {
  const jc = m.skeleton.parents.length;
  const wr = new Float64Array(jc * 4),
    wp = new Float64Array(jc * 3);
  fkFrame(m, f, wr, wp);
  const foot = (s: 0 | 1) => {
    const j = LEG[s].foot;
    return { x: wp[j * 3]!, y: ANKLE_HEIGHT, z: wp[j * 3 + 2]!, yaw: qHeading(wr.subarray(j * 4, j * 4 + 4)) };
  };
  const hipsY = m.rootPos[f * 3 + 1]!;
  return {
    x: m.rootPos[f * 3]!,
    z: m.rootPos[f * 3 + 2]!,
    yaw: qHeading(wr.subarray(J.hips * 4, J.hips * 4 + 4)),
    hipsY,
    feet: [foot(0), foot(1)],
    posture: hipsY > 0.75 ? 'stand' : 'sit',
  };
}
