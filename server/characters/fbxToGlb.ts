/**
 * FBX characters (binary or ASCII) as GLB, so everything downstream (retargeting, the viewer, the
 * downloads) handles one format. three's FBXLoader parses FBX in Node; what it cannot do there is
 * load textures (its TextureLoader needs a DOM), so a stand-in loader records each texture's source
 * (embedded files arrive as blob: or data: URLs) and the original PNG/JPEG bytes are embedded in the
 * GLB unchanged. The GLB is written with @gltf-transform/core from the loaded scene:
 *
 * - skinned meshes are baked in world space at the rest pose, exactly as three would draw them
 *   (FBXLoader binds with TransformLink inverses that need not match the scene's own transforms),
 *   with inverse bind matrices taken from the bones' rest world matrices, which is always
 *   consistent in glTF;
 * - UVs are flipped to glTF's top-left origin; Phong/Lambert materials become metal-free PBR with
 *   the same base colour, texture and opacity;
 * - units and axes stay as the file has them (FBX units are a file setting); retargeting measures
 *   the skeleton and normalises both (retargetPlan.ts).
 */
import { Buffer, resolveObjectURL } from 'node:buffer';
import {
  Document,
  WebIO,
  type Material as GltfMaterial,
  type Mesh as GltfMesh,
  type Node as GltfNode,
  type Scene,
  type Skin,
  type Texture as GltfTexture,
} from '@gltf-transform/core';
import { DoubleSide, LoadingManager, Matrix3, Matrix4, Texture, Vector3, Vector4, type BufferGeometry, type Material, type Mesh, type Object3D, type SkinnedMesh } from 'three';
import { FBXLoader } from 'three/examples/jsm/loaders/FBXLoader.js';

/** Stands in for TextureLoader: no image decoding, only the source URL for later embedding. */
class TextureSourceLoader {
  path = '';
  readonly sources = new Map<Texture, string>();
  setPath(p: string | undefined): this {
    this.path = p ?? '';
    return this;
  }
  load(url: string): Texture {
    const tex = new Texture();
    this.sources.set(tex, url);
    return tex;
  }
}

export interface LoadedFbx {
  root: Object3D;
  /** Where each texture's image came from (blob:, data: or a file name). */
  textureSources: Map<Texture, string>;
}

export function loadFbx(bytes: Uint8Array): LoadedFbx {
  const sources = new TextureSourceLoader();
  const manager = new LoadingManager();
  // FBXLoader asks the manager for a loader per image extension before falling back to TextureLoader.
  manager.addHandler(/.*/, sources as unknown as import('three').Loader);
  const loader = new FBXLoader(manager);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // FBXLoader sizes cameras from window.innerWidth/innerHeight when a file gives no aspect, and Node has
  // no window. Parsing is synchronous, so the stand-in exists only while it runs.
  const g = globalThis as { window?: unknown };
  const standIn = !('window' in g);
  if (standIn) g.window = { innerWidth: 1, innerHeight: 1 };
  let root: Object3D;
  try {
    root = loader.parse(buffer, '');
  } finally {
    if (standIn) delete g.window;
  }
  root.updateMatrixWorld(true);
  return { root, textureSources: sources.sources };
}

async function imageBytes(url: string): Promise<{ data: Uint8Array; mime: 'image/png' | 'image/jpeg' } | null> {
  let data: Uint8Array | null = null;
  if (url.startsWith('data:')) {
    const comma = url.indexOf(',');
    data = new Uint8Array(Buffer.from(url.slice(comma + 1), 'base64'));
  } else if (url.startsWith('blob:')) {
    const blob = resolveObjectURL(url);
    if (blob) data = new Uint8Array(await blob.arrayBuffer());
  }
  // External texture files are not part of the upload: the material keeps its colour only.
  if (!data || data.byteLength < 4) return null;
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return { data, mime: 'image/png' };
  if (data[0] === 0xff && data[1] === 0xd8) return { data, mime: 'image/jpeg' };
  return null;
}

/** The three objects that become glTF nodes: everything but cameras and lights. */
function keep(o: Object3D): boolean {
  return !(o as { isCamera?: boolean }).isCamera && !(o as { isLight?: boolean }).isLight;
}

type Accessor = ReturnType<Document['createAccessor']>;
type MeshStream = [name: string, data: Float32Array | Uint16Array, size: number];

export async function fbxToGlb(bytes: Uint8Array): Promise<Uint8Array> {
  const { root, textureSources } = loadFbx(bytes);
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Kinema (FBX character converted with three FBXLoader)';
  const buffer = doc.createBuffer();
  const scene = doc.createScene('Scene');
  doc.getRoot().setDefaultScene(scene);
  const nodeOf = copyNodes(doc, scene, root);
  const materialOf = materialConverter(doc, textureSources);
  const acc = (type: 'SCALAR' | 'VEC2' | 'VEC3' | 'VEC4' | 'MAT4', arr: Float32Array | Uint16Array | Uint32Array): Accessor =>
    doc.createAccessor().setType(type).setArray(arr).setBuffer(buffer);

  const meshes: Mesh[] = [];
  root.traverse((o) => {
    if ((o as Mesh).isMesh) meshes.push(o as Mesh);
  });
  for (const mesh of meshes) {
    const geo = mesh.geometry as BufferGeometry;
    const skinned = (mesh as SkinnedMesh).isSkinnedMesh ? (mesh as SkinnedMesh) : null;
    const count = geo.attributes.position!.count;
    const { pos, nor } = skinned ? bakeSkinned(skinned, geo, count) : restPositions(geo, count);
    const skin = skinned ? skinStreams(geo, count) : null;
    const streams: Array<[string, Float32Array | Uint16Array | null, number]> = [
      ['POSITION', pos, 3],
      ['NORMAL', nor, 3],
      ['TEXCOORD_0', flippedUvs(geo, count), 2],
      ['JOINTS_0', skin?.joints ?? null, 4],
      ['WEIGHTS_0', skin?.weights ?? null, 4],
    ];
    const { remap, attributes } = weldVertices(
      streams.filter((x): x is MeshStream => x[1] !== null),
      count,
      acc,
    );
    const gMesh = doc.createMesh(mesh.name || 'mesh');
    await addPrimitives(doc, gMesh, mesh, geo, count, remap, attributes, acc, materialOf);
    if (gMesh.listPrimitives().length === 0) continue;
    if (skinned) {
      // Baked in world space, so the mesh node sits at the scene root with no transform of its own.
      scene.addChild(
        doc
          .createNode(mesh.name || 'mesh')
          .setMesh(gMesh)
          .setSkin(restSkin(doc, skinned, nodeOf, acc)),
      );
    } else {
      nodeOf.get(mesh)!.setMesh(gMesh);
    }
  }
  return new WebIO().writeBinary(doc);
}

/** Every kept object as a glTF node with its local transform, in the same hierarchy. */
function copyNodes(doc: Document, scene: Scene, root: Object3D): Map<Object3D, GltfNode> {
  const nodeOf = new Map<Object3D, GltfNode>();
  const visit = (o: Object3D, parent: GltfNode | null) => {
    if (!keep(o)) return;
    const n = doc
      .createNode(o.name || o.type)
      .setTranslation(o.position.toArray() as [number, number, number])
      .setRotation(o.quaternion.toArray() as [number, number, number, number])
      .setScale(o.scale.toArray() as [number, number, number]);
    nodeOf.set(o, n);
    if (parent) parent.addChild(n);
    else scene.addChild(n);
    for (const c of o.children) visit(c, n);
  };
  visit(root, null);
  return nodeOf;
}

/** Phong/Lambert materials as metal-free PBR (same base colour, texture and opacity), each converted once. */
function materialConverter(doc: Document, textureSources: Map<Texture, string>): (m: Material) => Promise<GltfMaterial> {
  const textures = new Map<Texture, GltfTexture | null>();
  const textureOf = async (t: Texture | null | undefined): Promise<GltfTexture | null> => {
    if (!t) return null;
    if (!textures.has(t)) {
      const src = textureSources.get(t);
      const img = src ? await imageBytes(src) : null;
      textures.set(
        t,
        img
          ? doc
              .createTexture(t.name || 'texture')
              .setImage(img.data)
              .setMimeType(img.mime)
          : null,
      );
    }
    return textures.get(t) ?? null;
  };
  const materials = new Map<Material, GltfMaterial>();
  return async (m: Material): Promise<GltfMaterial> => {
    let out = materials.get(m);
    if (out) return out;
    const src = m as Material & { color?: { r: number; g: number; b: number }; map?: Texture | null; shininess?: number; emissive?: { r: number; g: number; b: number } };
    out = doc.createMaterial(m.name || 'material').setMetallicFactor(0);
    // glTF factors are 0..1; FBX colours and intensities are not bounded (3ds Max writes emission > 1).
    const unit = (v: number | undefined, fallback: number) => Math.min(1, Math.max(0, v ?? fallback));
    out.setBaseColorFactor([unit(src.color?.r, 1), unit(src.color?.g, 1), unit(src.color?.b, 1), unit(m.opacity, 1)]);
    // Phong shininess → roughness (the usual Blinn-Phong equivalence).
    out.setRoughnessFactor(src.shininess !== undefined ? Math.min(1, Math.sqrt(2 / (src.shininess + 2))) : 0.8);
    if (src.emissive) out.setEmissiveFactor([unit(src.emissive.r, 0), unit(src.emissive.g, 0), unit(src.emissive.b, 0)]);
    const map = await textureOf(src.map);
    if (map) out.setBaseColorTexture(map);
    if (m.transparent && m.opacity < 1) out.setAlphaMode('BLEND');
    if (m.side === DoubleSide) out.setDoubleSided(true);
    materials.set(m, out);
    return out;
  };
}

/** A static mesh's positions and normals as they are (its node carries its transform). */
function restPositions(geo: BufferGeometry, count: number): { pos: Float32Array; nor: Float32Array | null } {
  const pos = new Float32Array(count * 3);
  pos.set(geo.attributes.position!.array as Float32Array);
  const nor = geo.attributes.normal ? new Float32Array(count * 3) : null;
  if (nor) nor.set(geo.attributes.normal!.array as Float32Array);
  return { pos, nor };
}

/** A skinned mesh's positions and normals in world space at the rest pose, through the same blend three uses to draw it. */
function bakeSkinned(skinned: SkinnedMesh, geo: BufferGeometry, count: number): { pos: Float32Array; nor: Float32Array | null } {
  const pos = new Float32Array(count * 3);
  const nor = geo.attributes.normal ? new Float32Array(count * 3) : null;
  const v = new Vector3(),
    nv = new Vector3();
  const si = geo.attributes.skinIndex!,
    sw = geo.attributes.skinWeight!;
  const blend = new Matrix4(),
    m = new Matrix4(),
    normalM = new Matrix3();
  const total = new Matrix4();
  const bones = skinned.skeleton.bones,
    inv = skinned.skeleton.boneInverses;
  const idx = new Vector4(),
    wt = new Vector4();
  for (let i = 0; i < count; i++) {
    idx.set(si.getX(i), si.getY(i), si.getZ(i), si.getW(i));
    wt.set(sw.getX(i), sw.getY(i), sw.getZ(i), sw.getW(i));
    blend.set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (let k = 0; k < 4; k++) {
      const w = wt.getComponent(k);
      if (w === 0) continue;
      m.multiplyMatrices(bones[idx.getComponent(k)]!.matrixWorld, inv[idx.getComponent(k)]!);
      for (let e = 0; e < 16; e++) blend.elements[e]! += w * m.elements[e]!;
    }
    total.multiplyMatrices(skinned.matrixWorld, skinned.bindMatrixInverse).multiply(blend).multiply(skinned.bindMatrix);
    v.fromBufferAttribute(geo.attributes.position!, i).applyMatrix4(total);
    pos.set([v.x, v.y, v.z], i * 3);
    if (nor) {
      nv.fromBufferAttribute(geo.attributes.normal!, i).applyMatrix3(normalM.getNormalMatrix(total)).normalize();
      nor.set([nv.x, nv.y, nv.z], i * 3);
    }
  }
  return { pos, nor };
}

/** UVs flipped to glTF's top-left origin, or null when the mesh has none. */
function flippedUvs(geo: BufferGeometry, count: number): Float32Array | null {
  const uv = geo.attributes.uv;
  if (!uv) return null;
  const tex = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    tex[i * 2] = uv.getX(i);
    tex[i * 2 + 1] = 1 - uv.getY(i);
  }
  return tex;
}

/** Joint indices and weights, weights normalised to sum to one (a vertex with none goes wholly to its first joint). */
function skinStreams(geo: BufferGeometry, count: number): { joints: Uint16Array; weights: Float32Array } {
  const si = geo.attributes.skinIndex!,
    sw = geo.attributes.skinWeight!;
  const joints = new Uint16Array(count * 4),
    weights = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let k = 0; k < 4; k++) sum += sw.getComponent(i, k);
    for (let k = 0; k < 4; k++) {
      const w = sum > 0 ? sw.getComponent(i, k) / sum : k === 0 ? 1 : 0;
      joints[i * 4 + k] = w > 0 ? si.getComponent(i, k) : 0;
      weights[i * 4 + k] = w;
    }
  }
  return { joints, weights };
}

/**
 * FBXLoader un-indexes meshes (three vertices per triangle); welding identical vertices back makes the GLB
 * several times smaller and every variant of every job carries it. Returns the old → new vertex map and
 * one accessor per stream.
 */
function weldVertices(
  present: MeshStream[],
  count: number,
  acc: (type: 'VEC2' | 'VEC3' | 'VEC4', arr: Float32Array | Uint16Array) => Accessor,
): { remap: Uint32Array; attributes: Record<string, Accessor> } {
  const remap = new Uint32Array(count);
  const firstOf = new Map<string, number>();
  const kept: number[] = [];
  for (let i = 0; i < count; i++) {
    let key = '';
    for (const [, arr, size] of present) for (let k = 0; k < size; k++) key += `${arr[i * size + k]},`;
    let at = firstOf.get(key);
    if (at === undefined) {
      at = kept.length;
      firstOf.set(key, at);
      kept.push(i);
    }
    remap[i] = at;
  }
  const attributes: Record<string, Accessor> = {};
  for (const [name, arr, size] of present) {
    const out = arr instanceof Uint16Array ? new Uint16Array(kept.length * size) : new Float32Array(kept.length * size);
    kept.forEach((i, n) => {
      for (let k = 0; k < size; k++) out[n * size + k] = arr[i * size + k]!;
    });
    attributes[name] = acc(name === 'POSITION' || name === 'NORMAL' ? 'VEC3' : name === 'TEXCOORD_0' ? 'VEC2' : 'VEC4', out);
  }
  return { remap, attributes };
}

/** One primitive per material group, indices through the weld map; empty groups are skipped. */
async function addPrimitives(
  doc: Document,
  gMesh: GltfMesh,
  mesh: Mesh,
  geo: BufferGeometry,
  count: number,
  remap: Uint32Array,
  attributes: Record<string, Accessor>,
  acc: (type: 'SCALAR', arr: Uint32Array) => Accessor,
  materialOf: (m: Material) => Promise<GltfMaterial>,
): Promise<void> {
  const mats = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
  const index = geo.index;
  const groups = geo.groups.length > 0 ? geo.groups : [{ start: 0, count: index ? index.count : count, materialIndex: 0 }];
  for (const g of groups) {
    const end = Math.min(g.start + g.count, index ? index.count : count);
    if (end <= g.start) continue;
    const ids = new Uint32Array(end - g.start);
    for (let i = g.start; i < end; i++) ids[i - g.start] = remap[index ? index.getX(i) : i]!;
    const prim = doc.createPrimitive().setIndices(acc('SCALAR', ids));
    for (const [name, a] of Object.entries(attributes)) prim.setAttribute(name, a);
    const mat = mats[g.materialIndex ?? 0] ?? mats[0];
    if (mat) prim.setMaterial(await materialOf(mat));
    gMesh.addPrimitive(prim);
  }
}

/** The skin of a baked mesh: inverse bind matrices from the bones' rest world matrices, always consistent in glTF. */
function restSkin(doc: Document, skinned: SkinnedMesh, nodeOf: Map<Object3D, GltfNode>, acc: (type: 'MAT4', arr: Float32Array) => Accessor): Skin {
  const joints = skinned.skeleton.bones.map((b) => nodeOf.get(b)!);
  const ibm = new Float32Array(joints.length * 16);
  skinned.skeleton.bones.forEach((b, i) => ibm.set(new Matrix4().copy(b.matrixWorld).invert().elements, i * 16));
  const skin = doc.createSkin(`${skinned.name || 'mesh'}Skin`).setInverseBindMatrices(acc('MAT4', ibm));
  joints.forEach((j) => skin.addJoint(j));
  return skin;
}
