/**
 * GLB export with @gltf-transform/core: a skinned procedural mannequin on the canonical skeleton
 * (exported with Mixamo-style bone names) and exactly one animation: hips translation plus a
 * rotation track for every joint. Rest rotations are identity, so inverse bind matrices are pure
 * translations and the animation values are the motion's local rotations as-is.
 */
import { Document, WebIO } from '@gltf-transform/core';
import type { Node } from '@gltf-transform/core';
import type { Motion } from '../core/motion.ts';
import { restWorldPositions } from '../core/skeleton.ts';
import { buildMannequin } from './mannequin.ts';

export interface GlbOptions { animationName?: string }

export async function exportGlb(motion: Motion, opts: GlbOptions = {}): Promise<Uint8Array> {
  return new WebIO().writeBinary(glbDocument(motion, opts));
}

/** The GLB as a glTF document, for callers that transform it further (downloads with export options). */
export function glbDocument(motion: Motion, opts: GlbOptions = {}): Document {
  const sk = motion.skeleton;
  const jc = sk.parents.length;
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Kinema local motion engine';
  const buffer = doc.createBuffer();
  const scene = doc.createScene('Scene');
  const nodes: Node[] = [];
  for (let j = 0; j < jc; j++) {
    const node = doc.createNode(sk.exportNames[j]!).setTranslation([sk.offsets[j * 3]!, sk.offsets[j * 3 + 1]!, sk.offsets[j * 3 + 2]!]);
    nodes.push(node);
    const p = sk.parents[j]!;
    if (p >= 0) nodes[p]!.addChild(node);
  }
  const armature = doc.createNode('Armature').addChild(nodes[0]!);
  scene.addChild(armature);

  const mesh = buildMannequin(sk);
  const acc = (type: 'SCALAR' | 'VEC3' | 'VEC4' | 'MAT4', arr: Float32Array | Uint16Array) => doc.createAccessor().setType(type).setArray(arr).setBuffer(buffer);
  const material = doc.createMaterial('Mannequin').setBaseColorFactor([0.72, 0.74, 0.78, 1]).setRoughnessFactor(0.6).setMetallicFactor(0);
  const prim = doc.createPrimitive()
    .setAttribute('POSITION', acc('VEC3', mesh.positions))
    .setAttribute('NORMAL', acc('VEC3', mesh.normals))
    .setAttribute('JOINTS_0', acc('VEC4', mesh.joints))
    .setAttribute('WEIGHTS_0', acc('VEC4', mesh.weights))
    .setIndices(acc('SCALAR', mesh.indices))
    .setMaterial(material);
  const rest = restWorldPositions(sk);
  const ibm = new Float32Array(jc * 16);
  for (let j = 0; j < jc; j++) {
    // Column-major inverse of a pure translation.
    ibm.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -rest[j * 3]!, -rest[j * 3 + 1]!, -rest[j * 3 + 2]!, 1], j * 16);
  }
  const skin = doc.createSkin('MannequinSkin').setSkeleton(nodes[0]!).setInverseBindMatrices(acc('MAT4', ibm));
  nodes.forEach((n) => skin.addJoint(n));
  const meshNode = doc.createNode('Mannequin').setMesh(doc.createMesh('Mannequin').addPrimitive(prim)).setSkin(skin);
  scene.addChild(meshNode);

  const times = new Float32Array(motion.frames);
  for (let f = 0; f < motion.frames; f++) times[f] = f / motion.fps;
  const input = acc('SCALAR', times);
  const anim = doc.createAnimation(opts.animationName ?? 'Motion');
  const addTrack = (node: Node, path: 'translation' | 'rotation', values: Float32Array, type: 'VEC3' | 'VEC4'): void => {
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(acc(type, values)).setInterpolation('LINEAR');
    anim.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
  };
  addTrack(nodes[0]!, 'translation', motion.rootPos.slice(), 'VEC3');
  for (let j = 0; j < jc; j++) {
    const v = new Float32Array(motion.frames * 4);
    for (let f = 0; f < motion.frames; f++) {
      const o = (f * jc + j) * 4;
      // Re-normalise after float32 storage and keep consecutive keys in one hemisphere so LINEAR/slerp never takes the long way.
      let x = motion.rot[o]!, y = motion.rot[o + 1]!, z = motion.rot[o + 2]!, w = motion.rot[o + 3]!;
      const l = Math.hypot(x, y, z, w) || 1;
      x /= l; y /= l; z /= l; w /= l;
      if (f > 0 && x * v[f * 4 - 4]! + y * v[f * 4 - 3]! + z * v[f * 4 - 2]! + w * v[f * 4 - 1]! < 0) { x = -x; y = -y; z = -z; w = -w; }
      v[f * 4] = x; v[f * 4 + 1] = y; v[f * 4 + 2] = z; v[f * 4 + 3] = w;
    }
    addTrack(nodes[j]!, 'rotation', v, 'VEC4');
  }
  doc.getRoot().setDefaultScene(scene);
  return doc;
}
