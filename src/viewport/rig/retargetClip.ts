/**
 * Plays a humanoid clip (BVH, FBX, GLB) on another humanoid character, in the browser.
 *
 * Bones are matched by role (humanoidRoles.ts), not by name. The two rigs may rest differently (T vs A pose,
 * Z-up armatures, different bone rolls), so each mapped bone gets an alignment A that turns the character's rest
 * direction (towards its mapped child) onto the source's rest direction. Per frame the source bone's change from
 * its rest, D = Q_src(t) · Q_src_rest⁻¹ (world), is applied on top: W_char(t) = D · A · W_char_rest. At rest this
 * points every character bone where the source's points, keeping the character's own twist, except hands and
 * fingers: when both rigs have fingers, a hand also takes its twist from the palm (the line across the knuckles)
 * and each finger bone points at the next one with the same twist, so a fist curls toward the character's palm
 * whatever way its hands rest. Unmapped bones (twist and leaf bones, fingers one rig lacks) keep their rest pose. Hips travel is scaled by leg length, so a shorter
 * character takes shorter steps instead of sliding (three.js's SkeletonUtils.retargetClip has had transform and
 * off-by-one issues, three.js#25751 #25288; this is written for the studio's placed, metre-scale instances).
 */
import { AnimationClip, Matrix4, Quaternion, QuaternionKeyframeTrack, Vector3, VectorKeyframeTrack } from 'three';
import type { AnimationAction, AnimationMixer, Object3D } from 'three';
import type { AssetInstance } from '../assets/instantiate.ts';
import { qAlignSign } from '../../../server/engine/core/quat.ts';
import type { HumanRole } from './humanoidRoles.ts';
import { FINGER_NAMES, FINGER_SEGMENTS, type FingerBone } from '../../../server/engine/rig/fingerBones.ts';
import { alignPair } from '../../../server/engine/rig/alignPair.ts';

const SIDES = ['left', 'right'] as const;
/** Finger bone → the next bone along its finger, and → the bone it hangs from (its hand for the first). */
const FINGER_NEXT: Partial<Record<HumanRole, HumanRole[]>> = {};
const FINGER_PARENT: Partial<Record<HumanRole, HumanRole>> = {};
for (const side of SIDES) for (const f of FINGER_NAMES) {
  const segs = FINGER_SEGMENTS[f].map((s) => `${side}${f}${s}` as FingerBone);
  segs.forEach((b, k) => {
    if (k + 1 < segs.length) FINGER_NEXT[b] = [segs[k + 1]!];
    FINGER_PARENT[b] = k === 0 ? `${side}Hand` : segs[k - 1]!;
  });
}
/** First bone of each finger, index to little then thumb. */
const knuckles = (side: (typeof SIDES)[number]): HumanRole[] => (['Index', 'Middle', 'Ring', 'Little', 'Thumb'] as const).map((f) => `${side}${f}${FINGER_SEGMENTS[f][0]}` as FingerBone);


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
  ...FINGER_NEXT,
};
const PARENT_ROLE: Partial<Record<HumanRole, HumanRole>> = {
  spine: 'hips', chest: 'spine', upperChest: 'chest', neck: 'upperChest', head: 'neck',
  leftShoulder: 'upperChest', leftUpperArm: 'leftShoulder', leftLowerArm: 'leftUpperArm', leftHand: 'leftLowerArm',
  rightShoulder: 'upperChest', rightUpperArm: 'rightShoulder', rightLowerArm: 'rightUpperArm', rightHand: 'rightLowerArm',
  leftUpperLeg: 'hips', leftLowerLeg: 'leftUpperLeg', leftFoot: 'leftLowerLeg', leftToes: 'leftFoot',
  rightUpperLeg: 'hips', rightLowerLeg: 'rightUpperLeg', rightFoot: 'rightLowerLeg', rightToes: 'rightFoot',
  ...FINGER_PARENT,
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

  // Across each palm on both rigs (little-finger side knuckle → index side, or thumb → the one finger), and
  // the mean finger knuckle: the twist reference of hands and fingers.
  const tp = (r: HumanRole) => tgtRest.get(target.roles[r]!)!.p;
  const sp = (r: HumanRole) => srcRest.get(src.roles[r]!)!.p;
  const palm = SIDES.map((side) => {
    const ks = knuckles(side).filter((r) => roles.includes(r));
    const fingers = ks.filter((r) => !r.includes('Thumb'));
    if (ks.length < 2 || fingers.length === 0) return null;
    const [a, b] = fingers.length >= 2 ? [fingers[0]!, fingers[fingers.length - 1]!] : [ks[0]!, ks[ks.length - 1]!];
    const mean = (at: (r: HumanRole) => Vector3) => fingers.reduce((s, r) => s.add(at(r)), new Vector3()).multiplyScalar(1 / fingers.length);
    return { tFingers: mean(tp), sFingers: mean(sp), tAcross: tp(a).clone().sub(tp(b)), sAcross: sp(a).clone().sub(sp(b)) };
  });

  // Alignment per role, parents first so a role without a direction child inherits its parent's.
  const align = new Map<HumanRole, Quaternion>();
  const ordered = [...roles].sort((a, b) => depthOf(target.roles[a]!) - depthOf(target.roles[b]!));
  for (const role of ordered) {
    const child = (DIRECTION[role] ?? []).find((c) => roles.includes(c));
    const hand = palm[role.startsWith('left') ? 0 : 1];
    let a: Quaternion | null = null;
    if (hand && role.endsWith('Hand')) {
      a = alignPair(hand.tFingers.clone().sub(tp(role)), hand.tAcross, hand.sFingers.clone().sub(sp(role)), hand.sAcross);
    } else if (child) {
      const dt = tp(child).clone().sub(tp(role));
      const ds = sp(child).clone().sub(sp(role));
      const isFinger = FINGER_PARENT[role] !== undefined;
      if (dt.lengthSq() > 1e-10 && ds.lengthSq() > 1e-10) {
        a = (isFinger && hand ? alignPair(dt, hand.tAcross, ds, hand.sAcross) : null) ?? new Quaternion().setFromUnitVectors(dt.normalize(), ds.normalize());
      }
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
        out.set([local.x, local.y, local.z, local.w], f * 4);
        // Same hemisphere as the previous key, so interpolation never takes the long way round.
        if (f > 0) qAlignSign(out, f * 4, out, f * 4 - 4);
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
