/**
 * The constraints a prompt job can carry (issue 18): a floor path, key poses and pins, in world
 * metres on the canonical rig (+Y up, the character starts at the origin facing +Z) and seconds
 * from the clip start. Mirrors the engine's `server/engine/constraints/types.ts`; the server also
 * runs the engine's own check at submission (bone names, times within the clip) so every mistake
 * is a 400 naming the field. Free of Node and React imports: the SPA bundles it.
 */
import { z } from 'zod';

const CONSTRAINT_EFFECTORS = ['leftHand', 'rightHand', 'leftFoot', 'rightFoot'] as const;
const MAX_WAYPOINTS = 64;
const MAX_KEY_POSES = 32;
const MAX_PINS = 16;
/** Farthest point a constraint may name (metres from the origin): a stage, not a map. */
const MAX_REACH_M = 100;

const metres = (field: string) =>
  z
    .number({ error: `${field} must be a number of metres` })
    .min(-MAX_REACH_M, { error: `${field} must be within ${MAX_REACH_M} m of the origin` })
    .max(MAX_REACH_M, { error: `${field} must be within ${MAX_REACH_M} m of the origin` });
const seconds = (field: string) =>
  z
    .number({ error: `${field} must be a time in seconds` })
    .min(0, { error: `${field} must be 0 s or later` })
    .max(600);

const Vec3 = z.tuple([metres('x'), metres('y'), metres('z')], { error: 'a point is [x, y, z] in metres' });
const Effector = z.enum(CONSTRAINT_EFFECTORS, { error: `effector must be one of: ${CONSTRAINT_EFFECTORS.join(', ')}` });

export const PathWaypoint = z.strictObject({ x: metres('x'), z: metres('z'), t: seconds('t').optional() });

const PathConstraint = z
  .strictObject({
    waypoints: z
      .array(PathWaypoint, { error: 'waypoints must be a list of {x, z, t?} floor points' })
      .min(2, { error: 'a path needs at least 2 waypoints' })
      .max(MAX_WAYPOINTS, { error: `a path takes at most ${MAX_WAYPOINTS} waypoints` }),
  })
  .superRefine((p, ctx) => {
    const w0 = p.waypoints[0]!;
    if (Math.hypot(w0.x, w0.z) > 0.5)
      ctx.addIssue({ code: 'custom', path: ['waypoints', 0], message: 'the path must start where the character stands: within 0.5 m of the origin' });
    let last = -1;
    p.waypoints.forEach((w, i) => {
      if (w.t === undefined) return;
      if (w.t <= last) ctx.addIssue({ code: 'custom', path: ['waypoints', i, 't'], message: 'arrival times must increase along the path' });
      last = w.t;
    });
  });

export const KeyPose = z.strictObject({
  t: seconds('t'),
  effectors: z.partialRecord(Effector, Vec3, { error: `effectors maps ${CONSTRAINT_EFFECTORS.join(', ')} to [x, y, z] targets` }).optional(),
  hips: Vec3.optional(),
  lookAt: Vec3.optional(),
  rotations: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9]{1,39}$/, { error: 'rotations are keyed by bone name, e.g. "rightLowerArm"' }),
      z
        .tuple([z.number(), z.number(), z.number(), z.number()], { error: 'a rotation is a quaternion [x, y, z, w]' })
        .refine((q) => Math.hypot(...q) > 0.5, { error: 'a rotation quaternion must be (close to) unit length' }),
    )
    .optional(),
});

export const Pin = z
  .strictObject({
    effector: Effector,
    start: seconds('start'),
    end: seconds('end'),
    target: z.union([Vec3, z.literal('floor')], { error: 'target is [x, y, z] in metres or "floor"' }).optional(),
  })
  .refine((p) => p.end > p.start, { error: 'a pin must end after it starts', path: ['end'] });

export const Constraints = z.strictObject({
  path: PathConstraint.optional(),
  keyPoses: z
    .array(KeyPose)
    .max(MAX_KEY_POSES, { error: `at most ${MAX_KEY_POSES} key poses` })
    .optional(),
  pins: z
    .array(Pin)
    .max(MAX_PINS, { error: `at most ${MAX_PINS} pins` })
    .optional(),
});
export type Constraints = z.infer<typeof Constraints>;
export type KeyPose = z.infer<typeof KeyPose>;
export type Pin = z.infer<typeof Pin>;
export type PathWaypoint = z.infer<typeof PathWaypoint>;
