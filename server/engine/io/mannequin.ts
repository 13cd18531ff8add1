/**
 * The default character: a low-poly mannequin generated in code from the canonical skeleton, so the
 * engine needs no asset files. Each body part is a lathe (rings of vertices around a bone axis) or a
 * box, rigidly bound to one joint; vertices are in rest (bind) pose world space.
 */
import { J, LEG, ARM, restWorldPositions } from '../core/skeleton.ts';
import { fingerJointMap } from '../core/hands.ts';
import type { Skeleton } from '../core/skeleton.ts';

export interface MeshData {
  positions: Float32Array;
  normals: Float32Array;
  joints: Uint16Array;
  weights: Float32Array;
  indices: Uint16Array;
}

class Builder {
  pos: number[] = [];
  idx: number[] = [];
  joint: number[] = [];
  vert(x: number, y: number, z: number, j: number): number {
    this.pos.push(x, y, z);
    this.joint.push(j);
    return this.pos.length / 3 - 1;
  }
  tri(a: number, b: number, c: number): void {
    this.idx.push(a, b, c);
  }

  /**
   * Lathe from a to b: `rings` gives [t, radius] pairs, t along the axis (can extend past 0..1 to cap
   * the ends), radius 0 collapses a ring to a pole. `sides` vertices per ring; `flat` squashes the
   * cross-section along the body's Z (for a torso that is wider than deep).
   */
  lathe(a: readonly number[], b: readonly number[], rings: readonly [number, number][], j: number, sides = 8, flat = 1): void {
    const ax = b[0]! - a[0]!,
      ay = b[1]! - a[1]!,
      az = b[2]! - a[2]!;
    const len = Math.hypot(ax, ay, az);
    const dx = ax / len,
      dy = ay / len,
      dz = az / len;
    // Perpendicular basis; prefer Z as the "depth" direction so flattening squashes front-to-back.
    let ux = 0,
      uy = 0,
      uz = 1;
    if (Math.abs(dz) > 0.9) {
      ux = 0;
      uy = 1;
      uz = 0;
    }
    const d0 = ux * dx + uy * dy + uz * dz;
    ux -= d0 * dx;
    uy -= d0 * dy;
    uz -= d0 * dz;
    const ul = Math.hypot(ux, uy, uz);
    ux /= ul;
    uy /= ul;
    uz /= ul;
    const vx = dy * uz - dz * uy,
      vy = dz * ux - dx * uz,
      vz = dx * uy - dy * ux;
    const ringStart: number[] = [];
    for (const [t, r] of rings) {
      const cx = a[0]! + ax * t,
        cy = a[1]! + ay * t,
        cz = a[2]! + az * t;
      if (r === 0) {
        ringStart.push(-1 - this.vert(cx, cy, cz, j));
        continue;
      }
      ringStart.push(this.pos.length / 3);
      for (let s = 0; s < sides; s++) {
        const th = (2 * Math.PI * s) / sides;
        const cu = Math.cos(th) * r * flat,
          sv = Math.sin(th) * r;
        this.vert(cx + ux * cu + vx * sv, cy + uy * cu + vy * sv, cz + uz * cu + vz * sv, j);
      }
    }
    for (let i = 0; i + 1 < ringStart.length; i++) {
      const r0 = ringStart[i]!,
        r1 = ringStart[i + 1]!;
      for (let s = 0; s < sides; s++) {
        const s1 = (s + 1) % sides;
        if (r0 < 0 && r1 < 0) continue;
        if (r0 < 0) this.tri(-1 - r0, r1 + s1, r1 + s);
        else if (r1 < 0) this.tri(r0 + s, r0 + s1, -1 - r1);
        else {
          this.tri(r0 + s, r0 + s1, r1 + s1);
          this.tri(r0 + s, r1 + s1, r1 + s);
        }
      }
    }
  }

  /** Axis-aligned box from min to max corners (rest pose is axis-aligned, so this suits feet and hands). */
  box(min: readonly number[], max: readonly number[], j: number): void {
    const c = (x: number, y: number, z: number): number[] => [x ? max[0]! : min[0]!, y ? max[1]! : min[1]!, z ? max[2]! : min[2]!];
    // Each face gets its own four vertices so normals stay flat.
    const quads = [
      [c(1, 0, 0), c(1, 1, 0), c(1, 1, 1), c(1, 0, 1)],
      [c(0, 0, 1), c(0, 1, 1), c(0, 1, 0), c(0, 0, 0)],
      [c(0, 1, 0), c(0, 1, 1), c(1, 1, 1), c(1, 1, 0)],
      [c(0, 0, 1), c(0, 0, 0), c(1, 0, 0), c(1, 0, 1)],
      [c(0, 0, 1), c(1, 0, 1), c(1, 1, 1), c(0, 1, 1)],
      [c(1, 0, 0), c(0, 0, 0), c(0, 1, 0), c(1, 1, 0)],
    ];
    for (const q of quads) {
      const i0 = this.vert(q[0]![0]!, q[0]![1]!, q[0]![2]!, j);
      for (let k = 1; k < 4; k++) this.vert(q[k]![0]!, q[k]![1]!, q[k]![2]!, j);
      this.tri(i0, i0 + 1, i0 + 2);
      this.tri(i0, i0 + 2, i0 + 3);
    }
  }
}

const CAPSULE: [number, number][] = [
  [-0.12, 0],
  [-0.06, 0.75],
  [0, 1],
  [1, 0.85],
  [1.06, 0.6],
  [1.12, 0],
];
/** A finger phalanx: rounded at the knuckle end, tapering slightly, closed at the far end. */
const PHALANX: [number, number][] = [
  [-0.18, 0],
  [-0.1, 0.8],
  [0, 1],
  [1, 0.88],
  [1.12, 0.6],
  [1.2, 0],
];
/** Phalanx radius per finger (thumb, index, middle, ring, little), metres. */
const FINGER_RADIUS = [0.0105, 0.0088, 0.0092, 0.0086, 0.0076];

type Point = (j: number) => number[];

/**
 * A hand: a palm block from the wrist to the knuckles bound to the hand joint, and one tapered
 * segment per phalanx bound to its finger joint, so hand shapes show. A rig without finger joints
 * gets a mitten (the palm block running to the fingertips).
 */
function hand(b: Builder, sk: Skeleton, side: 0 | 1, p: Point, tip: Point): void {
  const h = p(ARM[side].hand);
  const fingers = fingerJointMap(sk)[side]!;
  const sx = side === 0 ? 1 : -1;
  if (fingers[3]! < 0) {
    const end = h[0]! + sx * 0.18;
    b.box([Math.min(h[0]!, end), h[1]! - 0.02, h[2]! - 0.045], [Math.max(h[0]!, end), h[1]! + 0.02, h[2]! + 0.045], ARM[side].hand);
    return;
  }
  // Palm: from the wrist to just short of the knuckle row, as wide as the index-to-little knuckles.
  const knuckles = [3, 6, 9, 12].map((k) => p(fingers[k]!));
  const kx = Math.min(...knuckles.map((k) => Math.abs(k[0]! - h[0]!))) - 0.004;
  const zs = knuckles.map((k) => k[2]!);
  b.box([Math.min(h[0]!, h[0]! + sx * kx), h[1]! - 0.017, Math.min(...zs) - 0.011], [Math.max(h[0]!, h[0]! + sx * kx), h[1]! + 0.015, Math.max(...zs) + 0.011], ARM[side].hand);
  for (let f = 0; f < 5; f++) {
    for (let k = 0; k < 3; k++) {
      const j = fingers[f * 3 + k]!;
      if (j < 0) continue;
      const next = k < 2 ? fingers[f * 3 + k + 1]! : -1;
      const end = next >= 0 ? p(next) : tip(j);
      const r = FINGER_RADIUS[f]! * (1 - 0.08 * k);
      b.lathe(
        p(j),
        end,
        PHALANX.map(([t, q]) => [t, q * r] as [number, number]),
        j,
        6,
      );
    }
  }
}

export function buildMannequin(sk: Skeleton): MeshData {
  const w = restWorldPositions(sk);
  const p = (j: number): number[] => [w[j * 3]!, w[j * 3 + 1]!, w[j * 3 + 2]!];
  const tip = (j: number): number[] => [w[j * 3]! + sk.tips[j * 3]!, w[j * 3 + 1]! + sk.tips[j * 3 + 1]!, w[j * 3 + 2]! + sk.tips[j * 3 + 2]!];
  const scale = (rings: [number, number][], r: number): [number, number][] => rings.map(([t, k]) => [t, k * r]);
  const b = new Builder();
  const hips = p(J.hips);
  b.lathe(
    [hips[0]!, hips[1]! - 0.1, hips[2]!],
    [hips[0]!, hips[1]! + 0.1, hips[2]!],
    [
      [-0.15, 0],
      [0, 0.13],
      [0.5, 0.16],
      [1, 0.14],
      [1.1, 0],
    ],
    J.hips,
    10,
    0.7,
  );
  b.lathe(
    p(J.spine),
    p(J.chest),
    [
      [0, 0.13],
      [1, 0.14],
    ],
    J.spine,
    10,
    0.65,
  );
  b.lathe(
    p(J.chest),
    p(J.upperChest),
    [
      [0, 0.14],
      [1, 0.16],
    ],
    J.chest,
    10,
    0.65,
  );
  b.lathe(
    p(J.upperChest),
    p(J.neck),
    [
      [0, 0.16],
      [0.7, 0.17],
      [1, 0.1],
      [1.05, 0],
    ],
    J.upperChest,
    10,
    0.62,
  );
  b.lathe(
    p(J.neck),
    p(J.head),
    [
      [0, 0.05],
      [1, 0.05],
    ],
    J.neck,
    8,
  );
  b.lathe(
    p(J.head),
    tip(J.head),
    [
      [0, 0],
      [0.1, 0.075],
      [0.45, 0.105],
      [0.8, 0.09],
      [1, 0],
    ],
    J.head,
    10,
    0.95,
  );
  // Nose, so the facing direction is visible.
  const hd = p(J.head);
  b.lathe(
    [hd[0]!, hd[1]! + 0.09, hd[2]! + 0.085],
    [hd[0]!, hd[1]! + 0.09, hd[2]! + 0.13],
    [
      [0, 0.02],
      [1, 0],
    ],
    J.head,
    5,
  );
  for (const side of [0, 1] as const) {
    const arm = ARM[side],
      leg = LEG[side];
    b.lathe(
      p(arm.shoulder),
      p(arm.upper),
      [
        [0, 0.05],
        [1, 0.055],
      ],
      arm.shoulder,
      8,
    );
    b.lathe(p(arm.upper), p(arm.lower), scale(CAPSULE, 0.055), arm.upper, 8);
    b.lathe(p(arm.lower), p(arm.hand), scale(CAPSULE, 0.045), arm.lower, 8);
    hand(b, sk, side, p, tip);
    b.lathe(
      p(leg.upper),
      p(leg.lower),
      [
        [-0.08, 0],
        [-0.04, 0.06],
        [0, 0.08],
        [1, 0.06],
        [1.05, 0.045],
        [1.1, 0],
      ],
      leg.upper,
      8,
    );
    b.lathe(p(leg.lower), p(leg.foot), scale(CAPSULE, 0.052), leg.lower, 8);
    const a = p(leg.foot),
      t = p(leg.toes),
      tt = tip(leg.toes);
    b.box([a[0]! - 0.045, 0, a[2]! - 0.06], [a[0]! + 0.045, a[1]! + 0.02, t[2]!], leg.foot);
    b.box([t[0]! - 0.042, 0, t[2]!], [t[0]! + 0.042, 0.04, tt[2]!], leg.toes);
  }
  const positions = new Float32Array(b.pos);
  const nv = positions.length / 3;
  const normals = new Float32Array(nv * 3);
  for (let i = 0; i < b.idx.length; i += 3) {
    const ia = b.idx[i]! * 3,
      ib = b.idx[i + 1]! * 3,
      ic = b.idx[i + 2]! * 3;
    const e1x = positions[ib]! - positions[ia]!,
      e1y = positions[ib + 1]! - positions[ia + 1]!,
      e1z = positions[ib + 2]! - positions[ia + 2]!;
    const e2x = positions[ic]! - positions[ia]!,
      e2y = positions[ic + 1]! - positions[ia + 1]!,
      e2z = positions[ic + 2]! - positions[ia + 2]!;
    const nx = e1y * e2z - e1z * e2y,
      ny = e1z * e2x - e1x * e2z,
      nz = e1x * e2y - e1y * e2x;
    for (const v of [ia, ib, ic]) {
      normals[v] = normals[v]! + nx;
      normals[v + 1] = normals[v + 1]! + ny;
      normals[v + 2] = normals[v + 2]! + nz;
    }
  }
  for (let v = 0; v < nv; v++) {
    const l = Math.hypot(normals[v * 3]!, normals[v * 3 + 1]!, normals[v * 3 + 2]!) || 1;
    if (l === 1 && normals[v * 3]! === 0 && normals[v * 3 + 1]! === 0 && normals[v * 3 + 2]! === 0) {
      normals[v * 3 + 1] = 1;
      continue;
    }
    normals[v * 3] = normals[v * 3]! / l;
    normals[v * 3 + 1] = normals[v * 3 + 1]! / l;
    normals[v * 3 + 2] = normals[v * 3 + 2]! / l;
  }
  const joints = new Uint16Array(nv * 4);
  const weights = new Float32Array(nv * 4);
  for (let v = 0; v < nv; v++) {
    joints[v * 4] = b.joint[v]!;
    weights[v * 4] = 1;
  }
  return { positions, normals, joints, weights, indices: new Uint16Array(b.idx) };
}
