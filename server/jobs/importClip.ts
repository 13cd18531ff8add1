/**
 * "Use as source": a GLB, FBX or BVH clip from anywhere becomes a job of kind `import` whose one variant is that
 * motion on the canonical rig, with the same files an engine take has (motion data, GLB, FBX, BVH). Inpaint,
 * merge, loop, render and every export option then work on it like on a generated take.
 * The conversion is quick (a clip of a minute is milliseconds of math), so it runs in the request: the job is
 * stored already succeeded and never waits in the queue.
 */
import type { Job } from '../contract/api.ts';
import { encodeMotion, exportBvh, exportGlb, motionDurationSec, type Motion } from '../engine/index.ts';
import { exportFbx } from '../engine/io/fbx.ts';
import type { AssetCache } from '../files/assetCache.ts';
import { HttpError } from '../http/errors.ts';
import { ClipImportError, detect, toMotion } from '../providers/clipMotion.ts';
import { newJobId, type FileRow, type JobStore } from './jobStore.ts';

export async function importClip(s: { cache: AssetCache; store: JobStore }, bytes: Uint8Array, fileName: string, take: number): Promise<Job> {
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
