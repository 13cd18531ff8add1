/**
 * The engine's constraint API: what an animator shows rather than tells. All positions are world
 * metres on the canonical rig (+Y up, the character starts at the origin facing +Z); all times are
 * seconds from the clip start. The HTTP contract (server/contract/constraints.ts) validates the same
 * shape with zod; `validateConstraints` re-checks it here so the engine is safe to call directly.
 */

/** Joints an IK handle or a pin can drive. */
export const EFFECTORS = ['leftHand', 'rightHand', 'leftFoot', 'rightFoot'] as const;
export type Effector = (typeof EFFECTORS)[number];

type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

export interface PathWaypoint {
  /** Floor position (metres). */
  x: number;
  z: number;
  /** Optional arrival time (seconds); missing times are spread by distance between given ones. */
  t?: number;
}

export interface PathConstraint {
  /** 2–64 floor points; the hips follow a Catmull-Rom spline through them. */
  waypoints: PathWaypoint[];
}

export interface KeyPose {
  /** When the pose is hit exactly (seconds). */
  t: number;
  /** IK handles: where each hand/foot joint (wrist, ankle) must be. */
  effectors?: Partial<Record<Effector, Vec3>>;
  /** Hips handle: world position of the hips joint. */
  hips?: Vec3;
  /** Head look-at target (world point). */
  lookAt?: Vec3;
  /** FK rotation rings: local rotations (x, y, z, w) by canonical bone name, applied before IK. */
  rotations?: Record<string, Quat>;
}

export interface Pin {
  effector: Effector;
  /** Time range (seconds) over which the joint stays put. */
  start: number;
  end: number;
  /** World point; omitted = wherever the joint is at `start`; 'floor' = that point dropped to the floor. */
  target?: Vec3 | 'floor';
}

export interface Constraints {
  path?: PathConstraint;
  keyPoses?: KeyPose[];
  pins?: Pin[];
}

export class ConstraintError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const vec = (v: unknown): v is Vec3 => Array.isArray(v) && v.length === 3 && v.every(finite);

/**
 * Throws a ConstraintError naming the first bad field; `durationSec` bounds every time (Infinity
 * when the engine picks the length), `boneNames` lists the bones FK rotations may name.
 */
export function validateConstraints(c: Constraints, durationSec: number, boneNames?: readonly string[]): void {
  const p = c.path;
  if (p) {
    if (!Array.isArray(p.waypoints) || p.waypoints.length < 2 || p.waypoints.length > 64) throw new ConstraintError('path.waypoints', 'give 2 to 64 floor points');
    let last = -Infinity;
    p.waypoints.forEach((w, i) => {
      if (!finite(w.x) || !finite(w.z)) throw new ConstraintError(`path.waypoints[${i}]`, 'x and z must be numbers (metres)');
      if (w.t !== undefined) {
        if (!finite(w.t) || w.t < 0 || w.t <= last) throw new ConstraintError(`path.waypoints[${i}].t`, 'arrival times must be ≥ 0 and increase along the path');
        last = w.t;
      }
    });
    const w0 = p.waypoints[0]!;
    if (Math.hypot(w0.x, w0.z) > 0.5) throw new ConstraintError('path.waypoints[0]', 'the path must start where the character stands (within 0.5 m of the origin)');
  }
  const inClip = (t: unknown, field: string) => {
    if (!finite(t) || t < 0 || t > durationSec + 1e-6)
      throw new ConstraintError(field, `must be a time from 0 to the clip length${Number.isFinite(durationSec) ? ` (${durationSec.toFixed(2)} s)` : ''}`);
  };
  (c.keyPoses ?? []).forEach((k, i) => {
    inClip(k.t, `keyPoses[${i}].t`);
    for (const [e, v] of Object.entries(k.effectors ?? {})) {
      if (!(EFFECTORS as readonly string[]).includes(e)) throw new ConstraintError(`keyPoses[${i}].effectors.${e}`, `unknown effector; use ${EFFECTORS.join(', ')}`);
      if (!vec(v)) throw new ConstraintError(`keyPoses[${i}].effectors.${e}`, 'must be [x, y, z] in metres');
    }
    if (k.hips !== undefined && !vec(k.hips)) throw new ConstraintError(`keyPoses[${i}].hips`, 'must be [x, y, z] in metres');
    if (k.lookAt !== undefined && !vec(k.lookAt)) throw new ConstraintError(`keyPoses[${i}].lookAt`, 'must be [x, y, z] in metres');
    for (const name of Object.keys(k.rotations ?? {})) {
      if (boneNames && !boneNames.includes(name)) throw new ConstraintError(`keyPoses[${i}].rotations.${name}`, `unknown bone; use one of ${boneNames.join(', ')}`);
    }
  });
  (c.pins ?? []).forEach((p, i) => {
    if (!(EFFECTORS as readonly string[]).includes(p.effector)) throw new ConstraintError(`pins[${i}].effector`, `use ${EFFECTORS.join(', ')}`);
    inClip(p.start, `pins[${i}].start`);
    inClip(p.end, `pins[${i}].end`);
    if (!(p.end > p.start)) throw new ConstraintError(`pins[${i}].end`, 'a pin must end after it starts');
    if (p.target !== undefined && p.target !== 'floor' && !vec(p.target)) throw new ConstraintError(`pins[${i}].target`, 'must be [x, y, z] in metres or "floor"');
  });
}
