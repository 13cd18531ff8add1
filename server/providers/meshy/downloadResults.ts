/**
 * Copies a finished task's result files into our cache (ctx.saveFile) before Meshy's signed URLs
 * expire and before the runner may mark the job succeeded, so downloads keep working after
 * `expires_at` and never redirect to Meshy. Variants:
 *   rig           1 = rigged character (GLB + FBX), 2 = walking, 3 = running (Meshy's free clips)
 *   animate       1 = the animated character (GLB + FBX, + USDZ for fbx2usdz),
 *                 2 = the post-processed FBX (change_fps / extract_armature) when one was asked for
 *   textToMotion  1 = the motion clip (FBX in prime mode, BVH in swift mode)
 * Each file is checked by its magic bytes; a zipped download (seen occasionally) is unpacked.
 */
import { Logger as GltfLogger, WebIO } from '@gltf-transform/core';
import { unzipSync } from 'fflate';
import type { FileFormat } from '../../contract/api.ts';
import type { Logger } from '../../log.ts';
import type { JobContext } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import { MeshyApiError, toProviderError, type MeshyOperation } from './meshyApiError.ts';
import type { MeshyClient } from './meshyClient.ts';
import { AnimationResult, MotionResult, RigResult, type MeshyTask } from './meshyWire.ts';
import { sleep } from '../../http/outbound/sleep.ts';

interface PlannedFile {
  variant: number;
  format: FileFormat;
  url: string;
}

export interface DownloadTiming {
  attempts: number;
  retryDelayMs: number;
}

export const DEFAULT_DOWNLOAD_TIMING: DownloadTiming = { attempts: 3, retryDelayMs: 2_000 };

function unexpected(what: string): ProviderError {
  return new ProviderError('bad_result', `Meshy reported success but sent ${what}; run the job again.`, true);
}

function planFiles(op: MeshyOperation, task: MeshyTask): PlannedFile[] {
  const files: PlannedFile[] = [];
  const add = (variant: number, format: FileFormat, url: string | undefined) => {
    if (url) files.push({ variant, format, url });
  };
  if (op === 'rig') {
    const r = RigResult.safeParse(task.result ?? {});
    if (!r.success) throw unexpected('an unreadable rig result');
    add(1, 'glb', r.data.rigged_character_glb_url);
    add(1, 'fbx', r.data.rigged_character_fbx_url);
    const basic = r.data.basic_animations;
    add(2, 'glb', basic?.walking_glb_url);
    add(2, 'fbx', basic?.walking_fbx_url);
    add(3, 'glb', basic?.running_glb_url);
    add(3, 'fbx', basic?.running_fbx_url);
  } else if (op === 'animate') {
    const r = AnimationResult.safeParse(task.result ?? {});
    if (!r.success) throw unexpected('an unreadable animation result');
    add(1, 'glb', r.data.animation_glb_url);
    add(1, 'fbx', r.data.animation_fbx_url);
    add(1, 'usdz', r.data.processed_usdz_url);
    add(2, 'fbx', r.data.processed_animation_fps_fbx_url ?? r.data.processed_armature_fbx_url);
  } else if (op === 'textToMotion') {
    const r = MotionResult.safeParse(task.result ?? {});
    if (!r.success) throw unexpected('an unreadable text-to-motion result');
    add(1, motionFormat(r.data), r.data.motion_url);
  }
  if (!files.some((f) => f.variant === 1)) throw unexpected('no result files');
  return files;
}

/** FBX for prime, BVH for swift; the explicit motion_format wins, then the URL's extension. */
function motionFormat(r: { motion_format?: string; mode?: string; motion_url?: string }): FileFormat {
  const declared = r.motion_format?.toLowerCase();
  if (declared === 'fbx' || declared === 'bvh') return declared;
  const ext = /\.(fbx|bvh)(?:[?#]|$)/i.exec(r.motion_url ?? '')?.[1]?.toLowerCase();
  if (ext === 'fbx' || ext === 'bvh') return ext;
  return r.mode === 'swift' ? 'bvh' : 'fbx';
}

const latin1 = new TextDecoder('latin1');

function looksLike(format: FileFormat, bytes: Uint8Array): boolean {
  const head = latin1.decode(bytes.subarray(0, 32));
  switch (format) {
    case 'glb':
      return head.startsWith('glTF');
    case 'fbx':
      return head.startsWith('Kaydara FBX Binary') || /^(\u00EF\u00BB\u00BF)?\s*; FBX/.test(head);
    case 'bvh':
      return /^\s*HIERARCHY/.test(head);
    case 'usdz':
    case 'zip':
      return head.startsWith('PK\x03\x04');
    default:
      return bytes.byteLength > 0;
  }
}

/** The file itself, or the first entry of a zip download that is one. */
function unpackResult(format: FileFormat, bytes: Uint8Array): Uint8Array {
  if (looksLike(format, bytes)) return bytes;
  if (latin1.decode(bytes.subarray(0, 4)) === 'PK\x03\x04') {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      throw unexpected(`a damaged zip instead of a ${format.toUpperCase()} file`);
    }
    const hit =
      Object.entries(entries).find(([name, data]) => name.toLowerCase().endsWith(`.${format}`) && looksLike(format, data)) ??
      Object.entries(entries).find(([, data]) => looksLike(format, data));
    if (hit) return hit[1];
  }
  throw unexpected(`a file that is not ${format.toUpperCase()}`);
}

/** Longest animation in a GLB, in seconds (0 for a static character or an unreadable file). */
async function glbDurationSec(bytes: Uint8Array): Promise<number> {
  try {
    const doc = await new WebIO().setLogger(new GltfLogger(GltfLogger.Verbosity.SILENT)).readBinary(bytes);
    let max = 0;
    for (const anim of doc.getRoot().listAnimations()) {
      for (const s of anim.listSamplers()) {
        const input = s.getInput();
        if (input) max = Math.max(max, input.getMax([0])[0] ?? 0);
      }
    }
    return max;
  } catch {
    return 0;
  }
}

function bvhDurationSec(bytes: Uint8Array): number {
  const text = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  const frames = /Frames:\s*(\d+)/.exec(text);
  const frameTime = /Frame Time:\s*([\d.eE+-]+)/.exec(text);
  return frames && frameTime ? Math.max(0, Number(frames[1]) - 1) * Number(frameTime[1]) : 0;
}

function expiredError(task: MeshyTask): ProviderError {
  const when = task.expires_at > 0 ? ` at ${new Date(task.expires_at).toISOString()}` : '';
  return new ProviderError('results_expired', `Meshy's download links for task ${task.id} expired${when} before they could be copied; run the job again.`);
}

export interface DownloadOptions {
  client: MeshyClient;
  timing: DownloadTiming;
  log?: Logger;
  /** Progress share of the downloads: from..to percent. */
  from: number;
  to: number;
}

export async function downloadResults(ctx: JobContext, op: MeshyOperation, task: MeshyTask, opts: DownloadOptions): Promise<void> {
  const files = planFiles(op, task);
  if (task.expires_at > 0 && Date.now() >= task.expires_at) throw expiredError(task);
  const durations = new Map<number, number>();
  for (const [i, file] of files.entries()) {
    ctx.progress({ percent: opts.from + ((opts.to - opts.from) * i) / files.length, stage: `copying result ${i + 1}/${files.length} (${file.format}) from Meshy` });
    let bytes: Uint8Array | null = null;
    for (let attempt = 1; !bytes; attempt++) {
      try {
        bytes = await opts.client.download(file.url, ctx.signal);
      } catch (err) {
        if (!(err instanceof MeshyApiError)) throw err;
        // A signed URL answers 403/404/410 once it has expired (or was revoked).
        if (err.status === 403 || err.status === 404 || err.status === 410) throw expiredError(task);
        const transient = err.kind === 'network' || err.kind === 'timeout' || (err.status !== null && err.status >= 500);
        if (!transient || attempt >= opts.timing.attempts) throw toProviderError(err, 'download');
        opts.log?.warn('meshy result download failed; retrying', { taskId: task.id, format: file.format, attempt });
        await sleep(opts.timing.retryDelayMs * attempt, ctx.signal);
      }
    }
    const data = unpackResult(file.format, bytes);
    await ctx.saveFile(file.variant, file.format, data);
    if (!durations.has(file.variant) || durations.get(file.variant) === 0) {
      if (file.format === 'glb') durations.set(file.variant, await glbDurationSec(data));
      else if (file.format === 'bvh') durations.set(file.variant, bvhDurationSec(data));
    }
  }
  const motion = MotionResult.safeParse(task.result ?? {});
  const requested = (ctx.request as { durationSec?: number }).durationSec;
  for (const variant of new Set(files.map((f) => f.variant))) {
    let d = durations.get(variant) ?? 0;
    if (d === 0 && op === 'textToMotion') d = motion.success && motion.data.duration_ms ? motion.data.duration_ms / 1000 : (requested ?? 0);
    if (d === 0 && op === 'animate' && variant === 2) d = durations.get(1) ?? 0;
    ctx.setVariantDuration(variant, d);
  }
  ctx.progress({ percent: opts.to, stage: 'results copied' });
}
