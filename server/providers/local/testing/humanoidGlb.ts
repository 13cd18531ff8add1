/**
 * Synthetic rigged humanoids for retargeting tests: any bone names, proportions, rest pose (A-pose
 * arms, rolled bones), facing, unit scale and missing bones, written as a real skinned GLB (one small
 * box per bone, rigidly skinned) so it goes through the same code paths as an uploaded character.
 */
import { Document, WebIO, type Node } from '@gltf-transform/core';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { CANONICAL_SKELETON, restWorldPositions } from '../../../engine/index.ts';

export interface HumanoidSpec {
  /** Canonical joint name → bone name in the file; joints left out are missing from the rig. */
  names: Record<string, string>;
  /** World rest positions (metres) per canonical joint; default the canonical T-pose. */
  positions?: Record<string, [number, number, number]>;
  /** Rotate both arms down by this angle about the shoulders (an A-pose), radians. */
  armsDown?: number;
  /** Give every bone a different rest rotation (bone roll), as DCC exports do. */
  rolled?: boolean;
  /** Yaw of the whole character (π: faces −Z like a VRM 0.x). */
  yaw?: number;
  /** File units per metre under a root scale node (100: a centimetre rig with a 0.01 root scale). */
  unitsPerMetre?: number;
}

export function canonicalPositions(): Record<string, [number, number, number]> {
  const rest = restWorldPositions(CANONICAL_SKELETON);
  return Object.fromEntries(CANONICAL_SKELETON.names.map((n, j) => [n, [rest[j * 3]!, rest[j * 3 + 1]!, rest[j * 3 + 2]!]]));
}

/** Canonical joint → parent canonical joint that exists in the spec (missing ones are skipped). */
function presentParent(joint: string, spec: HumanoidSpec): string | null {
  const sk = CANONICAL_SKELETON;
  let p = sk.parents[sk.names.indexOf(joint)]!;
  while (p >= 0 && !(sk.names[p]! in spec.names)) p = sk.parents[p]!;
  return p >= 0 ? sk.names[p]! : null;
}

export async function humanoidGlb(spec: HumanoidSpec): Promise<Uint8Array> {
  const sk = CANONICAL_SKELETON;
  const pos = { ...canonicalPositions(), ...spec.positions };
  const world = new Map<string, Vector3>();
  const down = spec.armsDown ?? 0;
  for (const j of sk.names) {
    const p = new Vector3(...pos[j]!);
    // A-pose: everything below each upper arm turns down about the upper-arm joint.
    for (const [side, sign] of [
      ['left', 1],
      ['right', -1],
    ] as const) {
      const chain = [`${side}LowerArm`, `${side}Hand`];
      if (chain.includes(j)) {
        const pivot = new Vector3(...pos[`${side}UpperArm`]!);
        p.sub(pivot)
          .applyAxisAngle(new Vector3(0, 0, 1), -sign * down)
          .add(pivot);
      }
    }
    world.set(j, p.applyAxisAngle(new Vector3(0, 1, 0), spec.yaw ?? 0));
  }
  const facing = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), spec.yaw ?? 0);
  const rot = new Map<string, Quaternion>();
  sk.names.forEach((j, i) => {
    const roll = spec.rolled ? new Quaternion().setFromAxisAngle(new Vector3(Math.sin(i), Math.cos(i * 1.7), Math.sin(i * 0.3)).normalize(), 0.3 + 0.1 * i) : new Quaternion();
    rot.set(j, facing.clone().multiply(roll));
  });

  const doc = new Document();
  const buffer = doc.createBuffer();
  const scene = doc.createScene();
  const upm = spec.unitsPerMetre ?? 1;
  const root = doc.createNode('Armature').setScale([1 / upm, 1 / upm, 1 / upm]);
  scene.addChild(root);
  const skin = doc.createSkin();
  const nodes = new Map<string, Node>();
  const ibm: number[] = [];
  const positions: number[] = [],
    joints: number[] = [],
    weights: number[] = [],
    indices: number[] = [];
  for (const j of sk.names) {
    if (!(j in spec.names)) continue;
    const parent = presentParent(j, spec);
    const pw = parent ? world.get(parent)! : new Vector3();
    const pq = parent ? rot.get(parent)! : new Quaternion();
    const t = world.get(j)!.clone().sub(pw).applyQuaternion(pq.clone().invert()).multiplyScalar(upm);
    const q = pq.clone().invert().multiply(rot.get(j)!);
    const n = doc.createNode(spec.names[j]!).setTranslation([t.x, t.y, t.z]).setRotation([q.x, q.y, q.z, q.w]);
    (parent ? nodes.get(parent)! : root).addChild(n);
    nodes.set(j, n);
    const index = skin.listJoints().length;
    skin.addJoint(n);
    // The joint's world matrix at rest includes the root's unit scale.
    const bind = new Matrix4().compose(world.get(j)!, rot.get(j)!, new Vector3(1 / upm, 1 / upm, 1 / upm));
    ibm.push(...bind.clone().invert().elements);
    // A 4 cm box at the joint, rigidly bound to it.
    const base = positions.length / 3;
    for (const [x, y, z] of [
      [-1, -1, -1],
      [1, -1, -1],
      [1, 1, -1],
      [-1, 1, -1],
      [-1, -1, 1],
      [1, -1, 1],
      [1, 1, 1],
      [-1, 1, 1],
    ] as const) {
      const v = world.get(j)!;
      positions.push(v.x + 0.02 * x, v.y + 0.02 * y, v.z + 0.02 * z);
      joints.push(index, 0, 0, 0);
      weights.push(1, 0, 0, 0);
    }
    for (const [a, b, c] of [
      [0, 2, 1],
      [0, 3, 2],
      [4, 5, 6],
      [4, 6, 7],
      [0, 1, 5],
      [0, 5, 4],
      [2, 3, 7],
      [2, 7, 6],
      [1, 2, 6],
      [1, 6, 5],
      [0, 4, 7],
      [0, 7, 3],
    ] as const)
      indices.push(base + a, base + b, base + c);
  }
  const acc = (type: 'SCALAR' | 'VEC3' | 'VEC4' | 'MAT4', arr: Float32Array | Uint16Array) => doc.createAccessor().setType(type).setArray(arr).setBuffer(buffer);
  skin.setInverseBindMatrices(acc('MAT4', new Float32Array(ibm)));
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', acc('VEC3', new Float32Array(positions)))
    .setAttribute('JOINTS_0', acc('VEC4', new Uint16Array(joints)))
    .setAttribute('WEIGHTS_0', acc('VEC4', new Float32Array(weights)))
    .setIndices(acc('SCALAR', new Uint16Array(indices)))
    .setMaterial(doc.createMaterial('Body'));
  scene.addChild(doc.createNode('Body').setMesh(doc.createMesh('Body').addPrimitive(prim)).setSkin(skin));
  return new WebIO().writeBinary(doc);
}

/** Mixamo names (with the `mixamorig:` namespace) for every canonical joint. */
export function mixamoNames(prefix = 'mixamorig:'): Record<string, string> {
  return Object.fromEntries(CANONICAL_SKELETON.names.map((n, j) => [n, prefix + CANONICAL_SKELETON.exportNames[j]!]));
}

/**
 * Adds JSON to a GLB's JSON chunk (gltf-transform drops extensions it does not know, such as VRM's),
 * e.g. a VRM humanoid table.
 */
export function patchGlbJson(glb: Uint8Array, patch: (json: Record<string, unknown>) => void): Uint8Array {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as Record<string, unknown>;
  patch(json);
  let text = JSON.stringify(json);
  while (text.length % 4) text += ' ';
  const jsonBytes = new TextEncoder().encode(text);
  const rest = glb.subarray(20 + jsonLength);
  const out = new Uint8Array(20 + jsonBytes.length + rest.length);
  const dv = new DataView(out.buffer);
  out.set(glb.subarray(0, 12));
  dv.setUint32(8, out.length, true);
  dv.setUint32(12, jsonBytes.length, true);
  dv.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  out.set(rest, 20 + jsonBytes.length);
  return out;
}
