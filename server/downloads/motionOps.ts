/**
 * Motion transform applied before export: resampling to another frame rate (the other export options are engine
 * edit operations: server/engine/edit/{trim,mirror,rootMotion}.ts).
 * Pure functions on the engine's Motion (inputs are never modified), so they are cheap to test.
 */
import type { Motion } from '../engine/index.ts';
import { qSlerp } from '../engine/core/quat.ts';

/**
 * Resample to `fps` keeping the clip's duration: rotations are slerped (shortest arc), hips position is lerped
 * and contacts take the nearest source frame. The last frame lands exactly on the original last frame, so a
 * loopable clip stays loopable.
 */
export function resampleMotion(m: Motion, fps: number): Motion {
  if (!(fps > 0)) throw new Error(`fps must be positive (got ${fps})`);
  if (Math.abs(fps - m.fps) < 1e-9) return m;
  const duration = (m.frames - 1) / m.fps;
  const frames = Math.max(1, Math.round(duration * fps) + 1);
  const jc = m.skeleton.parents.length;
  const rootPos = new Float32Array(frames * 3);
  const rot = new Float32Array(frames * jc * 4);
  const contacts = new Uint8Array(frames * 2);
  for (let f = 0; f < frames; f++) {
    // Source position in frames; clamp so float error at the end never reads past the last frame.
    const src = Math.min(Math.min(f / fps, duration) * m.fps, m.frames - 1);
    const a = Math.floor(src);
    const b = Math.min(a + 1, m.frames - 1);
    const t = src - a;
    for (let k = 0; k < 3; k++) rootPos[f * 3 + k] = m.rootPos[a * 3 + k]! * (1 - t) + m.rootPos[b * 3 + k]! * t;
    for (let j = 0; j < jc; j++) slerpInto(m.rot, (a * jc + j) * 4, (b * jc + j) * 4, t, rot, (f * jc + j) * 4);
    const near = t < 0.5 ? a : b;
    contacts[f * 2] = m.contacts[near * 2]!;
    contacts[f * 2 + 1] = m.contacts[near * 2 + 1]!;
  }
  return { fps, frames, skeleton: m.skeleton, rootPos, rot, contacts };
}

// Scratch quaternions in double precision, so the slerp and its normalisation round to float32 only once.
const qa = new Float64Array(4),
  qb = new Float64Array(4),
  qo = new Float64Array(4);

function slerpInto(src: Float32Array, ia: number, ib: number, t: number, out: Float32Array, io: number): void {
  for (let c = 0; c < 4; c++) {
    qa[c] = src[ia + c]!;
    qb[c] = src[ib + c]!;
  }
  qSlerp(qo, qa, qb, t);
  for (let c = 0; c < 4; c++) out[io + c] = qo[c]!;
}
