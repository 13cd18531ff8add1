/**
 * The humanoid skeleton of a rigged GLB/VRM document: VRM files declare the mapping (VRMC_vrm / VRM 0.x
 * humanBones); other files are mapped by the rig kernel (server/engine/rig/humanoidMap.ts) from their
 * node names and hierarchy. findHumanoid is the GLB/VRM entry point.
 */
import type { Document, Node } from '@gltf-transform/core';
import { mapHumanoid, type BoneTree, type SkeletonScheme } from '../engine/rig/humanoidMap.ts';
import { isHumanBone, REQUIRED_BONES, type HumanBone } from '../engine/rig/humanBones.ts';
import type { GltfJson } from './sniffModel.ts';

export type HumanoidResult = { ok: true; scheme: SkeletonScheme; bones: Map<HumanBone, Node> } | { ok: false; reason: string; missing: HumanBone[] };

/** Bones named by a VRM extension (node indices), or null when the file is not a VRM. */
export function vrmDeclaredBones(json: GltfJson | null, nodeCount: number): Map<HumanBone, number> | null {
  const ext = json?.extensions;
  if (!ext) return null;
  const out = new Map<HumanBone, number>();
  const put = (bone: string, index: unknown) => {
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < nodeCount && isHumanBone(bone)) out.set(bone, index);
  };
  const v1 = ext.VRMC_vrm as { humanoid?: { humanBones?: Record<string, { node?: number }> } } | undefined;
  const v0 = ext.VRM as { humanoid?: { humanBones?: Array<{ bone?: string; node?: number }> } } | undefined;
  if (v1?.humanoid?.humanBones) {
    for (const [bone, ref] of Object.entries(v1.humanoid.humanBones)) put(bone, ref?.node);
  } else if (Array.isArray(v0?.humanoid?.humanBones)) {
    // VRM 0.x names the thumb's bones Proximal/Intermediate/Distal; VRM 1.0 calls them Metacarpal/Proximal/Distal.
    const v0Thumb = (b: string) => b.replace(/Thumb(Proximal|Intermediate)$/, (_, s: string) => (s === 'Proximal' ? 'ThumbMetacarpal' : 'ThumbProximal'));
    for (const b of v0.humanoid.humanBones) put(v0Thumb(b.bone ?? ''), b.node);
  } else {
    return null;
  }
  return out;
}

/** 0 for VRM 0.x (faces −Z), 1 for VRM 1.0 (faces +Z), null when the file is not a VRM. */
export function vrmVersion(json: GltfJson | null): 0 | 1 | null {
  const ext = json?.extensions;
  if (ext?.VRMC_vrm) return 1;
  if (ext?.VRM) return 0;
  return null;
}

export function findHumanoid(doc: Document, json: GltfJson | null): HumanoidResult {
  const skins = doc.getRoot().listSkins();
  if (skins.length === 0) {
    return { ok: false, reason: 'the model has no skeleton (no skin): it is a plain mesh', missing: [...REQUIRED_BONES] };
  }
  const nodes = doc.getRoot().listNodes();
  const index = new Map(nodes.map((n, i) => [n, i]));
  const tree: BoneTree = {
    names: nodes.map((n) => n.getName()),
    parents: nodes.map((n) => {
      const p = n.getParentNode();
      return p ? index.get(p)! : -1;
    }),
  };
  const joints = [...new Set(skins.flatMap((s) => s.listJoints()))].map((n) => index.get(n)!);
  const result = mapHumanoid(tree, joints, vrmDeclaredBones(json, nodes.length));
  if (!result.ok) return result;
  return { ok: true, scheme: result.scheme, bones: new Map([...result.bones].map(([b, i]) => [b, nodes[i]!])) };
}
