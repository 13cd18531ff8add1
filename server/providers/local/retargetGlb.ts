/**
 * Puts an engine motion onto an uploaded, already-rigged humanoid: the result is the character's own
 * GLB (meshes, materials, skin untouched) with one new animation driving its bones.
 *
 * The engine's rig rests in a T-pose with identity rotations, so a canonical joint's world rotation
 * R(f) is directly "how far this bone turned from rest". A character may rest differently (A-pose,
 * bent elbows, Z-up armature), so each mapped bone first gets an alignment A that turns its rest
 * direction (towards its mapped child) onto the canonical rest direction; its animated world rotation
 * is then R(f)·A·W_rest, which points the bone where the engine's bone points while keeping the
 * character's own rest twist. Unmapped bones (fingers, twist bones, leaf bones) keep their rest pose.
 * Hips travel is scaled by leg length, so a short character takes shorter steps instead of sliding.
 * Assumes a Y-up character facing +Z (the glTF convention, also what Meshy expects).
 */
import { Logger, WebIO, type Document, type Node } from '@gltf-transform/core';
import { Matrix4, Quaternion, Vector3 } from 'three';
import type { Motion } from '../../engine/index.ts';
import { findHumanoid, type HumanBone } from '../../characters/humanoidSkeleton.ts';
import { readGlbJson } from '../../characters/sniffModel.ts';

export class RetargetError extends Error {
  constructor(readonly code: 'not_humanoid' | 'unreadable_character', message: string) {
    super(message);
    this.name = 'RetargetError';
  }
}

/** For each bone, the bones whose rest position gives its direction, nearest first. */
const DIRECTION_CHILDREN: Partial<Record<HumanBone, HumanBone[]>> = {
  hips: ['spine', 'chest', 'upperChest', 'neck', 'head'],
  spine: ['chest', 'upperChest', 'neck', 'head'],
  chest: ['upperChest', 'neck', 'head'],
  upperChest: ['neck', 'head'],
  neck: ['head'],
  leftShoulder: ['leftUpperArm'], leftUpperArm: ['leftLowerArm'], leftLowerArm: ['leftHand'],
  rightShoulder: ['rightUpperArm'], rightUpperArm: ['rightLowerArm'], rightLowerArm: ['rightHand'],
  leftUpperLeg: ['leftLowerLeg'], leftLowerLeg: ['leftFoot'], leftFoot: ['leftToes'],
  rightUpperLeg: ['rightLowerLeg'], rightLowerLeg: ['rightFoot'], rightFoot: ['rightToes'],
};

function silentIo(): WebIO {
  return new WebIO().setLogger(new Logger(Logger.Verbosity.SILENT));
}

export async function readCharacter(bytes: Uint8Array): Promise<Document> {
  try {
    return await silentIo().readBinary(bytes);
  } catch (err) {
    throw new RetargetError('unreadable_character', `The character GLB could not be read: ${(err as Error).message}`);
  }
}

/** Checks that a rigged GLB/VRM has a humanoid skeleton we can drive; throws RetargetError when not. */
export async function checkHumanoid(bytes: Uint8Array): Promise<{ scheme: string; bones: number }> {
  const doc = await readCharacter(bytes);
  const glb = readGlbJson(bytes);
  const found = findHumanoid(doc, glb.ok ? glb.json : null);
  if (!found.ok) throw new RetargetError('not_humanoid', found.reason);
  return { scheme: found.scheme, bones: found.bones.size };
}

function canonicalRestPositions(motion: Motion): Vector3[] {
  const sk = motion.skeleton;
  const out: Vector3[] = [];
  for (let j = 0; j < sk.parents.length; j++) {
    const own = new Vector3(sk.offsets[j * 3]!, sk.offsets[j * 3 + 1]!, sk.offsets[j * 3 + 2]!);
    const p = sk.parents[j]!;
    out.push(p >= 0 ? own.add(out[p]!) : own);
  }
  return out;
}

/** Scene nodes, parents before children. */
function hierarchyOrder(doc: Document): Node[] {
  const out: Node[] = [];
  const seen = new Set<Node>();
  const visit = (n: Node) => {
    if (seen.has(n)) return;
    seen.add(n);
    out.push(n);
    n.listChildren().forEach(visit);
  };
  for (const scene of doc.getRoot().listScenes()) scene.listChildren().forEach(visit);
  // Nodes outside every scene cannot be skinned joints that matter, but keep them static too.
  for (const n of doc.getRoot().listNodes()) if (!n.getParentNode()) visit(n);
  return out;
}

/** Returns the character GLB with `motion` as its only animation, named `clipName`. */
export async function retargetToGlb(characterBytes: Uint8Array, motion: Motion, clipName: string): Promise<Uint8Array> {
  const doc = await readCharacter(characterBytes);
  const glb = readGlbJson(characterBytes);
  const found = findHumanoid(doc, glb.ok ? glb.json : null);
  if (!found.ok) throw new RetargetError('not_humanoid', found.reason);
  const bones = found.bones;
  const root = doc.getRoot();
  for (const a of root.listAnimations()) a.dispose();

  const sk = motion.skeleton;
  const jointOf = new Map<HumanBone, number>();
  sk.names.forEach((name, j) => jointOf.set(name as HumanBone, j));
  const canonRest = canonicalRestPositions(motion);

  const restWorld = new Map<Node, { m: Matrix4; p: Vector3; q: Quaternion }>();
  const restLocalQ = new Map<Node, Quaternion>();
  for (const node of root.listNodes()) {
    const m = new Matrix4().fromArray(node.getWorldMatrix());
    const p = new Vector3();
    const q = new Quaternion();
    m.decompose(p, q, new Vector3());
    restWorld.set(node, { m, p, q });
    const [x, y, z, w] = node.getRotation();
    restLocalQ.set(node, new Quaternion(x, y, z, w));
  }

  // Alignment per mapped bone, parents first so a bone without a direction child inherits its parent's.
  const align = new Map<HumanBone, Quaternion>();
  const boneOfNode = new Map<Node, HumanBone>();
  for (const name of sk.names as readonly HumanBone[]) {
    const node = bones.get(name);
    if (!node) continue;
    boneOfNode.set(node, name);
    const child = (DIRECTION_CHILDREN[name] ?? []).find((c) => bones.has(c));
    let a: Quaternion | undefined;
    if (child) {
      const dt = restWorld.get(bones.get(child)!)!.p.clone().sub(restWorld.get(node)!.p);
      const dc = canonRest[jointOf.get(child)!]!.clone().sub(canonRest[jointOf.get(name)!]!);
      if (dt.lengthSq() > 1e-12 && dc.lengthSq() > 1e-12) a = new Quaternion().setFromUnitVectors(dt.normalize(), dc.normalize());
    }
    if (!a) {
      let p = sk.parents[jointOf.get(name)!]!;
      while (p >= 0 && !align.has(sk.names[p] as HumanBone)) p = sk.parents[p]!;
      a = p >= 0 ? align.get(sk.names[p] as HumanBone)!.clone() : new Quaternion();
    }
    align.set(name, a);
  }

  const legLength = (side: 'left' | 'right', pos: (b: HumanBone) => Vector3) =>
    pos(`${side}UpperLeg`).distanceTo(pos(`${side}LowerLeg`)) + pos(`${side}LowerLeg`).distanceTo(pos(`${side}Foot`));
  const targetPos = (b: HumanBone) => restWorld.get(bones.get(b)!)!.p;
  const canonPos = (b: HumanBone) => canonRest[jointOf.get(b)!]!;
  const scale = (legLength('left', targetPos) + legLength('right', targetPos)) / (legLength('left', canonPos) + legLength('right', canonPos)) || 1;

  const order = hierarchyOrder(doc);
  const mapped = order.filter((n) => boneOfNode.has(n));
  const hipsNode = bones.get('hips')!;
  const hipsParent = hipsNode.getParentNode();
  const hipsParentInv = hipsParent ? restWorld.get(hipsParent)!.m.clone().invert() : new Matrix4();
  const hipsRest = restWorld.get(hipsNode)!.p;
  const canonHips = canonRest[0]!;

  const frames = motion.frames;
  const jc = sk.parents.length;
  const rotations = new Map<Node, Float32Array>(mapped.map((n) => [n, new Float32Array(frames * 4)]));
  const hipsTranslation = new Float32Array(frames * 3);
  const canonWorld = Array.from({ length: jc }, () => new Quaternion());
  const worldQ = new Map<Node, Quaternion>();
  const tmp = new Quaternion();
  const tmpV = new Vector3();

  for (let f = 0; f < frames; f++) {
    for (let j = 0; j < jc; j++) {
      const o = (f * jc + j) * 4;
      const local = tmp.set(motion.rot[o]!, motion.rot[o + 1]!, motion.rot[o + 2]!, motion.rot[o + 3]!).normalize();
      const p = sk.parents[j]!;
      if (p >= 0) canonWorld[j]!.multiplyQuaternions(canonWorld[p]!, local);
      else canonWorld[j]!.copy(local);
    }
    for (const node of order) {
      const parent = node.getParentNode();
      const parentQ = parent ? worldQ.get(parent) ?? restWorld.get(parent)!.q : new Quaternion();
      const bone = boneOfNode.get(node);
      let world: Quaternion;
      if (bone) {
        world = canonWorld[jointOf.get(bone)!]!.clone().multiply(align.get(bone)!).multiply(restWorld.get(node)!.q);
        const local = parentQ.clone().invert().multiply(world);
        const out = rotations.get(node)!;
        // Keep consecutive keys in one hemisphere so LINEAR interpolation never takes the long way round.
        if (f > 0 && local.x * out[f * 4 - 4]! + local.y * out[f * 4 - 3]! + local.z * out[f * 4 - 2]! + local.w * out[f * 4 - 1]! < 0) {
          local.set(-local.x, -local.y, -local.z, -local.w);
        }
        out.set([local.x, local.y, local.z, local.w], f * 4);
      } else {
        world = parentQ.clone().multiply(restLocalQ.get(node)!);
      }
      worldQ.set(node, world);
    }
    tmpV.set(motion.rootPos[f * 3]!, motion.rootPos[f * 3 + 1]!, motion.rootPos[f * 3 + 2]!).sub(canonHips).multiplyScalar(scale).add(hipsRest);
    tmpV.applyMatrix4(hipsParentInv);
    hipsTranslation.set([tmpV.x, tmpV.y, tmpV.z], f * 3);
  }

  const buffer = root.listBuffers()[0] ?? doc.createBuffer();
  const times = new Float32Array(frames);
  for (let f = 0; f < frames; f++) times[f] = f / motion.fps;
  const input = doc.createAccessor().setType('SCALAR').setArray(times).setBuffer(buffer);
  const anim = doc.createAnimation(clipName);
  const track = (node: Node, path: 'rotation' | 'translation', values: Float32Array) => {
    const output = doc.createAccessor().setType(path === 'rotation' ? 'VEC4' : 'VEC3').setArray(values).setBuffer(buffer);
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
    anim.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
  };
  track(hipsNode, 'translation', hipsTranslation);
  for (const node of mapped) track(node, 'rotation', rotations.get(node)!);
  return silentIo().writeBinary(doc);
}
