/** The root bone of rootMotion=root in a download's glTF document (GLB and FBX; BVH: prepareExport.withRootBone). */
import type { Document, Node } from '@gltf-transform/core';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { ROOT_BONE } from './prepareExport.ts';

/**
 * A root bone at the origin above the hips, animated with the travel; a skin joint, so DCC tools see a bone.
 * Its rest pose is turned so its bone axis (local +Y) points forward, not at the hips: Blender's FBX importer
 * connects a child whose head sits on its parent's tail, and a connected bone loses its translation — the
 * hips' bob and sway. The hips' rest and keys are rewritten in the turned root's frame, so nothing moves.
 */
export function insertRootBone(doc: Document, hips: Node, root: Float32Array, fps: number): void {
  const parent = hips.getParentNode();
  const turn = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), Math.PI / 2);
  const unturn = turn.clone().invert();
  const rootNode = doc.createNode(ROOT_BONE).setRotation(turn.toArray() as [number, number, number, number]);
  if (parent) {
    parent.removeChild(hips);
    parent.addChild(rootNode);
  } else {
    for (const sc of doc.getRoot().listScenes())
      if (sc.listChildren().includes(hips)) {
        sc.removeChild(hips);
        sc.addChild(rootNode);
      }
  }
  rootNode.addChild(hips);
  const v = new Vector3(),
    q = new Quaternion();
  hips.setTranslation(v.fromArray(hips.getTranslation()).applyQuaternion(unturn).toArray());
  hips.setRotation(q.fromArray(hips.getRotation()).premultiply(unturn).toArray() as [number, number, number, number]);
  for (const skin of doc.getRoot().listSkins()) {
    if (!skin.listJoints().includes(hips)) continue;
    const ibm = skin.getInverseBindMatrices();
    if (ibm) {
      const old = ibm.getArray() as Float32Array;
      const next = new Float32Array(old.length + 16);
      next.set(old);
      next.set(new Matrix4().makeRotationFromQuaternion(unturn).elements, old.length);
      ibm.setArray(next);
    }
    skin.addJoint(rootNode).setSkeleton(rootNode);
  }
  const anim = doc.getRoot().listAnimations()[0];
  if (!anim) return;
  for (const ch of anim.listChannels()) {
    if (ch.getTargetNode() !== hips) continue;
    const out = ch.getSampler()?.getOutput();
    const values = out?.getArray() as Float32Array | null;
    if (!out || !values) continue;
    const next = values.slice();
    if (ch.getTargetPath() === 'translation') {
      for (let i = 0; i < next.length; i += 3) v.fromArray(next, i).applyQuaternion(unturn).toArray(next, i);
    } else if (ch.getTargetPath() === 'rotation') {
      for (let i = 0; i < next.length; i += 4) q.fromArray(next, i).premultiply(unturn).toArray(next, i);
    }
    // The hips' accessors are their own (one per channel), so rewriting them touches nothing else.
    out.setArray(next);
  }
  const buffer = doc.getRoot().listBuffers()[0]!;
  const frames = root.length / 3;
  const times = new Float32Array(frames);
  for (let f = 0; f < frames; f++) times[f] = f / fps;
  const sampler = doc
    .createAnimationSampler()
    .setInput(doc.createAccessor().setType('SCALAR').setArray(times).setBuffer(buffer))
    .setOutput(doc.createAccessor().setType('VEC3').setArray(root.slice()).setBuffer(buffer))
    .setInterpolation('LINEAR');
  anim.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(rootNode).setTargetPath('translation').setSampler(sampler));
}
