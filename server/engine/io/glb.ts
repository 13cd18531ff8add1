/**
 * GLB export with @gltf-transform/core: a skinned procedural mannequin on the canonical skeleton
 * (exported with Mixamo-style bone names) and exactly one animation: hips translation plus a
 * rotation track for every joint. Rest rotations are identity, so inverse bind matrices are pure
 * translations and the animation values are the motion's local rotations as-is.
 */
import { Document, WebIO } from '@gltf-transform/core';
import type { Buffer, Node, Scene, Skin } from '@gltf-transform/core';
import type { Motion } from '../core/motion.ts';
import { qContinuousTrack } from '../core/quat.ts';
import { restWorldPositions, type Skeleton } from '../core/skeleton.ts';
import { buildMannequin } from './mannequin.ts';

export interface GlbOptions {
  animationName?: string;
}

export async function exportGlb(motion: Motion, opts: GlbOptions = {}): Promise<Uint8Array> {
  return new WebIO().writeBinary(glbDocument(motion, opts));
}

/** The GLB as a glTF document, for callers that transform it further (downloads with export options). */
export function glbDocument(motion: Motion, opts: GlbOptions = {}): Document {
  const sk = motion.skeleton;
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Kinema local motion engine';
  const buffer = doc.createBuffer();
  const { scene, nodes } = addJoints(doc, sk);

  const mesh = buildMannequin(sk);
  const acc = (type: 'SCALAR' | 'VEC3' | 'VEC4', arr: Float32Array | Uint16Array) => doc.createAccessor().setType(type).setArray(arr).setBuffer(buffer);
  const material = doc.createMaterial('Mannequin').setBaseColorFactor([0.72, 0.74, 0.78, 1]).setRoughnessFactor(0.6).setMetallicFactor(0);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', acc('VEC3', mesh.positions))
    .setAttribute('NORMAL', acc('VEC3', mesh.normals))
    .setAttribute('JOINTS_0', acc('VEC4', mesh.joints))
    .setAttribute('WEIGHTS_0', acc('VEC4', mesh.weights))
    .setIndices(acc('SCALAR', mesh.indices))
    .setMaterial(material);
  const skin = addSkin(doc, buffer, sk, nodes, 'MannequinSkin');
  const meshNode = doc.createNode('Mannequin').setMesh(doc.createMesh('Mannequin').addPrimitive(prim)).setSkin(skin);
  scene.addChild(meshNode);
  addAnimation(doc, buffer, nodes, motion, opts.animationName ?? 'Motion');
  doc.getRoot().setDefaultScene(scene);
  return doc;
}

/**
 * The armature and its animation without a mesh (Mixamo's "Without Skin", Meshy's "extract armature"): the
 * same joint hierarchy and channels as glbDocument, for users who retarget it in their DCC tool.
 */
export function armatureDocument(motion: Motion, opts: GlbOptions & { generator: string }): Document {
  const doc = new Document();
  doc.getRoot().getAsset().generator = opts.generator;
  const buffer = doc.createBuffer();
  const { scene, nodes } = addJoints(doc, motion.skeleton);
  doc.getRoot().setDefaultScene(scene);
  // A skin no mesh uses: glTF allows it, and it is how importers (Blender's among them) tell bones from empties.
  addSkin(doc, buffer, motion.skeleton, nodes, 'Armature');
  addAnimation(doc, buffer, nodes, motion, opts.animationName ?? 'Motion');
  return doc;
}

/** One node per joint (Mixamo-style names, rest offsets, identity rest rotations) under `Armature`, in a new scene. */
function addJoints(doc: Document, sk: Skeleton): { scene: Scene; nodes: Node[] } {
  const nodes: Node[] = [];
  for (let j = 0; j < sk.parents.length; j++) {
    const node = doc.createNode(sk.exportNames[j]!).setTranslation([sk.offsets[j * 3]!, sk.offsets[j * 3 + 1]!, sk.offsets[j * 3 + 2]!]);
    nodes.push(node);
    const p = sk.parents[j]!;
    if (p >= 0) nodes[p]!.addChild(node);
  }
  const armature = doc.createNode('Armature').addChild(nodes[0]!);
  const scene = doc.createScene('Scene').addChild(armature);
  return { scene, nodes };
}

/** A skin over the joints; rest rotations are identity, so inverse bind matrices are pure translations. */
function addSkin(doc: Document, buffer: Buffer, sk: Skeleton, nodes: Node[], name: string): Skin {
  const rest = restWorldPositions(sk);
  const ibm = new Float32Array(nodes.length * 16);
  for (let j = 0; j < nodes.length; j++) {
    // Column-major inverse of a pure translation.
    ibm.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -rest[j * 3]!, -rest[j * 3 + 1]!, -rest[j * 3 + 2]!, 1], j * 16);
  }
  const skin = doc.createSkin(name).setSkeleton(nodes[0]!).setInverseBindMatrices(doc.createAccessor().setType('MAT4').setArray(ibm).setBuffer(buffer));
  nodes.forEach((n) => skin.addJoint(n));
  return skin;
}

/** Exactly one animation: hips translation plus a rotation track for every joint. */
function addAnimation(doc: Document, buffer: Buffer, nodes: Node[], motion: Motion, name: string): void {
  const jc = nodes.length;
  const acc = (type: 'SCALAR' | 'VEC3' | 'VEC4', arr: Float32Array) => doc.createAccessor().setType(type).setArray(arr).setBuffer(buffer);
  const times = new Float32Array(motion.frames);
  for (let f = 0; f < motion.frames; f++) times[f] = f / motion.fps;
  const input = acc('SCALAR', times);
  const anim = doc.createAnimation(name);
  const addTrack = (node: Node, path: 'translation' | 'rotation', values: Float32Array, type: 'VEC3' | 'VEC4'): void => {
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(acc(type, values)).setInterpolation('LINEAR');
    anim.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(node).setTargetPath(path).setSampler(sampler));
  };
  addTrack(nodes[0]!, 'translation', motion.rootPos.slice(), 'VEC3');
  // Unit length and sign-continuous, so LINEAR/slerp never takes the long way.
  for (let j = 0; j < jc; j++) addTrack(nodes[j]!, 'rotation', qContinuousTrack(motion.rot, motion.frames, jc, j), 'VEC4');
}
