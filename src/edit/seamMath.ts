/**
 * How far a take's last frame is from its first: the gap a loop has to close. Measured on the root bone,
 * so it is what the root-fix options act on. Pure; the seam preview measures the poses, this explains them.
 */
import type { LoopForm } from './editForms.ts';

export interface RootPose {
  x: number;
  y: number;
  z: number;
  /** Heading about the vertical axis, radians. */
  yaw: number;
}

export interface SeamGap {
  /** Metres on the floor between the first and last root positions. */
  horizontal: number;
  /** Metres, last − first. */
  vertical: number;
  /** Degrees, last − first, in (−180, 180]. */
  yawDeg: number;
}

export function seamGap(first: RootPose, last: RootPose): SeamGap {
  let yaw = ((last.yaw - first.yaw) * 180) / Math.PI;
  yaw = ((((yaw + 180) % 360) + 360) % 360) - 180;
  if (yaw === -180) yaw = 180;
  return {
    horizontal: Math.hypot(last.x - first.x, last.z - first.z),
    vertical: last.y - first.y,
    yawDeg: yaw,
  };
}

/** Thresholds under which a gap is invisible once blended. */
const NEAR = { horizontal: 0.1, vertical: 0.04, yawDeg: 8 };

export interface SeamNote {
  tone: 'ok' | 'warn';
  text: string;
}

/** What the gap means for the chosen loop options, in the user's terms. */
export function seamAdvice(g: SeamGap, f: Pick<LoopForm, 'fixHorizontal' | 'fixAltitude' | 'fixOrientation'>): SeamNote[] {
  const notes: SeamNote[] = [];
  if (g.horizontal > NEAR.horizontal) {
    notes.push(
      f.fixHorizontal
        ? { tone: 'ok', text: `Ends ${g.horizontal.toFixed(2)} m from its start; the horizontal root fix brings each repetition back (in place).` }
        : { tone: 'warn', text: `Ends ${g.horizontal.toFixed(2)} m from its start, so repetitions travel on. Turn on “horizontal” to loop in place.` },
    );
  }
  if (Math.abs(g.yawDeg) > NEAR.yawDeg) {
    const turn = `${Math.abs(g.yawDeg).toFixed(0)}° ${g.yawDeg > 0 ? 'left' : 'right'}`;
    notes.push(
      f.fixOrientation
        ? { tone: 'ok', text: `Ends turned ${turn}; the orientation fix keeps every repetition facing the same way.` }
        : { tone: 'warn', text: `Ends turned ${turn}, so each repetition turns further. Turn on “orientation” to keep the facing.` },
    );
  }
  if (Math.abs(g.vertical) > NEAR.vertical) {
    const dir = g.vertical > 0 ? 'higher' : 'lower';
    notes.push(
      f.fixAltitude
        ? { tone: 'ok', text: `Ends ${Math.abs(g.vertical).toFixed(2)} m ${dir}; the altitude fix levels the repetitions.` }
        : { tone: 'warn', text: `Ends ${Math.abs(g.vertical).toFixed(2)} m ${dir} than it starts. Turn on “altitude” unless that is intended.` },
    );
  }
  if (notes.length === 0) notes.push({ tone: 'ok', text: 'First and last frames nearly meet: a short blend makes the loop seamless.' });
  return notes;
}
