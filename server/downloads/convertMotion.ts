/**
 * Turns a variant's motion into a download with its export options. Every skinned or armature format goes
 * through one glTF document — the mannequin (engine exportGlb), the armature alone, or the uploaded character
 * driven by the motion (retargetToGlb) — so GLB and FBX carry the same rig, names and keys:
 *   motion → options (prepareExport) → GLB document → root bone / names / keyframe reduction → GLB or FBX.
 * BVH is written from the prepared motion (a skeleton format: no skin, no key reduction: it has one key per frame).
 */
import { Logger, PropertyType, WebIO } from '@gltf-transform/core';
import type { Document, Node } from '@gltf-transform/core';
import { prune, resample } from '@gltf-transform/functions';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { exportBvh } from '../engine/index.ts';
import { glbDocument } from '../engine/io/glb.ts';
import type { Motion } from '../engine/index.ts';
import { retargetToGlb } from '../providers/local/retargetGlb.ts';
import { exportArmatureGlb } from './armatureGlb.ts';
import { ConversionRefused } from './conversionRefused.ts';
import { documentToFbx } from './documentToFbx.ts';
import { writeVrmAnimation } from './vrmAnimation.ts';
import type { ExportSpec } from './exportOptions.ts';
import { namedSkeleton, prepareExport, ROOT_BONE, unityNames, withRootBone } from './prepareExport.ts';

export { ConversionRefused } from './conversionRefused.ts';

export interface ConvertContext {
  clipName: string;
  /** The uploaded character this variant animates (its own GLB), or null for the mannequin. */
  character: Uint8Array | null;
}

const io = () => new WebIO().setLogger(new Logger(Logger.Verbosity.SILENT));

export async function convertMotion(source: Motion, s: ExportSpec, ctx: ConvertContext): Promise<Uint8Array> {
  const p = prepareExport(source, s);
  if (s.format === 'bvh') {
    if (s.reduce) throw new ConversionRefused('BVH stores one key per frame for every channel, so keyframe reduction does not apply; leave reduce out, or pick GLB or FBX.', 'reduce');
    if (p.root) {
      const r = withRootBone(p);
      return new TextEncoder().encode(exportBvh({ ...r.motion, skeleton: namedRoot(r.motion, s) }, { positions: new Map([[1, r.hipsPositions]]) }));
    }
    return new TextEncoder().encode(exportBvh({ ...p.motion, skeleton: namedSkeleton(p.motion.skeleton, s) }));
  }
  if (s.format === 'vrma') {
    if (p.root) throw new ConversionRefused('VRM Animation keeps the travel on the hips (its humanoid has no root bone); use rootMotion=hips or rootMotion=inPlace.', 'rootMotion');
    // The humanoid's motion only, whatever character the take is on: VRM characters play it by bone name.
    const doc = await io().readBinary(await exportArmatureGlb(p.motion, ctx.clipName));
    if (s.reduce > 0) await doc.transform(resample({ tolerance: s.reduce }));
    return writeVrmAnimation(doc, p.motion.skeleton.exportNames, p.motion.skeleton.names);
  }
  if (ctx.character && p.root) {
    throw new ConversionRefused('A root bone can be added to the mannequin and to imported clips; an uploaded character keeps its own skeleton. Use rootMotion=hips or rootMotion=inPlace.', 'rootMotion');
  }
  const m = p.motion;
  let doc: Document;
  if (ctx.character) doc = await io().readBinary(await retargetToGlb(ctx.character, m, ctx.clipName));
  // The mannequin's document directly: no GLB written only to be parsed again.
  else if (s.skin) doc = glbDocument(m, { animationName: ctx.clipName });
  else doc = await io().readBinary(await exportArmatureGlb(m, ctx.clipName));
  if (ctx.character && !s.skin) await stripMeshes(doc);
  if (!ctx.character) {
    const sk = m.skeleton;
    const hips = doc.getRoot().listNodes().find((n) => n.getName() === sk.exportNames[0]);
    if (!hips) throw new Error(`export: no ${sk.exportNames[0]} node in the document`);
    if (p.root) insertRootBone(doc, hips, p.root, m.fps);
    if (s.names === 'unity') {
      const to = new Map(sk.exportNames.map((n, j) => [n, unityNames(sk)[j]!]));
      for (const n of doc.getRoot().listNodes()) {
        const renamed = to.get(n.getName());
        if (renamed) n.setName(renamed);
      }
    }
  }
  if (s.reduce > 0) await doc.transform(resample({ tolerance: s.reduce }));
  if (s.format === 'glb') return io().writeBinary(doc);
  return documentToFbx(doc, { space: s.fbx, fps: m.fps });
}

function namedRoot(m: Motion, s: ExportSpec) {
  const sk = m.skeleton;
  if (s.names !== 'unity') return sk;
  const names = sk.names.map((n) => (n === ROOT_BONE ? n : n.charAt(0).toUpperCase() + n.slice(1)));
  return { ...sk, exportNames: names };
}

/**
 * A root bone at the origin above the hips, animated with the travel; a skin joint, so DCC tools see a bone.
 * Its rest pose is turned so its bone axis (local +Y) points forward, not at the hips: Blender's FBX importer
 * connects a child whose head sits on its parent's tail, and a connected bone loses its translation — the
 * hips' bob and sway. The hips' rest and keys are rewritten in the turned root's frame, so nothing moves.
 */
function insertRootBone(doc: Document, hips: Node, root: Float32Array, fps: number): void {
  const parent = hips.getParentNode();
  const turn = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), Math.PI / 2);
  const unturn = turn.clone().invert();
  const rootNode = doc.createNode(ROOT_BONE).setRotation(turn.toArray() as [number, number, number, number]);
  if (parent) {
    parent.removeChild(hips);
    parent.addChild(rootNode);
  } else {
    for (const sc of doc.getRoot().listScenes()) if (sc.listChildren().includes(hips)) { sc.removeChild(hips); sc.addChild(rootNode); }
  }
  rootNode.addChild(hips);
  const v = new Vector3(), q = new Quaternion();
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
  const sampler = doc.createAnimationSampler()
    .setInput(doc.createAccessor().setType('SCALAR').setArray(times).setBuffer(buffer))
    .setOutput(doc.createAccessor().setType('VEC3').setArray(root.slice()).setBuffer(buffer))
    .setInterpolation('LINEAR');
  anim.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(rootNode).setTargetPath('translation').setSampler(sampler));
}

/**
 * Armature only: meshes, materials and textures go; the joints, the skin (unreferenced, it still says which
 * nodes are bones, which Blender's glTF importer and the FBX writer need) and the animation stay.
 */
async function stripMeshes(doc: Document): Promise<void> {
  for (const n of doc.getRoot().listNodes()) {
    if (n.getMesh()) n.setMesh(null);
    if (n.getSkin()) n.setSkin(null);
  }
  await doc.transform(prune({ keepLeaves: true, propertyTypes: [PropertyType.MESH, PropertyType.PRIMITIVE, PropertyType.MATERIAL, PropertyType.TEXTURE, PropertyType.ACCESSOR] }));
}
