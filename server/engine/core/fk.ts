/**
 * Forward kinematics: local rotations + root position → world rotations and joint positions.
 * Written against flat arrays with one scratch set per call site so metrics over thousands of
 * frames do not allocate per joint.
 */
import type { Motion } from './motion.ts';
import { qMul, qRotate } from './quat.ts';
import type { Num } from './quat.ts';

const tq = new Float64Array(4);
const tv = new Float64Array(3);
const pq = new Float64Array(4);

/**
 * World rotations (J×4) and positions (J×3) of frame f. `rot`/`root` default to the motion's own
 * arrays but can point at any buffer with the same layout (synthesis works on scratch buffers).
 * `count` limits the pass to joints [0, count): body-only passes (feet, balance) give
 * BODY_JOINT_COUNT and skip the finger joints, which come last; the entries past it are not written.
 */
export function fkFrame(m: Motion, f: number, outRot: Num, outPos: Num, rot: Num = m.rot, root: Num = m.rootPos, count = m.skeleton.parents.length): void {
  const sk = m.skeleton;
  const jc = sk.parents.length;
  const base = f * jc * 4;
  const end = Math.min(count, jc);
  for (let j = 0; j < end; j++) {
    const p = sk.parents[j]!;
    const o = base + j * 4;
    tq[0] = rot[o]!;
    tq[1] = rot[o + 1]!;
    tq[2] = rot[o + 2]!;
    tq[3] = rot[o + 3]!;
    if (p < 0) {
      outRot[j * 4] = tq[0];
      outRot[j * 4 + 1] = tq[1];
      outRot[j * 4 + 2] = tq[2];
      outRot[j * 4 + 3] = tq[3];
      outPos[j * 3] = root[f * 3]!;
      outPos[j * 3 + 1] = root[f * 3 + 1]!;
      outPos[j * 3 + 2] = root[f * 3 + 2]!;
      continue;
    }
    pq[0] = outRot[p * 4]!;
    pq[1] = outRot[p * 4 + 1]!;
    pq[2] = outRot[p * 4 + 2]!;
    pq[3] = outRot[p * 4 + 3]!;
    tv[0] = sk.offsets[j * 3]!;
    tv[1] = sk.offsets[j * 3 + 1]!;
    tv[2] = sk.offsets[j * 3 + 2]!;
    qRotate(tv, pq, tv);
    outPos[j * 3] = outPos[p * 3]! + tv[0];
    outPos[j * 3 + 1] = outPos[p * 3 + 1]! + tv[1];
    outPos[j * 3 + 2] = outPos[p * 3 + 2]! + tv[2];
    qMul(tq, pq, tq);
    outRot[j * 4] = tq[0];
    outRot[j * 4 + 1] = tq[1];
    outRot[j * 4 + 2] = tq[2];
    outRot[j * 4 + 3] = tq[3];
  }
}

/** Joint world positions for every frame: frames × joints × 3. */
export function fkPositions(m: Motion): Float32Array {
  const jc = m.skeleton.parents.length;
  const out = new Float32Array(m.frames * jc * 3);
  const wr = new Float64Array(jc * 4);
  const wp = new Float64Array(jc * 3);
  for (let f = 0; f < m.frames; f++) {
    fkFrame(m, f, wr, wp);
    out.set(wp, f * jc * 3);
  }
  return out;
}

/** Positions and rotations of every frame, for passes that need both (sole points, foot locking). */
export function fkAll(m: Motion): { pos: Float32Array; rot: Float32Array } {
  const jc = m.skeleton.parents.length;
  const pos = new Float32Array(m.frames * jc * 3);
  const rot = new Float32Array(m.frames * jc * 4);
  const wr = new Float64Array(jc * 4);
  const wp = new Float64Array(jc * 3);
  for (let f = 0; f < m.frames; f++) {
    fkFrame(m, f, wr, wp);
    pos.set(wp, f * jc * 3);
    rot.set(wr, f * jc * 4);
  }
  return { pos, rot };
}

/**
 * The first `count` joints of every frame, packed: frames × count × 3/4. Body-only consumers (metrics,
 * variant distances) use it with BODY_JOINT_COUNT to skip the finger joints entirely.
 */
export function fkPrefix(m: Motion, count: number): { pos: Float32Array; rot: Float32Array } {
  const jc = m.skeleton.parents.length,
    c = Math.min(count, jc);
  const pos = new Float32Array(m.frames * c * 3);
  const rot = new Float32Array(m.frames * c * 4);
  const wr = new Float64Array(jc * 4);
  const wp = new Float64Array(jc * 3);
  for (let f = 0; f < m.frames; f++) {
    fkFrame(m, f, wr, wp, m.rot, m.rootPos, c);
    // Plain copies: two subarray views per frame would be most of this pass's garbage.
    for (let i = 0, o = f * c * 3; i < c * 3; i++) pos[o + i] = wp[i]!;
    for (let i = 0, o = f * c * 4; i < c * 4; i++) rot[o + i] = wr[i]!;
  }
  return { pos, rot };
}

/** World position of a point given in joint j's frame, from precomputed world rotation/position arrays. */
export function pointInJoint(out: Num, wRot: Num, wPos: Num, j: number, local: Num, rOff = 0, pOff = 0): void {
  pq[0] = wRot[rOff + j * 4]!;
  pq[1] = wRot[rOff + j * 4 + 1]!;
  pq[2] = wRot[rOff + j * 4 + 2]!;
  pq[3] = wRot[rOff + j * 4 + 3]!;
  tv[0] = local[0]!;
  tv[1] = local[1]!;
  tv[2] = local[2]!;
  qRotate(tv, pq, tv);
  out[0] = wPos[pOff + j * 3]! + tv[0];
  out[1] = wPos[pOff + j * 3 + 1]! + tv[1];
  out[2] = wPos[pOff + j * 3 + 2]! + tv[2];
}
