/**
 * Rest-pose-relative retargeting between the engine's canonical rig and a character's own skeleton
 * (engine.md §5). Everything here is measured once per character and reused for every frame:
 *
 * - facing: the rotation from the file's world to the canonical frame (+Y up, +Z forward), found
 *   from the skeleton itself: up is hips→head, the character's left is where its left limbs are,
 *   both snapped to the nearest axis. This is what turns a VRM 0.x (which faces −Z) by 180°, and
 *   stands up a Z-up FBX;
 * - alignment A per mapped limb bone: the rotation taking the bone's rest direction (toward its mapped
 *   child) onto the canonical T-pose direction (identity for the torso, see LIMB_DIRECTIONS in the rig kernel, server/engine/rig/restAlign.ts). A
 *   canonical joint's world rotation R(f) is "how far the bone turned from the T-pose", so the
 *   character's bone gets R(f)·A·W_rest: it points where the engine's bone points and keeps its own
 *   rest twist. This is the three-vrm / Mesh2Motion formula with the A-pose→T-pose delta folded into A;
 * - a canonical-topology skeleton with the character's proportions (its bone vectors, turned by A
 *   into the T-pose), on which the engine re-solves the legs (refitProportions) so feet that were
 *   planted stay planted on this body; forward kinematics of that skeleton gives exactly the
 *   character's joint positions.
 *
 * Canonical joints the character lacks are folded into a neighbour before the transfer: a missing
 * chest or upper chest into the spine bone below it (which then spans that length of the torso), a
 * missing neck into the head and a missing clavicle into the upper arm (which keep their own world
 * rotation). Unmapped character bones (twist and leaf bones, fingers the name tables do not know) keep
 * their rest pose.
 *
 * Fingers: a character's mapped finger bones are aligned like the limbs (toward the next finger bone),
 * and its hand and fingers also get their twist about that direction from the palm (the line across
 * the knuckles), because hand shapes curl fingers about the palm's own axis: a character resting with
 * its palms forward would otherwise curl its fingers sideways. Canonical finger joints the character
 * lacks are simply not shown; a rig without fingers brings relaxed canonical hands back (motionFromRig).
 */
import { Matrix4, Quaternion, Vector3 } from 'three';
import { CANONICAL_SKELETON, handShapeQuats, legLength, refitProportions, restWorldPositions, type Motion, type Skeleton } from '../../engine/index.ts';
import { mapHumanoid, type SkeletonScheme } from '../../engine/rig/humanoidMap.ts';
import { BODY_HUMAN_BONES, type HumanBone } from '../../engine/rig/humanBones.ts';
import { FINGER_BONES } from '../../engine/rig/fingerBones.ts';
import { LIMB_DIRECTIONS, legsLength, restAlignments, transferRotation } from '../../engine/rig/restAlign.ts';
import { RetargetError } from './retargetError.ts';
import { decompose, type Rig } from './retargetRig.ts';

const CANON = CANONICAL_SKELETON;
const CANON_REST = restWorldPositions(CANON);
const JC = CANON.parents.length;
const jointIndex = (b: HumanBone) => CANON.names.indexOf(b);

/**
 * Only limbs and fingers are aligned (LIMB_DIRECTIONS): an A-pose, bent elbows or splayed legs are rest-pose
 * conventions that must not show in the motion, whereas the torso's rest posture (a forward head, a curved
 * spine, a hunched zombie) is the character's own and is kept; torso bones therefore turn by exactly the
 * canonical rotation.
 */
/** Missing torso joints hand their rotation to the mapped bone below; these to their single child. */
const FOLD_INTO_PARENT = new Set<HumanBone>(['chest', 'upperChest']);
const FOLD_INTO_CHILD: Partial<Record<HumanBone, HumanBone>> = { neck: 'head', leftShoulder: 'leftUpperArm', rightShoulder: 'rightUpperArm' };

export interface RetargetPlan {
  readonly rig: Rig;
  readonly scheme: SkeletonScheme;
  /** Canonical joint → rig joint, −1 where the character has no such bone. */
  readonly jointOf: Int32Array;
  /** Rig joint → canonical joint, −1 for unmapped bones. */
  readonly canonOf: Int32Array;
  /** File world → canonical frame. */
  readonly facing: Quaternion;
  /** Metres per file unit. */
  readonly unit: number;
  /** Rest rotation of each rig joint relative to its parent. */
  readonly restLocalQ: Quaternion[];
  /** Rest world rotation / position (metres) of each rig joint, in the canonical frame. */
  readonly restQ: Quaternion[];
  readonly restP: Vector3[];
  /** Alignment per canonical joint (identity where the character lacks the joint). */
  readonly align: Quaternion[];
  /** The canonical topology with the character's proportions (metres, canonical frame). */
  readonly skeleton: Skeleton;
  /** Height of the character's floor in the canonical frame (metres). */
  readonly floorY: number;
  /** Leg length ratio character / canonical. */
  readonly scale: number;
  /** Rig index of the hips. */
  readonly hips: number;
}

/** The signed coordinate axis nearest to v, skipping the axis of `not`. */
function nearestAxis(v: Vector3, not?: Vector3): Vector3 {
  const comps = [v.x, v.y, v.z];
  let best = -1;
  for (let k = 0; k < 3; k++) {
    if (not && Math.abs([not.x, not.y, not.z][k]!) > 0.5) continue;
    if (best < 0 || Math.abs(comps[k]!) > Math.abs(comps[best]!)) best = k;
  }
  const out = new Vector3();
  out.setComponent(best, Math.sign(comps[best]!) || 1);
  return out;
}

/**
 * File world → canonical frame, from the skeleton: up = hips→head, left = the character's left side
 * (left limbs minus right limbs), each snapped to an axis; forward = left × up (+X × +Y = +Z).
 * A VRM 0.x, authored facing −Z, has its left limbs at −X and comes out as a 180° yaw; a VRM 1.0
 * comes out as identity. Measuring instead of trusting the version also covers files a tool has
 * already turned round.
 */
function facingOf(pos: (b: HumanBone) => Vector3): Quaternion {
  const up = nearestAxis(pos('head').clone().sub(pos('hips')));
  const left = nearestAxis(
    pos('leftUpperLeg')
      .clone()
      .sub(pos('rightUpperLeg'))
      .add(pos('leftUpperArm').clone().sub(pos('rightUpperArm'))),
    up,
  );
  const forward = new Vector3().crossVectors(left, up);
  return new Quaternion().setFromRotationMatrix(new Matrix4().makeBasis(left, up, forward)).invert();
}

/**
 * Metres per file unit for files without a trustworthy one (FBX, BVH): the power of ten (or inch
 * multiple) that makes the body closest to adult-sized. Exporters combine cm units with ×100 scale
 * nodes, so 10⁻⁴ happens; a 1 m child in metres still reads as metres (it is nearer than 10 m).
 */
function guessUnit(heightInUnits: number): number {
  const canonHeight = CANON_REST[jointIndex('head') * 3 + 1]! - CANON_REST[jointIndex('leftFoot') * 3 + 1]!;
  let best = 1;
  for (const k of [1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 0.0254, 0.00254]) {
    if (Math.abs(Math.log((heightInUnits * k) / canonHeight)) < Math.abs(Math.log((heightInUnits * best) / canonHeight))) best = k;
  }
  return best;
}

/**
 * Measures a character for retargeting. `unit` is metres per file unit: 1 for glTF (metres by
 * specification), 'guess' for formats whose unit is a setting (FBX) or unknown (BVH).
 */
export function planRetarget(rig: Rig, unit: number | 'guess' = 1): RetargetPlan {
  const found = mapHumanoid(rig, rig.candidates, rig.declared);
  if (!found.ok) throw new RetargetError('not_humanoid', found.reason);
  const jointOf = new Int32Array(JC).fill(-1);
  const canonOf = new Int32Array(rig.names.length).fill(-1);
  for (const [bone, j] of found.bones) {
    const c = jointIndex(bone);
    if (c < 0 || canonOf[j]! >= 0) continue;
    jointOf[c] = j;
    canonOf[j] = c;
  }
  const rest = rig.restWorld.map(decompose);
  const restLocalQ = rig.restLocal.map((m) => decompose(m).q);
  const filePos = (b: HumanBone) => rest[jointOf[jointIndex(b)]!]!.p;
  const facing = facingOf(filePos);
  const k = unit === 'guess' ? guessUnit(filePos('head').clone().sub(filePos('leftFoot')).applyQuaternion(facing).y) : unit;
  const restQ = rest.map((r) => facing.clone().multiply(r.q));
  const restP = rest.map((r) => r.p.clone().applyQuaternion(facing).multiplyScalar(k));

  const has = (c: number) => jointOf[c]! >= 0;
  const P = (c: number) => restP[jointOf[c]!]!;
  const canonP = (c: number) => new Vector3(CANON_REST[c * 3]!, CANON_REST[c * 3 + 1]!, CANON_REST[c * 3 + 2]!);
  const mappedAncestor = (c: number) => {
    let p = CANON.parents[c]!;
    while (p >= 0 && !has(p)) p = CANON.parents[p]!;
    return p;
  };

  // Alignment per canonical joint (the rig kernel's rest alignment, towards the canonical T-pose).
  const boneOf = (c: number) => CANON.names[c] as HumanBone;
  const aligned = restAlignments(
    CANON.names as HumanBone[],
    LIMB_DIRECTIONS,
    (b) => {
      const p = CANON.parents[jointIndex(b)]!;
      return p >= 0 ? boneOf(p) : undefined;
    },
    { has: (b) => has(jointIndex(b)), character: (b) => P(jointIndex(b)), reference: (b) => canonP(jointIndex(b)) },
  );
  const align = CANON.names.map((b) => aligned.get(b as HumanBone) ?? new Quaternion());

  // Mean leg length (both legs are required bones) over the canonical one.
  const scale = legsLength((b) => P(jointIndex(b))) / 2 / legLength(CANON);
  if (!(scale > 1e-6)) throw new RetargetError('not_humanoid', 'the legs have no length (upper leg, lower leg and foot at the same place)');

  // The character's proportions on the canonical topology: each bone vector turned into the T-pose by
  // the alignment of the mapped bone it hangs from, so FK of this skeleton lands on the character's joints.
  const offsets = new Float32Array(JC * 3);
  const setOffset = (c: number, v: Vector3) => offsets.set([v.x, v.y, v.z], c * 3);
  const hipsP = P(0);
  setOffset(0, hipsP);
  for (let c = 1; c < JC; c++) {
    const bone = CANON.names[c] as HumanBone;
    const a = mappedAncestor(c);
    const parentBone = CANON.names[CANON.parents[c]!] as HumanBone;
    const towards = (d: number) => P(d).clone().sub(P(a)).applyQuaternion(align[a]!);
    if (has(c)) {
      // A missing parent that folds into this joint already carries the vector (see below).
      if (!(CANON.parents[c]! !== a && FOLD_INTO_CHILD[parentBone] === bone)) setOffset(c, towards(c));
    } else if (FOLD_INTO_CHILD[bone] && has(jointIndex(FOLD_INTO_CHILD[bone]!))) {
      setOffset(c, towards(jointIndex(FOLD_INTO_CHILD[bone]!)));
    } else if (bone.endsWith('Toes')) {
      // No toe bone: a virtual ball of the foot where the canonical one is, scaled, for foot locking.
      for (let i = 0; i < 3; i++) offsets[c * 3 + i] = CANON.offsets[c * 3 + i]! * scale;
    }
  }
  const tips = CANON.tips.map((v) => v * scale);
  const skeleton: Skeleton = { ...CANON, id: 'character', offsets, tips };

  // The floor: the character stands on it at rest, its balls of the feet (or ankles) as high above it
  // as the canonical ones are, scaled.
  const lowest = (bones: HumanBone[]) => Math.min(...bones.map((b) => (has(jointIndex(b)) ? P(jointIndex(b)).y : Infinity)));
  const toesY = lowest(['leftToes', 'rightToes']);
  const floorY = Number.isFinite(toesY)
    ? toesY - scale * CANON_REST[jointIndex('leftToes') * 3 + 1]!
    : lowest(['leftFoot', 'rightFoot']) - scale * CANON_REST[jointIndex('leftFoot') * 3 + 1]!;

  return { rig, scheme: found.scheme, jointOf, canonOf, facing, unit: k, restLocalQ, restQ, restP, align, skeleton, floorY, scale, hips: jointOf[0]! };
}

/** Applies the fold rules above to a canonical motion, for a character that lacks some joints. */
export function foldMissing(plan: RetargetPlan, m: Motion): Motion {
  const missing = BODY_HUMAN_BONES.filter((b) => plan.jointOf[jointIndex(b)]! < 0 && !b.endsWith('Toes'));
  if (missing.length === 0) return m;
  const rot = m.rot.slice();
  const q = new Quaternion(),
    r = new Quaternion();
  const get = (f: number, c: number, out: Quaternion) => out.fromArray(rot, (f * JC + c) * 4);
  const set = (f: number, c: number, v: Quaternion) => v.toArray(rot, (f * JC + c) * 4);
  const identity = new Quaternion();
  for (let f = 0; f < m.frames; f++) {
    for (let c = 0; c < JC; c++) {
      const bone = CANON.names[c] as HumanBone;
      if (plan.jointOf[c]! >= 0) continue;
      if (FOLD_INTO_PARENT.has(bone)) {
        let a = CANON.parents[c]!;
        while (a >= 0 && plan.jointOf[a]! < 0) a = CANON.parents[a]!;
        // a·(every missing joint between a and this one, already folded to identity)·this.
        set(f, a, get(f, a, q).multiply(get(f, c, r)));
        set(f, c, identity);
      } else if (FOLD_INTO_CHILD[bone]) {
        const child = jointIndex(FOLD_INTO_CHILD[bone]!);
        set(f, child, get(f, c, q).multiply(get(f, child, r)));
        set(f, c, identity);
      }
    }
  }
  return { ...m, rot };
}

/** The motion on the character's proportions, legs re-solved so its feet stay planted. */
export function characterMotion(plan: RetargetPlan, m: Motion): Motion {
  return refitProportions(foldMissing(plan, m), plan.skeleton, { floorY: plan.floorY });
}

/**
 * Rotations and hips translation of every rig joint at frame f of `m` (a motion on plan.skeleton or
 * the canonical rig; only its rotations and root are read). Locals are relative to each joint's rig
 * parent; for roots, relative to a parent that carries `plan.facing` (a facing node, when one is added).
 */
export class RigPoser {
  /** World rotation of every rig joint in the canonical frame. */
  readonly world: Quaternion[];
  private readonly canonWorld: Quaternion[];
  private readonly hipsParentInv: Matrix4;
  private readonly facingInv: Quaternion;
  readonly local: Quaternion[];
  readonly hipsT = new Vector3();

  constructor(private readonly plan: RetargetPlan) {
    const n = plan.rig.names.length;
    this.world = Array.from({ length: n }, () => new Quaternion());
    this.local = Array.from({ length: n }, () => new Quaternion());
    this.canonWorld = Array.from({ length: JC }, () => new Quaternion());
    const parent = plan.rig.parents[plan.hips]!;
    this.hipsParentInv = parent >= 0 ? plan.rig.restWorld[parent]!.clone().invert() : new Matrix4();
    this.facingInv = plan.facing.clone().invert();
  }

  pose(m: Motion, f: number): void {
    const { plan } = this;
    const tmp = new Quaternion();
    for (let c = 0; c < JC; c++) {
      tmp.fromArray(m.rot, (f * JC + c) * 4).normalize();
      const p = CANON.parents[c]!;
      if (p >= 0) this.canonWorld[c]!.multiplyQuaternions(this.canonWorld[p]!, tmp);
      else this.canonWorld[c]!.copy(tmp);
    }
    const parents = plan.rig.parents;
    for (let j = 0; j < parents.length; j++) {
      const p = parents[j]!;
      const parentWorld = p >= 0 ? this.world[p]! : plan.facing;
      const c = plan.canonOf[j]!;
      if (c >= 0) transferRotation(this.world[j]!, this.canonWorld[c]!, null, plan.align[c]!, plan.restQ[j]!);
      else this.world[j]!.multiplyQuaternions(parentWorld, plan.restLocalQ[j]!);
      this.local[j]!.copy(parentWorld).invert().multiply(this.world[j]!);
    }
    this.hipsT
      .fromArray(m.rootPos, f * 3)
      .multiplyScalar(1 / plan.unit)
      .applyQuaternion(this.facingInv)
      .applyMatrix4(this.hipsParentInv);
  }
}

/**
 * The inverse transfer: a rig's animation as a canonical motion (for mocap sources such as CMU BVH,
 * and to check that a transfer round-trips). `localAt` writes joint j's local rotation at frame f;
 * `hipsAt` the hips' world position in file units.
 */
export function motionFromRig(
  plan: RetargetPlan,
  frames: number,
  fps: number,
  localAt: (f: number, j: number, out: Quaternion) => void,
  hipsAt: (f: number, out: Vector3) => void,
): Motion {
  const n = plan.rig.names.length;
  const world = Array.from({ length: n }, () => new Quaternion());
  const canonWorld = Array.from({ length: JC }, () => new Quaternion());
  const rot = new Float32Array(frames * JC * 4);
  const rootPos = new Float32Array(frames * 3);
  const alignInv = plan.align.map((a) => a.clone().invert());
  const restInv = plan.restQ.map((q) => q.clone().invert());
  const hipsRest = plan.restP[plan.hips]!;
  const ratio = legLength(CANON) / legLength(plan.skeleton);
  // Canonical finger joints the rig lacks get the relaxed hand shape rather than a rigid splay.
  const relaxed = new Map<number, Quaternion>();
  FINGER_BONES.forEach((b, k) => {
    const c = jointIndex(b),
      side = k < 15 ? 0 : 1,
      q = handShapeQuats('relaxed', side);
    if (c >= 0 && plan.jointOf[c]! < 0) relaxed.set(c, new Quaternion().fromArray(q, (k % 15) * 4));
  });
  const q = new Quaternion(),
    v = new Vector3();
  for (let f = 0; f < frames; f++) {
    for (let j = 0; j < n; j++) {
      localAt(f, j, q);
      const p = plan.rig.parents[j]!;
      if (p >= 0) world[j]!.multiplyQuaternions(world[p]!, q);
      else world[j]!.multiplyQuaternions(plan.facing, q);
    }
    for (let c = 0; c < JC; c++) {
      const j = plan.jointOf[c]!;
      const p = CANON.parents[c]!;
      if (j >= 0) canonWorld[c]!.multiplyQuaternions(world[j]!, restInv[j]!).multiply(alignInv[c]!);
      else if (relaxed.has(c)) canonWorld[c]!.multiplyQuaternions(canonWorld[p]!, relaxed.get(c)!);
      else canonWorld[c]!.copy(p >= 0 ? canonWorld[p]! : new Quaternion());
      const local = p >= 0 ? q.copy(canonWorld[p]!).invert().multiply(canonWorld[c]!) : q.copy(canonWorld[c]!);
      local.toArray(rot, (f * JC + c) * 4);
    }
    hipsAt(f, v);
    v.applyQuaternion(plan.facing).multiplyScalar(plan.unit).sub(hipsRest).multiplyScalar(ratio);
    rootPos.set([CANON_REST[0]! + v.x, CANON_REST[1]! + v.y, CANON_REST[2]! + v.z], f * 3);
  }
  return { fps, frames, skeleton: CANON, rootPos, rot, contacts: new Uint8Array(frames * 2) };
}
