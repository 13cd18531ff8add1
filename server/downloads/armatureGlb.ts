/**
 * "Without skin" GLB: the armature and its animation, no mesh (Mixamo's "Without Skin", Meshy's "extract armature").
 * The engine's exportGlb always writes the mannequin, so this writes the same joint hierarchy (Mixamo-style names,
 * rest offsets, identity rest rotations) and the same channels, without the skin. Users retarget it in their DCC tool.
 */
import { Document, WebIO } from '@gltf-transform/core';
import type { Node } from '@gltf-transform/core';
import { restWorldPositions } from '../engine/index.ts';
import type { Motion } from '../engine/index.ts';

export async function exportArmatureGlb(motion: Motion, clipName = 'Motion'): Promise<Uint8Array> {
  const sk = motion.skeleton;
  const jc = sk.parents.length;
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Kinema downloads (armature only)';
  const buffer = doc.createBuffer();
  const nodes: Node[] = [];
  for (let j = 0; j < jc; j++) {
    const node = doc.createNode(sk.exportNames[j]!).setTranslation([sk.offsets[j * 3]!, sk.offsets[j * 3 + 1]!, sk.offsets[j * 3 + 2]!]);
    nodes.push(node);
    const p = sk.parents[j]!;
    if (p >= 0) nodes[p]!.addChild(node);
  }
  const scene = doc.createScene('Scene').addChild(doc.createNode('Armature').addChild(nodes[0]!));
  doc.getRoot().setDefaultScene(scene);
  // A skin no mesh uses: glTF allows it, and it is how importers (Blender's among them) tell bones from empties.
  const rest = restWorldPositions(sk);
  const ibm = new Float32Array(jc * 16);
  for (let j = 0; j < jc; j++) ibm.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -rest[j * 3]!, -rest[j * 3 + 1]!, -rest[j * 3 + 2]!, 1], j * 16);
  const skin = doc.createSkin('Armature').setSkeleton(nodes[0]!).setInverseBindMatrices(doc.createAccessor().setType('MAT4').setArray(ibm).setBuffer(buffer));
  nodes.forEach((n) => skin.addJoint(n));

  const times = new Float32Array(motion.frames);
  for (let f = 0; f < motion.frames; f++) times[f] = f / motion.fps;
  const input = doc.createAccessor().setType('SCALAR').setArray(times).setBuffer(buffer);
  const anim = doc.createAnimation(clipName);
  const track = (node: Node, path: 'translation' | 'rotation', values: Float32Array) => {
    const output = doc.createAccessor().setType(path === 'rotation' ? 'VEC4' : 'VEC3').setArray(values).setBuffer(buffer);
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
    anim.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
  };
  track(nodes[0]!, 'translation', motion.rootPos.slice());
  for (let j = 0; j < jc; j++) track(nodes[j]!, 'rotation', continuousQuaternions(motion, j));
  return new WebIO().writeBinary(doc);
}

/**
 * One joint's rotations over time, unit length and sign-continuous: q and −q are the same rotation, but LINEAR
 * interpolation between keys of opposite sign would swing the long way round.
 */
export function continuousQuaternions(motion: Motion, joint: number): Float32Array {
  const jc = motion.skeleton.parents.length;
  const v = new Float32Array(motion.frames * 4);
  for (let f = 0; f < motion.frames; f++) {
    const o = (f * jc + joint) * 4;
    let x = motion.rot[o]!, y = motion.rot[o + 1]!, z = motion.rot[o + 2]!, w = motion.rot[o + 3]!;
    const l = Math.hypot(x, y, z, w) || 1;
    x /= l; y /= l; z /= l; w /= l;
    if (f > 0 && x * v[f * 4 - 4]! + y * v[f * 4 - 3]! + z * v[f * 4 - 2]! + w * v[f * 4 - 1]! < 0) {
      x = -x; y = -y; z = -z; w = -w;
    }
    v.set([x, y, z, w], f * 4);
  }
  return v;
}
