/**
 * The motion of a download after its options, in a fixed order: trim → frame rate → mirror → root motion →
 * axis locks. Trimming first means a trimmed, resampled clip starts exactly at trimStart; root motion after
 * the mirror so the travel is split from the motion the user gets.
 */
import type { Motion, Skeleton } from '../engine/index.ts';
import { mirrorMotion } from '../engine/edit/mirror.ts';
import { inPlaceKeepSway, lockAxes, splitRootMotion } from '../engine/edit/rootMotion.ts';
import { trimMotion } from '../engine/edit/trim.ts';
import { ConversionRefused } from './conversionRefused.ts';
import type { ExportSpec } from './exportOptions.ts';
import { resampleMotion } from './motionOps.ts';

export interface PreparedMotion {
  /** With rootMotion=root, the hips' position is relative to the root bone. */
  motion: Motion;
  /** The root bone's track (metres, [x, y, z] × frames), or null when there is no root bone. */
  root: Float32Array | null;
}

export function prepareExport(source: Motion, s: ExportSpec): PreparedMotion {
  let m = source;
  if (s.trimStart !== undefined || s.trimEnd !== undefined) {
    const duration = (m.frames - 1) / m.fps;
    const start = s.trimStart ?? 0;
    const end = Math.min(s.trimEnd ?? duration, duration);
    try {
      m = trimMotion(m, start, end);
    } catch (err) {
      throw new ConversionRefused(`${(err as Error).message}; the clip lasts ${duration.toFixed(2)} s.`, s.trimStart !== undefined && start >= duration ? 'trimStart' : 'trimEnd');
    }
  }
  if (s.fps !== undefined) m = resampleMotion(m, s.fps);
  if (s.mirror) m = mirrorMotion(m);
  let root: Float32Array | null = null;
  if (s.rootMotion === 'root') {
    const split = splitRootMotion(m);
    m = split.motion;
    root = split.root;
  } else if (s.rootMotion === 'inPlace') {
    m = inPlaceKeepSway(m);
  }
  if (s.lock.length) {
    // With a root bone, its floor travel takes the x/z locks and the hips keep the height (y).
    if (root) {
      root = lockAxes(
        root,
        s.lock.filter((a) => a !== 'y'),
      );
      if (s.lock.includes('y')) m = { ...m, rootPos: lockAxes(m.rootPos, ['y']) };
    } else {
      m = { ...m, rootPos: lockAxes(m.rootPos, s.lock) };
    }
  }
  return { motion: m, root };
}

/** Unity's HumanBodyBones names are the VRM humanoid names with a capital first letter. */
export function unityNames(sk: Skeleton): string[] {
  return sk.names.map((n) => n.charAt(0).toUpperCase() + n.slice(1));
}

/** The skeleton with the export names a spec asks for. */
export function namedSkeleton(sk: Skeleton, s: ExportSpec): Skeleton {
  return s.names === 'unity' ? { ...sk, exportNames: unityNames(sk) } : sk;
}

/** Name of the root bone added for rootMotion=root (Unreal's and Godot's convention). */
export const ROOT_BONE = 'root';

/**
 * The skeleton with a root bone above the hips (index 0, at the origin) and the motion on it: for BVH, where
 * the root bone carries the travel and the hips get position channels of their own.
 */
export function withRootBone(p: PreparedMotion): { motion: Motion; hipsPositions: Float32Array } {
  const { motion: m, root } = p;
  const sk = m.skeleton;
  const jc = sk.parents.length;
  const parents = new Int8Array(jc + 1);
  parents[0] = -1;
  for (let j = 0; j < jc; j++) parents[j + 1] = sk.parents[j]! < 0 ? 0 : sk.parents[j]! + 1;
  const offsets = new Float32Array((jc + 1) * 3);
  offsets.set(sk.offsets, 3);
  const tips = new Float32Array((jc + 1) * 3);
  tips.set(sk.tips, 3);
  const mirror = new Int8Array(jc + 1);
  for (let j = 0; j < jc; j++) mirror[j + 1] = sk.mirror[j]! + 1;
  const skeleton: Skeleton = {
    id: `${sk.id}+root`,
    names: [ROOT_BONE, ...sk.names],
    exportNames: [ROOT_BONE, ...sk.exportNames],
    parents,
    offsets,
    tips,
    mirror,
  };
  const rot = new Float32Array(m.frames * (jc + 1) * 4);
  for (let f = 0; f < m.frames; f++) {
    rot[f * (jc + 1) * 4 + 3] = 1;
    rot.set(m.rot.subarray(f * jc * 4, (f + 1) * jc * 4), (f * (jc + 1) + 1) * 4);
  }
  return {
    motion: { fps: m.fps, frames: m.frames, skeleton, rootPos: root ?? new Float32Array(m.frames * 3), rot, contacts: m.contacts },
    hipsPositions: m.rootPos,
  };
}
