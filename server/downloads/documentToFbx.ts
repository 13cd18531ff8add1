/**
 * FBX from a glTF document (@gltf-transform/core): the download's GLB, with everything it holds — the
 * character's meshes, skin weights, materials and embedded textures, or just the armature — rebuilt as a
 * three scene for @comfyorg/fbx-exporter-three. Going through the GLB means every format of a download
 * carries the same rig, names and keys (reduced or not), and an uploaded character's FBX has its real mesh.
 *
 * Written by hand rather than with three's GLTFLoader because that loader needs a browser to decode
 * textures; here they are decoded into DataTextures the exporter can embed (decodeTexture.ts).
 *
 * Units and axes ("fix at the right depth"): the data stay in the glTF's metres and Y-up, and GlobalSettings
 * says so — UnitScaleFactor 100 (one unit is 100 cm) — which Blender, Maya, Unreal and Unity all honour.
 * The exporter's 'threejs' preset wrote UnitScaleFactor 1 (centimetres) over metre values, so Blender
 * imported a 1.7 cm character. For Z-up centimetres (Unreal), the scene goes under one node turning it Z-up,
 * every length is multiplied by 100 and the file declares Z-up, UnitScaleFactor 1.
 */
import type { Accessor, Document, Material, Node, Primitive, Texture } from '@gltf-transform/core';
import { FBXExporter } from '@comfyorg/fbx-exporter-three';
import {
  AnimationClip,
  Bone,
  BufferAttribute,
  BufferGeometry,
  Group,
  KeyframeTrack,
  Matrix4,
  Mesh,
  MeshStandardMaterial,
  Object3D,
  PropertyBinding,
  QuaternionKeyframeTrack,
  Scene,
  Skeleton,
  SkinnedMesh,
  Texture as ThreeTexture,
  VectorKeyframeTrack,
} from 'three';
import { decodeTexture } from './decodeTexture.ts';
import { rawFbxArrays } from './fbxRawArrays.ts';
import type { FbxSpace } from './exportOptions.ts';
import { turnZUp } from './turnZUp.ts';

/** Float values of an accessor, with normalized integer data (weights, UVs) mapped to 0…1 / −1…1. */
function floats(a: Accessor): Float32Array {
  const arr = a.getArray();
  if (!arr) return new Float32Array(0);
  if (arr instanceof Float32Array) return arr;
  const out = new Float32Array(arr.length);
  if (!a.getNormalized()) {
    for (let i = 0; i < arr.length; i++) out[i] = arr[i]!;
    return out;
  }
  const max = arr instanceof Uint8Array ? 255 : arr instanceof Uint16Array ? 65535 : arr instanceof Int8Array ? 127 : arr instanceof Int16Array ? 32767 : 1;
  for (let i = 0; i < arr.length; i++) out[i] = Math.max(-1, arr[i]! / max);
  return out;
}

function toMaterial(m: Material | null, textures: Map<Texture, ThreeTexture | null>): MeshStandardMaterial {
  const mat = new MeshStandardMaterial();
  if (!m) return mat;
  mat.name = m.getName() || 'Material';
  const [r, g, b, a] = m.getBaseColorFactor();
  mat.color.setRGB(r, g, b);
  mat.opacity = a;
  mat.transparent = m.getAlphaMode() === 'BLEND';
  mat.roughness = m.getRoughnessFactor();
  mat.metalness = m.getMetallicFactor();
  const base = m.getBaseColorTexture();
  if (base) {
    if (!textures.has(base)) textures.set(base, decodeTexture(base));
    mat.map = textures.get(base) ?? null;
  }
  const normal = m.getNormalTexture();
  if (normal) {
    if (!textures.has(normal)) textures.set(normal, decodeTexture(normal));
    mat.normalMap = textures.get(normal) ?? null;
  }
  return mat;
}

function toGeometry(p: Primitive, scale: number): BufferGeometry {
  const geo = new BufferGeometry();
  const pos = p.getAttribute('POSITION');
  if (pos) {
    const v = floats(pos).slice();
    if (scale !== 1) for (let i = 0; i < v.length; i++) v[i] = v[i]! * scale;
    geo.setAttribute('position', new BufferAttribute(v, 3));
  }
  const nrm = p.getAttribute('NORMAL');
  if (nrm) geo.setAttribute('normal', new BufferAttribute(floats(nrm), 3));
  const uv = p.getAttribute('TEXCOORD_0');
  if (uv) {
    // glTF puts the UV origin at the image's top left, FBX at its bottom left.
    const v = floats(uv).slice();
    for (let i = 1; i < v.length; i += 2) v[i] = 1 - v[i]!;
    geo.setAttribute('uv', new BufferAttribute(v, 2));
  }
  const joints = p.getAttribute('JOINTS_0');
  const weights = p.getAttribute('WEIGHTS_0');
  if (joints && weights) {
    geo.setAttribute('skinIndex', new BufferAttribute(Uint16Array.from(joints.getArray() ?? []), 4));
    geo.setAttribute('skinWeight', new BufferAttribute(floats(weights), 4));
  }
  const idx = p.getIndices();
  if (idx) geo.setIndex(new BufferAttribute(Uint32Array.from(idx.getArray() ?? []), 1));
  return geo;
}

/** Object names unique and safe for three's track-name parsing (the exporter finds animated nodes by name). */
function uniqueNamer(): (raw: string) => string {
  const seen = new Map<string, number>();
  return (raw) => {
    const base = PropertyBinding.sanitizeNodeName(raw).replace(/[^A-Za-z0-9_:-]/g, '_') || 'node';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  };
}

/**
 * The exporter derives every FBX object id from three's uuids, which are random: ids from the scene's structure
 * instead make the same download the same bytes, so instances sharing a cache (and a resumed range request served
 * by another instance) agree on its content and ETag.
 */
function stableIds(scene: Scene, clips: AnimationClip[]): void {
  let n = 0;
  const next = () => `kinema-${(n++).toString(16).padStart(8, '0')}`;
  scene.traverse((o) => {
    o.uuid = next();
    const mesh = o as Partial<Mesh>;
    if (mesh.geometry) (mesh.geometry as { uuid: string }).uuid = next();
    const mat = mesh.material as MeshStandardMaterial | undefined;
    if (mat?.uuid !== undefined && !mat.uuid.startsWith('kinema-')) {
      (mat as { uuid: string }).uuid = next();
      for (const tex of [mat.map, mat.normalMap]) if (tex && !tex.uuid.startsWith('kinema-')) (tex as { uuid: string }).uuid = next();
    }
  });
  for (const c of clips) (c as { uuid: string }).uuid = next();
}

export interface DocumentFbxOptions {
  space: FbxSpace;
  fps: number;
}

export function documentToFbx(doc: Document, opts: DocumentFbxOptions): Uint8Array {
  const root = doc.getRoot();
  const scale = opts.space.unit === 'cm' ? 100 : 1;
  // Bones: skin joints, animated nodes without a mesh (an armature-only file has no skin to say which are
  // joints) and everything below a bone; the rest are null nodes (groups).
  const jointNodes = new Set<Node>(root.listSkins().flatMap((s) => s.listJoints()));
  for (const a of root.listAnimations())
    for (const ch of a.listChannels()) {
      const n = ch.getTargetNode();
      if (n && !n.getMesh()) jointNodes.add(n);
    }
  const markBelow = (n: Node, under: boolean): void => {
    const bone = under || jointNodes.has(n);
    if (bone && !n.getMesh()) jointNodes.add(n);
    for (const c of n.listChildren()) markBelow(c, bone);
  };
  for (const sc of root.listScenes()) for (const n of sc.listChildren()) markBelow(n, false);
  const objects = new Map<Node, Object3D>();
  const name = uniqueNamer();
  const textures = new Map<Texture, ThreeTexture | null>();
  const skinned: Array<{ node: Node; meshes: SkinnedMesh[] }> = [];

  const build = (node: Node): Object3D => {
    const obj: Object3D = jointNodes.has(node) ? new Bone() : new Group();
    obj.name = name(node.getName() || 'node');
    const [tx, ty, tz] = node.getTranslation();
    obj.position.set(tx * scale, ty * scale, tz * scale);
    obj.quaternion.fromArray(node.getRotation());
    obj.scale.fromArray(node.getScale());
    objects.set(node, obj);
    const mesh = node.getMesh();
    if (mesh) {
      const skin = node.getSkin();
      const made: SkinnedMesh[] = [];
      for (const p of mesh.listPrimitives()) {
        if (p.getMode() !== 4) continue; // triangles only: points and lines have no place in a character FBX
        const geo = toGeometry(p, scale);
        const mat = toMaterial(p.getMaterial(), textures);
        const m = skin && geo.getAttribute('skinIndex') ? new SkinnedMesh(geo, mat) : new Mesh(geo, mat);
        m.name = name(mesh.getName() || node.getName() || 'Mesh');
        obj.add(m);
        if (m instanceof SkinnedMesh) made.push(m);
      }
      if (made.length) skinned.push({ node, meshes: made });
    }
    for (const c of node.listChildren()) obj.add(build(c));
    return obj;
  };

  if (opts.space.up === 'Z') turnZUp(doc);
  const top = new Group();
  top.name = 'Scene';
  const scene = new Scene();
  scene.add(top);
  const gltfScene = root.getDefaultScene() ?? root.listScenes()[0];
  for (const n of gltfScene?.listChildren() ?? []) top.add(build(n));
  scene.updateMatrixWorld(true);

  // Bind like three's GLTFLoader; the top group is the identity (a Z-up file has its axes in the data).
  for (const { node, meshes } of skinned) {
    const skin = node.getSkin()!;
    const joints = skin.listJoints();
    const ibm = skin.getInverseBindMatrices();
    const ibmArr = ibm ? floats(ibm) : null;
    const bones = joints.map((j) => objects.get(j) as Bone);
    const inverses = joints.map((_, i) => {
      const m = ibmArr ? new Matrix4().fromArray(ibmArr, i * 16) : new Matrix4();
      if (scale !== 1) {
        m.elements[12] *= scale;
        m.elements[13] *= scale;
        m.elements[14] *= scale;
      }
      return m;
    });
    for (const m of meshes) m.bind(new Skeleton(bones, inverses), m.matrixWorld);
  }

  const clips = root.listAnimations().map((anim) => {
    const tracks: KeyframeTrack[] = [];
    let duration = 0;
    for (const ch of anim.listChannels()) {
      const target = ch.getTargetNode();
      const sampler = ch.getSampler();
      const obj = target ? objects.get(target) : undefined;
      const input = sampler?.getInput();
      const output = sampler?.getOutput();
      if (!obj || !input || !output) continue;
      const times = floats(input);
      let values = floats(output);
      const width = values.length / times.length;
      if (sampler!.getInterpolation() === 'CUBICSPLINE') {
        // Keep the values, drop the tangents: FBX curves here are linear.
        const k = width / 3;
        const v = new Float32Array(times.length * k);
        for (let i = 0; i < times.length; i++) v.set(values.subarray(i * width + k, i * width + 2 * k), i * k);
        values = v;
      }
      duration = Math.max(duration, times[times.length - 1] ?? 0);
      const path = ch.getTargetPath();
      if (path === 'translation') {
        const v = scale === 1 ? values : values.map((x) => x * scale);
        tracks.push(new VectorKeyframeTrack(`${obj.name}.position`, times, v));
      } else if (path === 'rotation') {
        tracks.push(new QuaternionKeyframeTrack(`${obj.name}.quaternion`, times, values));
      } else if (path === 'scale') {
        tracks.push(new VectorKeyframeTrack(`${obj.name}.scale`, times, values));
      }
      // Morph-target weights are not carried: the engine never animates them.
    }
    return new AnimationClip(anim.getName() || 'Motion', duration, tracks);
  });

  stableIds(scene, clips);
  rawFbxArrays();
  return new FBXExporter().parseSync(scene, {
    axisUp: opts.space.up,
    // The pairs Blender's own exporter writes for these systems (its defaults are Y up, −Z forward): with them
    // every importer turns the file so the character faces the viewer (−Y in Blender) as the GLB does.
    axisForward: opts.space.up === 'Z' ? 'Y' : '-Z',
    unitScale: opts.space.unit === 'cm' ? 1 : 100,
    fps: opts.fps,
    animations: clips,
    embedTextures: true,
  });
}
