/**
 * Plays a humanoid clip (BVH, FBX, GLB) on another humanoid character, in the browser.
 *
 * Bones are matched by role (humanoidRoles.ts), not by name. The alignment and transfer mathematics is the rig
 * kernel's (server/engine/rig/restAlign.ts), shared with the server's export; this file is the three.js I/O. The two rigs may rest differently (T vs A pose,
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
import { HUMAN_PARENT, LIMB_DIRECTIONS, legsLength, restAlignments, transferRotation } from '../../../server/engine/rig/restAlign.ts';

/**
 * Which mapped bone gives a bone its direction, nearest first: the limbs and fingers as on the server, and the
 * torso too, because a preview plays any source clip whose spine rests its own way.
 */
const DIRECTION: Partial<Record<HumanRole, readonly HumanRole[]>> = {
  hips: ['spine', 'chest', 'upperChest', 'neck'],
  spine: ['chest', 'upperChest', 'neck', 'head'],
  chest: ['upperChest', 'neck', 'head'],
  upperChest: ['neck', 'head'],
  neck: ['head'],
  ...LIMB_DIRECTIONS,
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

  // Alignment per role (the rig kernel's rest alignment, towards the source's rest pose), parents first so a
  // role without a direction child inherits its parent's.
  const ordered = [...roles].sort((a, b) => depthOf(target.roles[a]!) - depthOf(target.roles[b]!));
  const align = restAlignments(ordered, DIRECTION, (r) => HUMAN_PARENT[r], {
    has: (r) => roles.includes(r),
    character: (r) => tgtRest.get(target.roles[r]!)!.p,
    reference: (r) => srcRest.get(src.roles[r]!)!.p,
  });

  const roleOf = new Map<Object3D, HumanRole>(roles.map((r) => [target.roles[r]!, r]));
  const order: Object3D[] = [];
  target.model.traverse((o) => order.push(o));
  const animated = order.filter((o) => roleOf.has(o));
  const hips = target.roles.hips!;
  const hipsParentInv = hips.parent ? hips.parent.matrixWorld.clone().invert() : new Matrix4();
  const restPos = (rig: AssetInstance, rest: Map<Object3D, Rest>) => (r: HumanRole) => {
    const b = rig.roles[r];
    return b ? rest.get(b)!.p : undefined;
  };
  const scale = (legsLength(restPos(target, tgtRest)) || 1) / (legsLength(restPos(src, srcRest)) || 1);

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
        w = transferRotation(new Quaternion(), srcNow, srcRestInv.get(role)!, align.get(role)!, tgtRest.get(node)!.q);
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
