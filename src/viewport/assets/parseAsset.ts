/**
 * Parses a GLB/glTF, FBX (binary or ASCII) or BVH file into one shape the player understands, and works out how
 * to place it: metres, Y up, standing on the floor, centred on its hips at the first frame.
 *
 * Why placement is measured rather than read from metadata: FBX files often carry a UnitScaleFactor that does not
 * match their content (CMU clips converted to FBX are 100× too big with a root scale of 100 in a "cm" file), BVH
 * has no units at all, and three's FBXLoader leaves unit scale to the caller (three.js#20402, #19713). So the
 * declared unit is tried first and replaced by a human-height fit when it gives an implausible size.
 *
 * Runs in the browser's 3D chunk and in Node (unit tests feed it the real third-party fixtures).
 */
import { AnimationMixer, Box3, Group, Vector3 } from 'three';
import type { AnimationClip, Object3D, Quaternion } from 'three';
import { BVHLoader } from 'three/examples/jsm/loaders/BVHLoader.js';
import { FBXLoader } from 'three/examples/jsm/loaders/FBXLoader.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { GLTFLoaderPlugin } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { sniffFormat } from '../../dropzone/index.ts';
import type { ModelFormat } from '../../dropzone/index.ts';
import { detectFps } from '../clipInfo.ts';
import { isHumanoid, mapHumanoid } from '../rig/humanoidRoles.ts';
import type { HumanRole } from '../rig/humanoidRoles.ts';
import { collectParts, expandByPose } from './measureBounds.ts';

/** A file the player cannot show, with a message that says why and what to do. */
export class AssetError extends Error {
  constructor(
    message: string,
    readonly reason: 'broken' | 'unsupported' | 'empty',
  ) {
    super(message);
    this.name = 'AssetError';
  }
}

export interface LoadedAsset {
  format: ModelFormat;
  name: string;
  /** The scene as the loader made it, left in its rest pose (instances are cloned from it). */
  scene: Object3D;
  /** Animation clips with at least one track; FBX takes (animation stacks) are separate clips. */
  clips: AnimationClip[];
  /** The take to play first: the longest, since Mixamo-style files put a one-frame T-pose take first (three.js#23785). */
  defaultClip: number;
  /** How to place an instance: uniform scale, then this offset (metres). */
  placement: { scale: number; offset: [number, number, number] };
  stats: { bones: number; meshes: number; skinnedMeshes: number; vertices: number };
  /** Bone name per humanoid role, when the skeleton looks human (retargeting and foot contacts use it). */
  humanoid: Partial<Record<HumanRole, string>> | null;
  /** What was adjusted on load, in words (shown in the file's info). */
  notes: string[];
}

export interface ParseOptions {
  name: string;
  /** Side files a .gltf refers to, by file name → URL (dropped together with it). */
  resources?: ReadonlyMap<string, string>;
  /** false skips textures (Node has no image decoder; the tests only need geometry and motion). */
  textures?: boolean;
}

/** Stature the placement assumes when a file's own units give an implausible size. */
const FALLBACK_HEIGHT_M = 1.7;
const PLAUSIBLE_HEIGHT_M: [number, number] = [0.25, 4];

const noTextures: (parser: unknown) => GLTFLoaderPlugin = () => ({ name: 'kinema_skip_textures', loadTexture: () => Promise.resolve(null) }) as unknown as GLTFLoaderPlugin;

export async function parseAsset(buffer: ArrayBuffer, opts: ParseOptions): Promise<LoadedAsset> {
  const sniff = sniffFormat(new Uint8Array(buffer, 0, Math.min(buffer.byteLength, 1024)), opts.name);
  if ('error' in sniff) throw new AssetError(sniff.error, 'unsupported');
  const { scene, clips, notes } = await parseByFormat(sniff.format, buffer, opts);
  return finish(sniff.format, opts.name, scene, clips, notes);
}

/**
 * A .gltf names its .bin (and texture) files; dropped without them, three fails deep inside with "Invalid typed
 * array length". Say which file is missing instead. Missing textures only lose colour, so they are a note.
 */
function checkGltfSideFiles(buffer: ArrayBuffer, opts: ParseOptions): string[] {
  let json: { buffers?: Array<{ uri?: string }>; images?: Array<{ uri?: string }> };
  try {
    json = JSON.parse(new TextDecoder().decode(buffer)) as typeof json;
  } catch (err) {
    throw new AssetError(`"${opts.name}" is not valid glTF JSON (${messageOf(err)}).`, 'broken');
  }
  const have = opts.resources ?? new Map<string, string>();
  const external = (uri: string | undefined): uri is string => typeof uri === 'string' && !uri.startsWith('data:');
  const name = (uri: string) => decodeURIComponent(uri.split(/[\\/]/).pop() ?? uri);
  const missingBuffers = (json.buffers ?? [])
    .map((b) => b.uri)
    .filter(external)
    .map(name)
    .filter((f) => !have.has(f));
  if (missingBuffers.length > 0) {
    throw new AssetError(
      `"${opts.name}" keeps its geometry and animation in ${missingBuffers.map((f) => `"${f}"`).join(', ')}, which ${missingBuffers.length === 1 ? 'was' : 'were'} not dropped with it. Drop the .gltf together with ${missingBuffers.length === 1 ? 'that file' : 'those files'}, or export a single GLB.`,
      'broken',
    );
  }
  const missingImages = (json.images ?? [])
    .map((i) => i.uri)
    .filter(external)
    .map(name)
    .filter((f) => !have.has(f));
  return missingImages.length > 0 ? [`textures not dropped: ${missingImages.join(', ')}`] : [];
}

async function parseByFormat(format: ModelFormat, buffer: ArrayBuffer, opts: ParseOptions): Promise<{ scene: Object3D; clips: AnimationClip[]; notes: string[] }> {
  const notes: string[] = [];
  switch (format) {
    case 'glb':
    case 'gltf': {
      if (format === 'gltf') notes.push(...checkGltfSideFiles(buffer, opts));
      const loader = new GLTFLoader();
      if (opts.textures === false) loader.register(noTextures);
      if (opts.resources) {
        const resources = opts.resources;
        loader.manager.setURLModifier((url) => {
          const file = decodeURIComponent(url.split(/[\\/]/).pop() ?? url);
          return resources.get(file) ?? url;
        });
      }
      try {
        const gltf = await loader.parseAsync(buffer, '');
        return { scene: gltf.scene, clips: gltf.animations, notes };
      } catch (err) {
        if (!/setMeshoptDecoder/.test(messageOf(err))) throw gltfError(err, opts.name);
      }
      // Meshopt-compressed: fetch the WebAssembly decoder only now (most files never need it).
      try {
        const { MeshoptDecoder } = await import('three/examples/jsm/libs/meshopt_decoder.module.js');
        await MeshoptDecoder.ready;
        loader.setMeshoptDecoder(MeshoptDecoder);
        const gltf = await loader.parseAsync(buffer, '');
        return { scene: gltf.scene, clips: gltf.animations, notes };
      } catch (err) {
        throw new AssetError(`"${opts.name}" uses meshopt compression and could not be decoded here (${messageOf(err)}). Export it without compression.`, 'unsupported');
      }
    }
    case 'fbx': {
      let group: Group;
      try {
        group = new FBXLoader().parse(buffer, '');
      } catch (err) {
        throw fbxError(err, opts.name);
      }
      if (Math.abs(group.rotation.x + Math.PI / 2) < 1e-3) notes.push('Z-up file turned Y-up');
      return { scene: group, clips: group.animations, notes };
    }
    case 'bvh': {
      let parsed: ReturnType<BVHLoader['parse']>;
      try {
        parsed = new BVHLoader().parse(new TextDecoder().decode(buffer));
      } catch (err) {
        throw new AssetError(`"${opts.name}" could not be read as BVH (${messageOf(err)}). The file may be truncated or hand-edited.`, 'broken');
      }
      const root = new Group();
      root.name = opts.name.replace(/\.[^.]+$/, '');
      // BVH has one unnamed take; name it after the file so the player and the timeline can say what plays.
      parsed.clip.name = root.name;
      const top = parsed.skeleton.bones[0];
      if (top) root.add(top);
      return { scene: root, clips: [parsed.clip], notes };
    }
  }
}

function finish(format: ModelFormat, name: string, scene: Object3D, allClips: AnimationClip[], notes: string[]): LoadedAsset {
  const stats = { bones: 0, meshes: 0, skinnedMeshes: 0, vertices: 0 };
  const boneList: Array<{ name: string; parent: number }> = [];
  const boneIndex = new Map<Object3D, number>();
  scene.traverse((o) => {
    const f = o as { isBone?: boolean; isMesh?: boolean; isSkinnedMesh?: boolean; geometry?: { getAttribute(n: string): { count: number } | undefined } };
    if (f.isBone) {
      stats.bones++;
      boneIndex.set(o, boneList.length);
      boneList.push({ name: o.name, parent: o.parent && boneIndex.has(o.parent) ? boneIndex.get(o.parent)! : -1 });
    }
    if (f.isMesh) {
      stats.meshes++;
      stats.vertices += f.geometry?.getAttribute('position')?.count ?? 0;
    }
    if (f.isSkinnedMesh) stats.skinnedMeshes++;
  });
  if (stats.bones === 0 && stats.meshes === 0) {
    throw new AssetError(`"${name}" contains no meshes and no skeleton: there is nothing to show.`, 'empty');
  }

  const clips = allClips.filter((c) => c.tracks.length > 0);
  let defaultClip = 0;
  clips.forEach((c, i) => {
    if (c.duration > clips[defaultClip]!.duration) defaultClip = i;
  });

  const roles = mapHumanoid(boneList);
  const humanoid = isHumanoid(roles) ? (Object.fromEntries(Object.entries(roles).map(([r, i]) => [r, boneList[i!]!.name])) as Partial<Record<HumanRole, string>>) : null;

  const placement = measurePlacement(format, scene, clips[defaultClip] ?? null, humanoid?.hips ?? null, notes);
  return { format, name, scene, clips, defaultClip, placement, stats, humanoid, notes };
}

/** Poses the scene at the first frame, measures it, and restores the rest pose afterwards. */
function measurePlacement(format: ModelFormat, scene: Object3D, clip: AnimationClip | null, hipsName: string | null, notes: string[]): LoadedAsset['placement'] {
  const rest = snapshotPose(scene);
  let mixer: AnimationMixer | null = null;
  if (clip) {
    mixer = new AnimationMixer(scene);
    mixer.clipAction(clip).play();
    mixer.update(0);
  }
  scene.updateMatrixWorld(true);
  const box = expandByPose(new Box3(), collectParts(scene));
  const hips = hipsName ? scene.getObjectByName(hipsName) : undefined;
  const centre = hips ? hips.getWorldPosition(new Vector3()) : box.getCenter(new Vector3());
  if (mixer) {
    mixer.stopAllAction();
    mixer.uncacheRoot(scene);
  }
  restorePose(scene, rest);
  scene.updateMatrixWorld(true);

  if (box.isEmpty()) return { scale: 1, offset: [0, 0, 0] };
  const height = box.max.y - box.min.y;
  // glTF is metres by specification; FBX declares centimetres per unit (three's FBXLoader ignores it); BVH says nothing.
  const unitScale = format === 'fbx' ? fbxUnitScale(scene) : 1;
  let scale = unitScale;
  const h = height * scale;
  if (!(h >= PLAUSIBLE_HEIGHT_M[0] && h <= PLAUSIBLE_HEIGHT_M[1]) && height > 0) {
    scale = FALLBACK_HEIGHT_M / height;
    notes.push(`units unknown (${height.toPrecision(3)} tall), scaled to a ${FALLBACK_HEIGHT_M} m figure`);
  } else if (unitScale !== 1) {
    notes.push('converted from centimetres');
  }
  return { scale, offset: [-centre.x * scale, -box.min.y * scale, -centre.z * scale] };
}

function fbxUnitScale(scene: Object3D): number {
  const factor = Number((scene.userData as { unitScaleFactor?: unknown }).unitScaleFactor);
  return Number.isFinite(factor) && factor > 0 ? factor / 100 : 0.01;
}

interface PoseSnapshot {
  positions: Vector3[];
  quaternions: Quaternion[];
  scales: Vector3[];
}

/** Local transforms of every node in traversal order (clones traverse in the same order). */
function snapshotPose(root: Object3D): PoseSnapshot {
  const s: PoseSnapshot = { positions: [], quaternions: [], scales: [] };
  root.traverse((o) => {
    s.positions.push(o.position.clone());
    s.quaternions.push(o.quaternion.clone());
    s.scales.push(o.scale.clone());
  });
  return s;
}

function restorePose(root: Object3D, s: PoseSnapshot): void {
  let i = 0;
  root.traverse((o) => {
    if (i < s.positions.length) {
      o.position.copy(s.positions[i]!);
      o.quaternion.copy(s.quaternions[i]!);
      o.scale.copy(s.scales[i]!);
    }
    i++;
  });
}

/** Frame rate of a clip from its keys (BVH says it, GLB and FBX do not). */
export function clipFps(clip: AnimationClip): number {
  return detectFps(clip.tracks);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function gltfError(err: unknown, name: string): AssetError {
  const msg = messageOf(err);
  if (/DRACOLoader|KHR_draco/i.test(msg))
    return new AssetError(`"${name}" uses Draco mesh compression, which this viewer does not decode. Export it without Draco (or as FBX).`, 'unsupported');
  if (/KTX2Loader|KHR_texture_basisu/i.test(msg))
    return new AssetError(`"${name}" uses KTX2/Basis textures, which this viewer does not decode. Export it with PNG or JPEG textures.`, 'unsupported');
  if (/Failed to load buffer|Couldn't load|fetch/i.test(msg)) {
    return new AssetError(
      `"${name}" refers to files that were not dropped with it (${msg}). Drop the .gltf together with its .bin and texture files, or export a single .glb.`,
      'broken',
    );
  }
  if (/Unsupported asset|version/i.test(msg)) return new AssetError(`"${name}" is not glTF 2.0 (${msg}). Re-export it as glTF 2.0.`, 'unsupported');
  return new AssetError(`"${name}" could not be read as glTF (${msg}). The file may be truncated or damaged.`, 'broken');
}

function fbxError(err: unknown, name: string): AssetError {
  const msg = messageOf(err);
  if (/version not supported/i.test(msg)) {
    return new AssetError(`"${name}" is an old FBX version (${msg.replace(/^THREE\.FBXLoader:\s*/, '')}). Re-export it as FBX 2011 (7.x) or newer.`, 'unsupported');
  }
  if (/outside the bounds|RangeError|Offset/i.test(msg) || err instanceof RangeError) {
    return new AssetError(`"${name}" is truncated or damaged: it ends before the FBX data does. Download or export it again.`, 'broken');
  }
  return new AssetError(`"${name}" could not be read as FBX (${msg}). The file may be damaged or written by an exporter three.js does not understand.`, 'broken');
}
