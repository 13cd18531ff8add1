/**
 * "Use as source": a GLB, FBX or BVH clip from anywhere becomes a job of kind `import` whose one variant is that
 * motion on the canonical rig, with the same files an engine take has (motion data, GLB, FBX, BVH). Inpaint,
 * merge, loop, render and every export option then work on it like on a generated take.
 * The conversion is quick (a clip of a minute is milliseconds of math), so it runs in the request: the job is
 * stored already succeeded and never waits in the queue.
 */
import { Logger, WebIO } from '@gltf-transform/core';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { AnimationClip, Object3D } from 'three';
import type { Job } from '../contract/api.ts';
import type { ImportFormat } from '../contract/importClip.ts';
import { loadFbx } from '../characters/fbxToGlb.ts';
import { sniffModel } from '../characters/sniffModel.ts';
import { encodeMotion, exportBvh, exportGlb, motionDurationSec, type Motion } from '../engine/index.ts';
import { exportFbx } from '../engine/io/fbx.ts';
import { readBvh } from '../engine/io/bvhRead.ts';
import { HttpError } from '../http/errors.ts';
import { motionFromBvh } from '../providers/local/motionFromBvh.ts';
import { ClipImportError, motionFromClip } from '../providers/local/motionFromClip.ts';
import type { Services } from '../services.ts';
import { newJobId, type FileRow } from './jobStore.ts';

export function detect(bytes: Uint8Array): ImportFormat | null {
  const sniff = sniffModel(bytes);
  if (sniff.ok) return sniff.format === 'fbx' ? 'fbx' : 'glb';
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
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
  const { root, animations } = format === 'glb' ? await loadGlb(bytes).then((g) => ({ root: g.scene, animations: g.animations })) : (() => {
    const fbx = loadFbx(bytes);
    return { root: fbx.root, animations: (fbx.root as Object3D & { animations: AnimationClip[] }).animations ?? [] };
  })();
  if (animations.length === 0) throw new ClipImportError('the file has no animation (it may be a character without motion): drop a clip that moves');
  const clip = animations[take];
  if (!clip) throw new HttpError(400, 'validation_error', `take must be 0–${animations.length - 1}: the file has ${animations.length} animation(s).`, 'take');
  return { motion: motionFromClip(root, clip, format === 'glb' ? 1 : 'guess'), clipName: clip.name || `take ${take + 1}` };
}

export async function importClip(s: Services, bytes: Uint8Array, fileName: string, take: number): Promise<Job> {
  const format = detect(bytes);
  if (!format) throw new HttpError(415, 'unsupported_format', `"${fileName}" is not a GLB, FBX or BVH file; those are the formats a clip can be imported from.`);
  let converted: { motion: Motion; clipName: string };
  try {
    converted = await toMotion(bytes, format, take);
  } catch (err) {
    if (err instanceof HttpError) throw err;
    const why = err instanceof ClipImportError ? err.message : `it could not be read (${(err as Error).message})`;
    throw new HttpError(422, 'not_importable', `"${fileName}" cannot be used as a source: ${why}.`);
  }
  const { motion, clipName } = converted;
  const id = newJobId();
  const outputs: Array<[string, Uint8Array]> = [
    ['motion', encodeMotion(motion)],
    ['glb', await exportGlb(motion, { animationName: clipName })],
    ['fbx', await exportFbx(motion, { animationName: clipName })],
    ['bvh', new TextEncoder().encode(exportBvh(motion))],
  ];
  const files: FileRow[] = [];
  for (const [fmt, data] of outputs) {
    const relPath = `${id}/v1.${fmt === 'motion' ? 'kmo' : fmt}`;
    files.push({ jobId: id, variant: 1, format: fmt, relPath, ...(await s.cache.write(relPath, data)) });
  }
  const durationSec = Math.round(motionDurationSec(motion) * 1000) / 1000;
  return s.store.createFinished({
    id,
    provider: 'local',
    request: { provider: 'local', kind: 'import', fileName, format, take, clipName, durationSec, fps: motion.fps },
    variants: [{ index: 1, durationSec }],
    files,
  });
}
