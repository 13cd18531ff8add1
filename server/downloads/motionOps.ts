/**
 * Motion transform applied before export: resampling to another frame rate (the other export options are engine
 * edit operations: server/engine/edit/{trim,mirror,rootMotion}.ts).
 * Pure functions on the engine's Motion (inputs are never modified), so they are cheap to test.
 */
import type { Motion } from '../engine/index.ts';

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

function slerpInto(src: Float32Array, ia: number, ib: number, t: number, out: Float32Array, io: number): void {
  const ax = src[ia]!,
    ay = src[ia + 1]!,
    az = src[ia + 2]!,
    aw = src[ia + 3]!;
  let bx = src[ib]!,
    by = src[ib + 1]!,
    bz = src[ib + 2]!,
    bw = src[ib + 3]!;
  let cos = ax * bx + ay * by + az * bz + aw * bw;
  if (cos < 0) {
    cos = -cos;
    bx = -bx;
    by = -by;
    bz = -bz;
    bw = -bw;
  }
  let wa: number, wb: number;
  if (cos > 0.9995) {
    // Nearly identical: lerp is exact enough and avoids dividing by sin(≈0).
    wa = 1 - t;
    wb = t;
  } else {
    const theta = Math.acos(cos);
    const s = Math.sin(theta);
    wa = Math.sin((1 - t) * theta) / s;
    wb = Math.sin(t * theta) / s;
  }
  const x = ax * wa + bx * wb,
    y = ay * wa + by * wb,
    z = az * wa + bz * wb,
    w = aw * wa + bw * wb;
  const l = Math.hypot(x, y, z, w) || 1;
  out[io] = x / l;
  out[io + 1] = y / l;
  out[io + 2] = z / l;
  out[io + 3] = w / l;
}
