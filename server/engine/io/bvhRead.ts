/**
 * A BVH reader for any rig (CMU, MotionBuilder, our own exports): hierarchy, offsets, channel
 * layouts and frames, plus forward kinematics to joint positions so the evaluation metrics can run
 * on external mocap. Rotation channels compose in the order listed (R = R₁·R₂·R₃), and position
 * channels, when present, replace the joint's OFFSET (the usual convention for the root).
 */
import { qAxisAngle, qMul, qRotate } from '../core/quat.ts';

interface BvhJoint {
  name: string;
  parent: number;
  offset: [number, number, number];
  /** Channel names in file order, e.g. ["Xposition", …, "Zrotation", "Xrotation", "Yrotation"]. */
  channels: string[];
  /** Index of this joint's first channel within a frame. */
  channelStart: number;
  /** End-site offset when the joint is a leaf. */
  end: [number, number, number] | null;
}

export interface BvhClip {
  joints: BvhJoint[];
  frames: number;
  frameTime: number;
  /** frames × channels values as written (degrees for rotations). */
  data: Float64Array;
  channelCount: number;
}

export function readBvh(text: string): BvhClip {
  const tokens = text.split(/\s+/).filter(Boolean);
  let i = 0;
  const next = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new Error('BVH: unexpected end of file');
    return t;
  };
  const num = (): number => {
    const t = next();
    const v = Number(t);
    if (!Number.isFinite(v)) throw new Error(`BVH: expected a number, got "${t}"`);
    return v;
  };
  if (next().toUpperCase() !== 'HIERARCHY') throw new Error('BVH: missing HIERARCHY');
  const joints: BvhJoint[] = [];
  let channelCount = 0;
  const parseJoint = (parent: number): void => {
    const name = next();
    if (next() !== '{') throw new Error(`BVH: expected "{" after joint ${name}`);
    const j: BvhJoint = { name, parent, offset: [0, 0, 0], channels: [], channelStart: channelCount, end: null };
    const idx = joints.push(j) - 1;
    for (;;) {
      const t = next();
      const u = t.toUpperCase();
      if (u === 'OFFSET') j.offset = [num(), num(), num()];
      else if (u === 'CHANNELS') {
        const n = num();
        for (let k = 0; k < n; k++) j.channels.push(next());
        j.channelStart = channelCount;
        channelCount += n;
      } else if (u === 'JOINT') parseJoint(idx);
      else if (u === 'END') {
        next(); // "Site"
        if (next() !== '{') throw new Error('BVH: expected "{" after End Site');
        if (next().toUpperCase() !== 'OFFSET') throw new Error('BVH: End Site without OFFSET');
        j.end = [num(), num(), num()];
        if (next() !== '}') throw new Error('BVH: unterminated End Site');
      } else if (t === '}') return;
      else throw new Error(`BVH: unexpected token "${t}" in joint ${name}`);
    }
  };
  const root = next().toUpperCase();
  if (root !== 'ROOT') throw new Error('BVH: missing ROOT');
  parseJoint(-1);
  while (tokens[i] && tokens[i]!.toUpperCase() === 'ROOT') {
    i++;
    parseJoint(-1);
  }
  if (next().toUpperCase() !== 'MOTION') throw new Error('BVH: missing MOTION section');
  next(); // "Frames:"
  const frames = num();
  next();
  next(); // "Frame" "Time:"
  const frameTime = num();
  const data = new Float64Array(frames * channelCount);
  for (let k = 0; k < data.length; k++) data[k] = num();
  return { joints, frames, frameTime, data, channelCount };
}

/** Joint world positions (frames × joints × 3) in the file's units times `scale`. */
export function bvhPositions(clip: BvhClip, scale = 1): Float32Array {
  const jc = clip.joints.length;
  const out = new Float32Array(clip.frames * jc * 3);
  const wr = new Float64Array(jc * 4);
  const q = new Float64Array(4),
    r = new Float64Array(4),
    v = new Float64Array(3),
    pr = new Float64Array(4);
  const D = Math.PI / 180;
  for (let f = 0; f < clip.frames; f++) {
    const row = f * clip.channelCount;
    for (let j = 0; j < jc; j++) {
      const jt = clip.joints[j]!;
      v[0] = jt.offset[0];
      v[1] = jt.offset[1];
      v[2] = jt.offset[2];
      q[0] = 0;
      q[1] = 0;
      q[2] = 0;
      q[3] = 1;
      jt.channels.forEach((c, k) => {
        const val = clip.data[row + jt.channelStart + k]!;
        const axis = c[0]!.toUpperCase();
        if (c.endsWith('position')) v[axis === 'X' ? 0 : axis === 'Y' ? 1 : 2] = val;
        else {
          qAxisAngle(r, axis === 'X' ? 1 : 0, axis === 'Y' ? 1 : 0, axis === 'Z' ? 1 : 0, val * D);
          qMul(q, q, r);
        }
      });
      const o = (f * jc + j) * 3;
      if (jt.parent < 0) {
        out[o] = v[0]! * scale;
        out[o + 1] = v[1]! * scale;
        out[o + 2] = v[2]! * scale;
        wr.set(q, j * 4);
      } else {
        const p = jt.parent;
        pr[0] = wr[p * 4]!;
        pr[1] = wr[p * 4 + 1]!;
        pr[2] = wr[p * 4 + 2]!;
        pr[3] = wr[p * 4 + 3]!;
        qRotate(v, pr, v);
        const po = (f * jc + p) * 3;
        out[o] = out[po]! + v[0]! * scale;
        out[o + 1] = out[po + 1]! + v[1]! * scale;
        out[o + 2] = out[po + 2]! + v[2]! * scale;
        qMul(q, pr, q);
        wr.set(q, j * 4);
      }
    }
  }
  return out;
}

/** Rest-pose height (top end site minus lowest end site) in file units, to estimate the unit scale. */
export function bvhRestHeight(clip: BvhClip): number {
  const jc = clip.joints.length;
  const pos = new Float64Array(jc * 3);
  let lo = Infinity,
    hi = -Infinity;
  for (let j = 0; j < jc; j++) {
    const jt = clip.joints[j]!;
    for (let k = 0; k < 3; k++) pos[j * 3 + k] = jt.offset[k]! + (jt.parent >= 0 ? pos[jt.parent * 3 + k]! : 0);
    const y = pos[j * 3 + 1]!;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
    if (jt.end) {
      const ey = y + jt.end[1];
      lo = Math.min(lo, ey);
      hi = Math.max(hi, ey);
    }
  }
  return hi - lo;
}
