/**
 * BVH export. Mixamo-style joint names, centimetres (what most DCC tools expect from BVH), the
 * root OFFSET at 0 with absolute hips position channels (the CMU/MotionBuilder convention), and
 * rotations as Z-X-Y Euler angles in degrees, unwrapped over time so no channel jumps by 360°.
 */
import type { Motion } from '../core/motion.ts';

const CM = 100;

/** Z, X, Y angles (radians) with q = Rz·Rx·Ry, the order BVH readers apply for "Zrotation Xrotation Yrotation". */
function quatToZXY(x: number, y: number, z: number, w: number, out: number[]): void {
  const r01 = 2 * (x * y - w * z),
    r11 = 1 - 2 * (x * x + z * z),
    r21 = 2 * (y * z + w * x);
  const r20 = 2 * (x * z - w * y),
    r22 = 1 - 2 * (x * x + y * y);
  const r00 = 1 - 2 * (y * y + z * z),
    r10 = 2 * (x * y + w * z);
  const sx = Math.max(-1, Math.min(1, r21));
  // atan2 rather than asin, and the gimbal branch only at the true singularity: asin loses precision
  // near ±90°, and a branch taken from |sin x| ≥ 0.99999 (x ≈ 89.6°) discarded the Y/Z split there,
  // which put a jump's pitched toes 2 mm off after a BVH round trip.
  const cx = Math.hypot(r01, r11);
  const ax = Math.atan2(sx, cx);
  if (cx > 1e-7) {
    out[0] = Math.atan2(-r01, r11);
    out[1] = ax;
    out[2] = Math.atan2(-r20, r22);
  } else {
    // Gimbal lock: fold Y into Z.
    out[0] = Math.atan2(r10, r00);
    out[1] = ax;
    out[2] = 0;
  }
}

function fmt(v: number): string {
  const s = v.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}

export interface BvhOptions {
  /**
   * Non-root joints that also carry position channels (metres, local to the parent, frames × 3): a hips bone
   * under a root bone that holds the travel, as game engines import root motion.
   */
  positions?: ReadonlyMap<number, Float32Array>;
}

export function exportBvh(motion: Motion, opts: BvhOptions = {}): string {
  const positions = opts.positions ?? new Map<number, Float32Array>();
  const sk = motion.skeleton;
  const jc = sk.parents.length;
  const children: number[][] = Array.from({ length: jc }, () => []);
  for (let j = 1; j < jc; j++) children[sk.parents[j]!]!.push(j);
  const order: number[] = [];
  const lines: string[] = ['HIERARCHY'];
  const emit = (j: number, depth: number): void => {
    order.push(j);
    const pad = '  '.repeat(depth);
    const isRoot = sk.parents[j]! < 0;
    lines.push(`${pad}${isRoot ? 'ROOT' : 'JOINT'} ${sk.exportNames[j]}`, `${pad}{`);
    const ox = isRoot ? 0 : sk.offsets[j * 3]! * CM,
      oy = isRoot ? 0 : sk.offsets[j * 3 + 1]! * CM,
      oz = isRoot ? 0 : sk.offsets[j * 3 + 2]! * CM;
    lines.push(`${pad}  OFFSET ${fmt(ox)} ${fmt(oy)} ${fmt(oz)}`);
    lines.push(isRoot || positions.has(j) ? `${pad}  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation` : `${pad}  CHANNELS 3 Zrotation Xrotation Yrotation`);
    for (const c of children[j]!) emit(c, depth + 1);
    if (children[j]!.length === 0) {
      const t = [sk.tips[j * 3]! * CM, sk.tips[j * 3 + 1]! * CM, sk.tips[j * 3 + 2]! * CM];
      lines.push(`${pad}  End Site`, `${pad}  {`, `${pad}    OFFSET ${fmt(t[0]!)} ${fmt(t[1]!)} ${fmt(t[2]!)}`, `${pad}  }`);
    }
    lines.push(`${pad}}`);
  };
  emit(0, 0);
  lines.push('MOTION', `Frames: ${motion.frames}`, `Frame Time: ${(1 / motion.fps).toFixed(7)}`);
  const prev = new Float64Array(jc * 3);
  const e = [0, 0, 0];
  const D = 180 / Math.PI;
  for (let f = 0; f < motion.frames; f++) {
    const vals: string[] = [fmt(motion.rootPos[f * 3]! * CM), fmt(motion.rootPos[f * 3 + 1]! * CM), fmt(motion.rootPos[f * 3 + 2]! * CM)];
    for (const j of order) {
      const p = positions.get(j);
      if (p) vals.push(fmt(p[f * 3]! * CM), fmt(p[f * 3 + 1]! * CM), fmt(p[f * 3 + 2]! * CM));
      const o = (f * jc + j) * 4;
      quatToZXY(motion.rot[o]!, motion.rot[o + 1]!, motion.rot[o + 2]!, motion.rot[o + 3]!, e);
      for (let k = 0; k < 3; k++) {
        let a = e[k]! * D;
        if (f > 0) {
          const p = prev[j * 3 + k]!;
          a += 360 * Math.round((p - a) / 360);
        }
        prev[j * 3 + k] = a;
        vals.push(fmt(a));
      }
    }
    lines.push(vals.join(' '));
  }
  return lines.join('\n') + '\n';
}
