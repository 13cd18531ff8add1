/**
 * Turns a variant's motion into a download with its export options. Every skinned or armature format goes
 * through one glTF document — the mannequin (engine exportGlb), the armature alone, or the uploaded character
 * driven by the motion (retargetToGlb) — so GLB and FBX carry the same rig, names and keys:
 *   motion → options (prepareExport) → GLB document → root bone / names / keyframe reduction → GLB or FBX.
 * BVH is written from the prepared motion (a skeleton format: no skin, no key reduction: it has one key per frame).
 */
import { Logger, PropertyType, WebIO } from '@gltf-transform/core';
import type { Document } from '@gltf-transform/core';
import { prune, resample } from '@gltf-transform/functions';
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
import { insertRootBone } from './rootBone.ts';

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
    if (s.reduce)
      throw new ConversionRefused('BVH stores one key per frame for every channel, so keyframe reduction does not apply; leave reduce out, or pick GLB or FBX.', 'reduce');
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
    throw new ConversionRefused(
      'A root bone can be added to the mannequin and to imported clips; an uploaded character keeps its own skeleton. Use rootMotion=hips or rootMotion=inPlace.',
      'rootMotion',
    );
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
    const hips = doc
      .getRoot()
      .listNodes()
      .find((n) => n.getName() === sk.exportNames[0]);
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
