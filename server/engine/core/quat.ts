/**
 * Quaternion and 3-vector helpers that write into caller-owned scratch arrays.
 * Everything is (x, y, z, w) with Hamilton products, matching glTF and three.js, so motion
 * data can go straight into exporters without reordering. Out-parameters (instead of
 * returning new arrays) keep the per-frame synthesis loops free of allocations.
 */

/** Anything indexable that stores numbers: scratch Float64Arrays, Float32Array motion buffers, plain arrays. */
export type Num = { [i: number]: number; readonly length: number };

function qIdentity(out: Num, o = 0): void {
  out[o] = 0;
  out[o + 1] = 0;
  out[o + 2] = 0;
  out[o + 3] = 1;
}

export function qCopy(out: Num, o: number, src: Num, s: number): void {
  out[o] = src[s]!;
  out[o + 1] = src[s + 1]!;
  out[o + 2] = src[s + 2]!;
  out[o + 3] = src[s + 3]!;
}

/** out = a * b (apply b first, then a). Safe when out aliases a or b. */
export function qMul(out: Num, a: Num, b: Num): void {
  mulConj(out, a, 1, b, 1);
}

/** out = conj(a) * b, i.e. a⁻¹·b for unit quaternions; used to turn world rotations into local ones. */
export function qMulInvA(out: Num, a: Num, b: Num): void {
  mulConj(out, a, -1, b, 1);
}

/** out = a * conj(b); the rotation that takes b to a (used for inertialization offsets). */
export function qMulInvB(out: Num, a: Num, b: Num): void {
  mulConj(out, a, 1, b, -1);
}

/** The Hamilton product with either factor optionally conjugated (sign −1 negates its vector part). */
function mulConj(out: Num, a: Num, sa: 1 | -1, b: Num, sb: 1 | -1): void {
  const ax = sa * a[0]!,
    ay = sa * a[1]!,
    az = sa * a[2]!,
    aw = a[3]!;
  const bx = sb * b[0]!,
    by = sb * b[1]!,
    bz = sb * b[2]!,
    bw = b[3]!;
  out[0] = aw * bx + ax * bw + ay * bz - az * by;
  out[1] = aw * by - ax * bz + ay * bw + az * bx;
  out[2] = aw * bz + ax * by - ay * bx + az * bw;
  out[3] = aw * bw - ax * bx - ay * by - az * bz;
}

export function qNormalize(out: Num, a: Num = out): void {
  const l = Math.hypot(a[0]!, a[1]!, a[2]!, a[3]!);
  if (l < 1e-12) {
    qIdentity(out);
    return;
  }
  out[0] = a[0]! / l;
  out[1] = a[1]! / l;
  out[2] = a[2]! / l;
  out[3] = a[3]! / l;
}

export function qAxisAngle(out: Num, ax: number, ay: number, az: number, angle: number): void {
  const l = Math.hypot(ax, ay, az);
  if (l < 1e-12) {
    qIdentity(out);
    return;
  }
  const s = Math.sin(angle / 2) / l;
  out[0] = ax * s;
  out[1] = ay * s;
  out[2] = az * s;
  out[3] = Math.cos(angle / 2);
}

/** Rotation about +Y; character heading (yaw 0 faces +Z). */
export function qYaw(out: Num, yaw: number): void {
  out[0] = 0;
  out[1] = Math.sin(yaw / 2);
  out[2] = 0;
  out[3] = Math.cos(yaw / 2);
}

/**
 * Rotation from angles applied X first, then Y, then Z (q = Rz·Ry·Rx), in radians.
 * Authoring poses this way reads naturally: pitch the bone, then swing, then roll.
 */
export function qEulerXYZ(out: Num, x: number, y: number, z: number): void {
  const cx = Math.cos(x / 2),
    sx = Math.sin(x / 2);
  const cy = Math.cos(y / 2),
    sy = Math.sin(y / 2);
  const cz = Math.cos(z / 2),
    sz = Math.sin(z / 2);
  // Rz * Ry * Rx expanded.
  out[0] = sx * cy * cz - cx * sy * sz;
  out[1] = cx * sy * cz + sx * cy * sz;
  out[2] = cx * cy * sz - sx * sy * cz;
  out[3] = cx * cy * cz + sx * sy * sz;
}

/** Rotates v by q into out (out may alias v). */
export function qRotate(out: Num, q: Num, v: Num): void {
  const qx = q[0]!,
    qy = q[1]!,
    qz = q[2]!,
    qw = q[3]!;
  const vx = v[0]!,
    vy = v[1]!,
    vz = v[2]!;
  // t = 2 q×v ; v' = v + w t + q×t
  const tx = 2 * (qy * vz - qz * vy);
  const ty = 2 * (qz * vx - qx * vz);
  const tz = 2 * (qx * vy - qy * vx);
  out[0] = vx + qw * tx + (qy * tz - qz * ty);
  out[1] = vy + qw * ty + (qz * tx - qx * tz);
  out[2] = vz + qw * tz + (qx * ty - qy * tx);
}

/** Rotation vector (axis·angle) of q, taking the short way round. */
export function qLog(out: Num, q: Num): void {
  let x = q[0]!,
    y = q[1]!,
    z = q[2]!,
    w = q[3]!;
  if (w < 0) {
    x = -x;
    y = -y;
    z = -z;
    w = -w;
  }
  const s = Math.hypot(x, y, z);
  if (s < 1e-9) {
    out[0] = 2 * x;
    out[1] = 2 * y;
    out[2] = 2 * z;
    return;
  }
  const k = (2 * Math.atan2(s, w)) / s;
  out[0] = x * k;
  out[1] = y * k;
  out[2] = z * k;
}

/** Inverse of qLog. */
export function qExp(out: Num, v: Num): void {
  const a = Math.hypot(v[0]!, v[1]!, v[2]!);
  if (a < 1e-9) {
    out[0] = v[0]! / 2;
    out[1] = v[1]! / 2;
    out[2] = v[2]! / 2;
    out[3] = 1;
    qNormalize(out);
    return;
  }
  const s = Math.sin(a / 2) / a;
  out[0] = v[0]! * s;
  out[1] = v[1]! * s;
  out[2] = v[2]! * s;
  out[3] = Math.cos(a / 2);
}

/** Spherical interpolation on the short arc (sign-flips b when the dot product is negative). */
export function qSlerp(out: Num, a: Num, b: Num, t: number): void {
  let bx = b[0]!,
    by = b[1]!,
    bz = b[2]!,
    bw = b[3]!;
  let d = a[0]! * bx + a[1]! * by + a[2]! * bz + a[3]! * bw;
  if (d < 0) {
    d = -d;
    bx = -bx;
    by = -by;
    bz = -bz;
    bw = -bw;
  }
  let ka: number, kb: number;
  if (d > 0.9995) {
    ka = 1 - t;
    kb = t;
  } else {
    const th = Math.acos(d),
      s = Math.sin(th);
    ka = Math.sin((1 - t) * th) / s;
    kb = Math.sin(t * th) / s;
  }
  out[0] = a[0]! * ka + bx * kb;
  out[1] = a[1]! * ka + by * kb;
  out[2] = a[2]! * ka + bz * kb;
  out[3] = a[3]! * ka + bw * kb;
  qNormalize(out);
}

/**
 * Rotation whose columns are the given orthonormal axes (the rest-frame X, Y, Z map onto them).
 * Used by IK, which knows where a bone should point and which way its hinge should face.
 */
export function qFromBasis(out: Num, x: Num, y: Num, z: Num): void {
  const m00 = x[0]!,
    m10 = x[1]!,
    m20 = x[2]!;
  const m01 = y[0]!,
    m11 = y[1]!,
    m21 = y[2]!;
  const m02 = z[0]!,
    m12 = z[1]!,
    m22 = z[2]!;
  const tr = m00 + m11 + m22;
  if (tr > 0) {
    const s = 0.5 / Math.sqrt(tr + 1);
    out[3] = 0.25 / s;
    out[0] = (m21 - m12) * s;
    out[1] = (m02 - m20) * s;
    out[2] = (m10 - m01) * s;
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * Math.sqrt(1 + m00 - m11 - m22);
    out[3] = (m21 - m12) / s;
    out[0] = 0.25 * s;
    out[1] = (m01 + m10) / s;
    out[2] = (m02 + m20) / s;
  } else if (m11 > m22) {
    const s = 2 * Math.sqrt(1 + m11 - m00 - m22);
    out[3] = (m02 - m20) / s;
    out[0] = (m01 + m10) / s;
    out[1] = 0.25 * s;
    out[2] = (m12 + m21) / s;
  } else {
    const s = 2 * Math.sqrt(1 + m22 - m00 - m11);
    out[3] = (m10 - m01) / s;
    out[0] = (m02 + m20) / s;
    out[1] = (m12 + m21) / s;
    out[2] = 0.25 * s;
  }
  qNormalize(out);
}

/** Heading of a rotation: the yaw of its rotated +Z axis projected on the floor. */
export function qHeading(q: Num): number {
  const x = q[0]!,
    y = q[1]!,
    z = q[2]!,
    w = q[3]!;
  // Rotated +Z = third column of the rotation matrix.
  const fx = 2 * (x * z + w * y);
  const fz = 1 - 2 * (x * x + y * y);
  return Math.atan2(fx, fz);
}

export function wrapAngle(a: number): number {
  return a - 2 * Math.PI * Math.round(a / (2 * Math.PI));
}

/**
 * Negates the quaternion at q[o..o+3] when it lies in the other hemisphere from ref[r..r+3]. q and −q are
 * the same rotation, but LINEAR/slerp interpolation between keys of opposite sign swings the long way round,
 * and averaging them cancels out; every exporter and filter keeps consecutive keys on one side with this.
 */
export function qAlignSign(q: Num, o: number, ref: Num, r: number): void {
  if (q[o]! * ref[r]! + q[o + 1]! * ref[r + 1]! + q[o + 2]! * ref[r + 2]! + q[o + 3]! * ref[r + 3]! < 0) {
    q[o] = -q[o]!;
    q[o + 1] = -q[o + 1]!;
    q[o + 2] = -q[o + 2]!;
    q[o + 3] = -q[o + 3]!;
  }
}

/**
 * One joint's rotations over time from a frame-major rotation buffer (`jointCount` joints per frame), unit
 * length and sign-continuous (see qAlignSign): the values of a glTF LINEAR rotation track.
 */
export function qContinuousTrack(rot: Num, frames: number, jointCount: number, joint: number): Float32Array {
  const v = new Float32Array(frames * 4);
  const q = new Float64Array(4);
  for (let f = 0; f < frames; f++) {
    const o = (f * jointCount + joint) * 4;
    // Normalised after float32 storage; the sign is chosen before rounding back to float32.
    const l = Math.hypot(rot[o]!, rot[o + 1]!, rot[o + 2]!, rot[o + 3]!) || 1;
    for (let k = 0; k < 4; k++) q[k] = rot[o + k]! / l;
    if (f > 0) qAlignSign(q, 0, v, f * 4 - 4);
    v.set(q, f * 4);
  }
  return v;
}
