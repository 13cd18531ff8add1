/**
 * A clip file (GLB, FBX or BVH) as a canonical engine motion: what "Use as source" imports (jobs/importClip.ts)
 * and the local post-pass on a provider take (local/providerTakeMotion.ts) both read clips with.
 */
import { Logger, WebIO } from '@gltf-transform/core';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { AnimationClip, Object3D } from 'three';
import type { ImportFormat } from '../contract/importClip.ts';
import { loadFbx } from '../characters/fbxToGlb.ts';
import { sniffModel } from '../characters/sniffModel.ts';
import type { Motion } from '../engine/index.ts';
import { readBvh } from '../engine/io/bvhRead.ts';
import { HttpError } from '../http/errors.ts';
import { motionFromBvh } from './local/motionFromBvh.ts';
import { ClipImportError, motionFromClip } from './local/motionFromClip.ts';

export { ClipImportError };

export function detect(bytes: Uint8Array): ImportFormat | null {
  const sniff = sniffModel(bytes);
  if (sniff.ok) return sniff.format === 'fbx' ? 'fbx' : 'glb';
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('HIERARCHY') ? 'bvh' : null;
}

/**
 * Motion needs no pictures, and three's texture loaders need a browser (`self`, images): textures are dropped
 * from the file (gltf-transform) before GLTFLoader reads it.
 */
async function withoutTextures(bytes: Uint8Array): Promise<Uint8Array> {
  const io = new WebIO().setLogger(new Logger(Logger.Verbosity.ERROR));
  const doc = await io.readBinary(bytes);
  const textures = doc.getRoot().listTextures();
  if (textures.length === 0) return bytes;
  for (const t of textures) t.dispose();
  return io.writeBinary(doc);
}

async function loadGlb(raw: Uint8Array): Promise<{ scene: Object3D; animations: AnimationClip[] }> {
  const bytes = await withoutTextures(raw);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return new Promise((resolve, reject) => new GLTFLoader().parse(buffer, '', resolve, reject));
}

export async function toMotion(bytes: Uint8Array, format: ImportFormat, take: number): Promise<{ motion: Motion; clipName: string }> {
  if (format === 'bvh') {
    const clip = readBvh(new TextDecoder().decode(bytes));
    return { motion: motionFromBvh(clip), clipName: 'bvh' };
  }
  const { root, animations } =
    format === 'glb'
      ? await loadGlb(bytes).then((g) => ({ root: g.scene, animations: g.animations }))
      : (() => {
          const fbx = loadFbx(bytes);
          return { root: fbx.root, animations: (fbx.root as Object3D & { animations: AnimationClip[] }).animations ?? [] };
        })();
  if (animations.length === 0) throw new ClipImportError('the file has no animation (it may be a character without motion): drop a clip that moves');
  const clip = animations[take];
  if (!clip) throw new HttpError(400, 'validation_error', `take must be 0–${animations.length - 1}: the file has ${animations.length} animation(s).`, 'take');
  return { motion: motionFromClip(root, clip, format === 'glb' ? 1 : 'guess'), clipName: clip.name || `take ${take + 1}` };
}
