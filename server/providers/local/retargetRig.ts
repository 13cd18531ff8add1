/**
 * A skeleton as retargeting sees it, whatever file it came from: joint names, parents (parents before
 * children), each joint's rest transform relative to its parent and in the file's world, which joints
 * may be humanoid bones (a skin's joints), and the bones a VRM declares. Built from a GLB/VRM document
 * (its nodes, in file order, so VRM node indices stay valid; FBX characters are converted to GLB
 * first) or from a BVH clip (CMU mocap as a motion source).
 */
import type { Document } from '@gltf-transform/core';
import { Matrix4, Quaternion, Vector3 } from 'three';
import type { BvhClip } from '../../engine/io/bvhRead.ts';
import { vrmDeclaredBones, vrmVersion } from '../../characters/humanoidSkeleton.ts';
import type { BoneTree, HumanBone } from '../../engine/rig/humanoidMap.ts';
import type { GltfJson } from '../../characters/sniffModel.ts';

export interface Rig extends BoneTree {
  readonly names: string[];
  readonly parents: Int32Array;
  /** Rest transform relative to the parent (or the file's world for roots). */
  readonly restLocal: Matrix4[];
  /** Rest transform in the file's world. */
  readonly restWorld: Matrix4[];
  /** Joints that may be humanoid bones (a skin's joints); meshes and helpers elsewhere are never picked. */
  readonly candidates: number[];
  /** Bones named by a VRM extension, by joint index. */
  readonly declared: Map<HumanBone, number> | null;
  /** VRM 0.x faces −Z, VRM 1.0 faces +Z; null when not a VRM. */
  readonly vrm: 0 | 1 | null;
}

function worldOf(parents: Int32Array, local: Matrix4[]): Matrix4[] {
  const world: Matrix4[] = [];
  for (let j = 0; j < local.length; j++) {
    const p = parents[j]!;
    world.push(p >= 0 ? new Matrix4().multiplyMatrices(world[p]!, local[j]!) : local[j]!.clone());
  }
  return world;
}

/** Joint order with parents first (files may list children before their parents). */
function parentsFirst(count: number, parentOf: (i: number) => number): number[] {
  const order: number[] = [];
  const state = new Uint8Array(count);
  const visit = (i: number) => {
    if (state[i] === 2) return;
    if (state[i] === 1) throw new Error('the node hierarchy has a cycle');
    state[i] = 1;
    const p = parentOf(i);
    if (p >= 0) visit(p);
    state[i] = 2;
    order.push(i);
  };
  for (let i = 0; i < count; i++) visit(i);
  return order;
}

/**
 * A GLB/VRM document's nodes as a rig. `order[k]` is the document node index of rig joint k (parents
 * first); node indices are what VRM extensions and gltf-transform's listNodes() use.
 */
export function rigFromDocument(doc: Document, json: GltfJson | null): { rig: Rig; order: number[] } {
  const nodes = doc.getRoot().listNodes();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const parentNode = (i: number) => {
    const p = nodes[i]!.getParentNode();
    return p ? index.get(p)! : -1;
  };
  const order = parentsFirst(nodes.length, parentNode);
  const joint = new Int32Array(nodes.length);
  order.forEach((n, k) => (joint[n] = k));
  const parents = new Int32Array(order.map((n) => (parentNode(n) >= 0 ? joint[parentNode(n)]! : -1)));
  const restLocal = order.map((n) => new Matrix4().fromArray(nodes[n]!.getMatrix()));
  const skinJoints = new Set(
    doc
      .getRoot()
      .listSkins()
      .flatMap((s) => s.listJoints()),
  );
  const candidates = order.map((n, k) => (skinJoints.has(nodes[n]!) ? k : -1)).filter((k) => k >= 0);
  const byNode = vrmDeclaredBones(json, nodes.length);
  const declared = byNode ? new Map([...byNode].map(([b, n]) => [b, joint[n]!])) : null;
  return {
    rig: { names: order.map((n) => nodes[n]!.getName()), parents, restLocal, restWorld: worldOf(parents, restLocal), candidates, declared, vrm: vrmVersion(json) },
    order,
  };
}

/** A BVH clip's joints as a rig: BVH rests with identity rotations, so rest transforms are its OFFSETs. */
export function rigFromBvh(clip: BvhClip): Rig {
  const parents = new Int32Array(clip.joints.map((j) => j.parent));
  const restLocal = clip.joints.map((j) => new Matrix4().makeTranslation(j.offset[0], j.offset[1], j.offset[2]));
  return { names: clip.joints.map((j) => j.name), parents, restLocal, restWorld: worldOf(parents, restLocal), candidates: clip.joints.map((_, i) => i), declared: null, vrm: null };
}

/** Position and rotation of a world matrix (scale dropped: retargeting moves bones by rotation only). */
export function decompose(m: Matrix4): { p: Vector3; q: Quaternion } {
  const p = new Vector3(),
    q = new Quaternion(),
    s = new Vector3();
  m.decompose(p, q, s);
  return { p, q };
}
