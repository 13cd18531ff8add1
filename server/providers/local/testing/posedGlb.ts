/**
 * Reading a retargeted GLB back in tests: its animation applied frame by frame to its own nodes, and the
 * inverse transfer of that animation to a canonical motion (to check that canonical → character →
 * canonical round-trips).
 */
import { WebIO, type Node } from '@gltf-transform/core';
import { Quaternion, Vector3 } from 'three';
import type { Motion } from '../../../engine/index.ts';
import { motionFromRig, planRetarget } from '../retargetPlan.ts';
import { decompose, rigFromDocument } from '../retargetRig.ts';

/** A GLB's animation applied frame by frame to its own nodes (gltf-transform, no interpolation needed). */
export async function posed(bytes: Uint8Array) {
  const doc = await new WebIO().readBinary(bytes);
  const anim = doc.getRoot().listAnimations()[0]!;
  const byName = new Map(
    doc
      .getRoot()
      .listNodes()
      .map((n) => [n.getName(), n]),
  );
  const channels = anim.listChannels().map((ch) => ({ node: ch.getTargetNode()!, path: ch.getTargetPath(), values: ch.getSampler()!.getOutput()!.getArray()! }));
  return {
    doc,
    frames: anim.listSamplers()[0]!.getInput()!.getCount(),
    at(f: number) {
      for (const c of channels) {
        const size = c.path === 'rotation' ? 4 : 3;
        const v = Array.from(c.values.slice(f * size, f * size + size));
        if (size === 4) c.node.setRotation(v as [number, number, number, number]);
        else c.node.setTranslation(v as [number, number, number]);
      }
    },
    world(name: string): Vector3 {
      return new Vector3(...byName.get(name)!.getWorldTranslation());
    },
    node(name: string): Node {
      return byName.get(name)!;
    },
  };
}

/** The canonical motion a retargeted GLB's animation stands for (the inverse transfer, measured on the GLB itself). */
export async function recoverCanonical(glb: Uint8Array, frames: number, fps: number): Promise<Motion> {
  const doc = await new WebIO().readBinary(glb);
  const { rig: back, order } = rigFromDocument(doc, null);
  const plan = planRetarget(back, 1);
  const nodes = doc.getRoot().listNodes();
  const tracks = new Map<Node, { path: string; values: ArrayLike<number> }[]>();
  for (const ch of doc.getRoot().listAnimations()[0]!.listChannels()) {
    const list = tracks.get(ch.getTargetNode()!) ?? [];
    list.push({ path: ch.getTargetPath()!, values: ch.getSampler()!.getOutput()!.getArray()! });
    tracks.set(ch.getTargetNode()!, list);
  }
  const restQ = back.restLocal.map((mtx) => decompose(mtx).q);
  const hipsParent = back.restWorld[back.parents[plan.hips]!]!;
  return motionFromRig(
    plan,
    frames,
    fps,
    (f, j, q) => {
      const rot = tracks.get(nodes[order[j]!]!)?.find((t) => t.path === 'rotation');
      if (rot) q.fromArray(Array.from(rot.values).slice(f * 4, f * 4 + 4));
      else q.copy(restQ[j]!);
    },
    (f, v) => {
      const t = tracks.get(nodes[order[plan.hips]!]!)!.find((x) => x.path === 'translation')!;
      v.fromArray(Array.from(t.values).slice(f * 3, f * 3 + 3)).applyMatrix4(hipsParent);
    },
  );
}

/** Angle between two rotations, from the relative rotation's axis part (acos of a dot product is ill-conditioned near 0). */
export function angle(a: Quaternion, b: Quaternion): number {
  const d = a.clone().normalize().invert().multiply(b.clone().normalize());
  return 2 * Math.atan2(Math.hypot(d.x, d.y, d.z), Math.abs(d.w));
}
