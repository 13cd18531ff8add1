/**
 * Plays a humanoid clip (BVH, FBX, GLB) on another humanoid character, in the browser.
 *
 * Bones are matched by role (humanoidRoles.ts), not by name. The two rigs may rest differently (T vs A pose,
 * Z-up armatures, different bone rolls), so each mapped bone gets an alignment A that turns the character's rest
 * direction (towards its mapped child) onto the source's rest direction. Per frame the source bone's change from
 * its rest, D = Q_src(t) · Q_src_rest⁻¹ (world), is applied on top: W_char(t) = D · A · W_char_rest. At rest this
 * points every character bone where the source's points, keeping the character's own twist. Unmapped bones
 * (fingers, twist and leaf bones) keep their rest pose. Hips travel is scaled by leg length, so a shorter
 * character takes shorter steps instead of sliding (three.js's SkeletonUtils.retargetClip has had transform and
 * off-by-one issues, three.js#25751 #25288; this is written for the studio's placed, metre-scale instances).
 */
import { AnimationClip, Matrix4, Quaternion, QuaternionKeyframeTrack, Vector3, VectorKeyframeTrack } from 'three';
import type { AnimationAction, AnimationMixer, Object3D } from 'three';
import type { AssetInstance } from '../assets/instantiate.ts';
import type { HumanRole } from './humanoidRoles.ts';

/** Which mapped bone gives a bone its direction, nearest first. */
const DIRECTION: Partial<Record<HumanRole, HumanRole[]>> = {
  hips: ['spine', 'chest', 'upperChest', 'neck'],
  spine: ['chest', 'upperChest', 'neck', 'head'],
  chest: ['upperChest', 'neck', 'head'],
  upperChest: ['neck', 'head'],
  neck: ['head'],
  leftShoulder: ['leftUpperArm'], leftUpperArm: ['leftLowerArm'], leftLowerArm: ['leftHand'],
  rightShoulder: ['rightUpperArm'], rightUpperArm: ['rightLowerArm'], rightLowerArm: ['rightHand'],
  leftUpperLeg: ['leftLowerLeg'], leftLowerLeg: ['leftFoot'], leftFoot: ['leftToes'],
  rightUpperLeg: ['rightLowerLeg'], rightLowerLeg: ['rightFoot'], rightFoot: ['rightToes'],
};
const PARENT_ROLE: Partial<Record<HumanRole, HumanRole>> = {
  spine: 'hips', chest: 'spine', upperChest: 'chest', neck: 'upperChest', head: 'neck',
  leftShoulder: 'upperChest', leftUpperArm: 'leftShoulder', leftLowerArm: 'leftUpperArm', leftHand: 'leftLowerArm',
  rightShoulder: 'upperChest', rightUpperArm: 'rightShoulder', rightLowerArm: 'rightUpperArm', rightHand: 'rightLowerArm',
  leftUpperLeg: 'hips', leftLowerLeg: 'leftUpperLeg', leftFoot: 'leftLowerLeg', leftToes: 'leftFoot',
  rightUpperLeg: 'hips', rightLowerLeg: 'rightUpperLeg', rightFoot: 'rightLowerLeg', rightToes: 'rightFoot',
};

export interface RetargetSource {
  inst: AssetInstance;
  mixer: AnimationMixer;
  action: AnimationAction;
  duration: number;
  fps: number;
}

interface Rest {
  q: Quaternion;
  p: Vector3;
}

function worldRest(o: Object3D): Rest {
  const q = new Quaternion();
  const p = new Vector3();
  o.matrixWorld.decompose(p, q, new Vector3());
  return { q, p };
}

function legLength(roles: Partial<Record<HumanRole, Object3D>>, rest: Map<Object3D, Rest>): number {
  let sum = 0;
  for (const side of ['left', 'right'] as const) {
    const chain = [roles[`${side}UpperLeg`], roles[`${side}LowerLeg`], roles[`${side}Foot`]];
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1], b = chain[i];
      if (a && b) sum += rest.get(a)!.p.distanceTo(rest.get(b)!.p);
    }
  }
  return sum;
}

/**
 * Bakes `source`'s clip onto `target`. Both instances must be in their rest pose when called (fresh instances
 * are); the source's action is left at time 0. Returns a clip that plays on target.model.
 */
export function retargetClip(source: RetargetSource, target: AssetInstance, name: string): AnimationClip {
  const src = source.inst;
  src.root.updateMatrixWorld(true);
  target.root.updateMatrixWorld(true);
  const roles = (Object.keys(target.roles) as HumanRole[]).filter((r) => src.roles[r]);
  if (!roles.includes('hips')) throw new Error('retargetClip: both rigs need hips');

  const srcRest = new Map<Object3D, Rest>();
  for (const r of roles) srcRest.set(src.roles[r]!, worldRest(src.roles[r]!));
  for (const r of ['leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'rightUpperLeg', 'rightLowerLeg', 'rightFoot'] as const) {
    const b = src.roles[r];
    if (b && !srcRest.has(b)) srcRest.set(b, worldRest(b));
  }
  const tgtRest = new Map<Object3D, Rest>();
  target.model.traverse((o) => tgtRest.set(o, worldRest(o)));
  const restLocalQ = new Map<Object3D, Quaternion>();
  target.model.traverse((o) => restLocalQ.set(o, o.quaternion.clone()));

  // Alignment per role, parents first so a role without a direction child inherits its parent's.
  const align = new Map<HumanRole, Quaternion>();
  const ordered = [...roles].sort((a, b) => depthOf(target.roles[a]!) - depthOf(target.roles[b]!));
  for (const role of ordered) {
    const child = (DIRECTION[role] ?? []).find((c) => roles.includes(c));
    let a: Quaternion | null = null;
    if (child) {
      const dt = tgtRest.get(target.roles[child]!)!.p.clone().sub(tgtRest.get(target.roles[role]!)!.p);
      const ds = srcRest.get(src.roles[child]!)!.p.clone().sub(srcRest.get(src.roles[role]!)!.p);
      if (dt.lengthSq() > 1e-10 && ds.lengthSq() > 1e-10) a = new Quaternion().setFromUnitVectors(dt.normalize(), ds.normalize());
    }
    if (!a) {
      let p = PARENT_ROLE[role];
      while (p && !align.has(p)) p = PARENT_ROLE[p];
      a = p ? align.get(p)!.clone() : new Quaternion();
    }
    align.set(role, a);
  }

  const roleOf = new Map<Object3D, HumanRole>(roles.map((r) => [target.roles[r]!, r]));
  const order: Object3D[] = [];
  target.model.traverse((o) => order.push(o));
  const animated = order.filter((o) => roleOf.has(o));
  const hips = target.roles.hips!;
  const hipsParentInv = hips.parent ? hips.parent.matrixWorld.clone().invert() : new Matrix4();
  const scale = (legLength(target.roles, tgtRest) || 1) / (legLength(src.roles, srcRest) || 1);

  const rate = Math.min(Math.max(source.fps, 10), 60);
  const frames = Math.max(2, Math.floor(source.duration * rate) + 1);
  const times = new Float32Array(frames);
  const rot = new Map<Object3D, Float32Array>(animated.map((o) => [o, new Float32Array(frames * 4)]));
  const hipsPos = new Float32Array(frames * 3);
  const world = new Map<Object3D, Quaternion>();
  const srcNow = new Quaternion();
  const p = new Vector3();
  const sc = new Vector3();
  const srcRestInv = new Map<HumanRole, Quaternion>(roles.map((r) => [r, srcRest.get(src.roles[r]!)!.q.clone().invert()]));

  for (let f = 0; f < frames; f++) {
    const t = Math.min((f / (frames - 1)) * source.duration, source.duration);
    times[f] = t;
    source.action.time = t;
    source.mixer.update(0);
    src.root.updateMatrixWorld(true);
    world.clear();
    for (const node of order) {
      if (node === target.model) continue;
      const parent = node.parent!;
      const parentQ = world.get(parent) ?? tgtRest.get(parent)?.q ?? worldRest(parent).q;
      const role = roleOf.get(node);
      let w: Quaternion;
      if (role) {
        src.roles[role]!.matrixWorld.decompose(p, srcNow, sc);
        w = srcNow.clone().multiply(srcRestInv.get(role)!).multiply(align.get(role)!).multiply(tgtRest.get(node)!.q);
        const local = parentQ.clone().invert().multiply(w);
        const out = rot.get(node)!;
        // Same hemisphere as the previous key, so interpolation never takes the long way round.
        if (f > 0 && local.x * out[f * 4 - 4]! + local.y * out[f * 4 - 3]! + local.z * out[f * 4 - 2]! + local.w * out[f * 4 - 1]! < 0) {
          local.set(-local.x, -local.y, -local.z, -local.w);
        }
        out.set([local.x, local.y, local.z, local.w], f * 4);
      } else {
        w = parentQ.clone().multiply(restLocalQ.get(node)!);
      }
      world.set(node, w);
    }
    src.roles.hips!.getWorldPosition(p).multiplyScalar(scale).applyMatrix4(hipsParentInv);
    hipsPos.set([p.x, p.y, p.z], f * 3);
  }
  source.action.time = 0;
  source.mixer.update(0);

  const tracks = [new VectorKeyframeTrack(`${hips.name}.position`, times, hipsPos)];
  for (const o of animated) tracks.push(new QuaternionKeyframeTrack(`${o.name}.quaternion`, times, rot.get(o)!));
  return new AnimationClip(name, source.duration, tracks);
}

function depthOf(o: Object3D): number {
  let d = 0;
  for (let p = o.parent; p; p = p.parent) d++;
  return d;
}
