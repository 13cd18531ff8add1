/**
 * Where the render camera is on every frame, decided once for the whole clip from sampled bone positions.
 * Computing the path up front (instead of chasing the character frame by frame) keeps `renderFrame(i)`
 * a pure function of i: frames can be drawn in any order, or again, and come out identical.
 *
 * Modes follow SayMotion's render options (docs/contracts/saymotion.md):
 * - fixed: one camera that sees the whole motion;
 * - cinematic: keeps the character centred, following its (smoothed) path at a constant distance;
 * - face: a head-and-shoulders close-up that follows the head.
 */
import type { RenderPageConfig } from '../../server/contract/renderPage.ts';

export type Vec3 = [number, number, number];

export interface ClipSamples {
  /** Hips (root bone) world position per frame. */
  hips: Vec3[];
  /** Head bone world position per frame, or null when the rig has no bone called "head". */
  head: Vec3[] | null;
  /** Per frame, the min and max corner of all bone positions. */
  boundsMin: Vec3[];
  boundsMax: Vec3[];
}

export interface CameraPose {
  position: Vec3;
  target: Vec3;
}

export interface Lens {
  fovDeg: number;
  aspect: number;
}

const ELEVATION_DEG: Record<RenderPageConfig['camMode'], number> = { fixed: 12, cinematic: 10, face: 3 };
/** Bones are joint centres; the body extends past them (head top, hands, feet). */
const FLESH_PAD = 0.12;
/** Room around the figure: the head keeps clear of the top of the frame and the feet of the bottom. */
const MARGIN = 1.18;
/** Half extents of a head-and-shoulders shot around the head bone. */
const FACE_HALF: Vec3 = [0.28, 0.3, 0.2];

/** Unit vector from the target towards the camera: angle 0 looks at the glTF front (+Z). */
export function viewDirection(angleDeg: number, elevationDeg: number): Vec3 {
  const a = (angleDeg * Math.PI) / 180;
  const e = (elevationDeg * Math.PI) / 180;
  return [Math.sin(a) * Math.cos(e), Math.sin(e), Math.cos(a) * Math.cos(e)];
}

/**
 * The smallest distance along `dir` at which a box (given relative to the target) fits the view in both
 * directions; the box's eight corners are checked, which frames tighter than a bounding sphere.
 */
export function fitDistance(min: Vec3, max: Vec3, dir: Vec3, lens: Lens): number {
  const right = normalize(cross([0, 1, 0], dir));
  const up = cross(dir, right);
  const tanV = Math.tan((lens.fovDeg * Math.PI) / 360);
  const tanH = tanV * Math.max(lens.aspect, 0.1);
  let distance = 0.3;
  for (let i = 0; i < 8; i++) {
    const c: Vec3 = [i & 1 ? max[0] : min[0], i & 2 ? max[1] : min[1], i & 4 ? max[2] : min[2]];
    const depth = dot(c, dir);
    distance = Math.max(distance, depth + Math.abs(dot(c, up)) / tanV, depth + Math.abs(dot(c, right)) / tanH);
  }
  return distance * MARGIN;
}

/** Centred moving average over ±`half` frames (shorter at the ends), so the camera never jitters with the gait. */
export function smooth(points: readonly Vec3[], half: number): Vec3[] {
  return points.map((_, i) => {
    const from = Math.max(0, i - half);
    const to = Math.min(points.length - 1, i + half);
    const sum: Vec3 = [0, 0, 0];
    for (let j = from; j <= to; j++) for (let k = 0; k < 3; k++) sum[k]! += points[j]![k]!;
    const n = to - from + 1;
    return [sum[0] / n, sum[1] / n, sum[2] / n];
  });
}

export function cameraPath(samples: ClipSamples, mode: RenderPageConfig['camMode'], angleDeg: number, lens: Lens, fps: number): CameraPose[] {
  const frames = samples.hips.length;
  if (frames === 0) return [];
  const dir = viewDirection(angleDeg, ELEVATION_DEG[mode]);
  const place = (target: Vec3, distance: number): CameraPose => ({ target, position: add(target, scale(dir, distance)) });

  if (mode === 'fixed') {
    const min = samples.boundsMin.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2])]);
    const max = samples.boundsMax.reduce((a, b) => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2])]);
    const [lo, hi] = pad(min, max, FLESH_PAD);
    const target = mid(lo, hi);
    const pose = place(target, fitDistance(sub(lo, target), sub(hi, target), dir, lens));
    return Array.from({ length: frames }, () => pose);
  }

  if (mode === 'cinematic') {
    // The body's extent around the hips' ground position, over the whole clip: a constant distance that fits
    // every pose, so only the character's travel moves the camera (no breathing zoom).
    const lo: Vec3 = [Infinity, Infinity, Infinity];
    const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < frames; i++) {
      const h = samples.hips[i]!;
      const a = samples.boundsMin[i]!;
      const b = samples.boundsMax[i]!;
      lo[0] = Math.min(lo[0], a[0] - h[0]);
      lo[1] = Math.min(lo[1], a[1]);
      lo[2] = Math.min(lo[2], a[2] - h[2]);
      hi[0] = Math.max(hi[0], b[0] - h[0]);
      hi[1] = Math.max(hi[1], b[1]);
      hi[2] = Math.max(hi[2], b[2] - h[2]);
    }
    const [pl, ph] = pad(lo, hi, FLESH_PAD);
    const centreY = (pl[1] + ph[1]) / 2;
    const local = mid([pl[0], 0, pl[2]], [ph[0], 0, ph[2]]);
    const distance = fitDistance(sub(pl, [local[0], centreY, local[2]]), sub(ph, [local[0], centreY, local[2]]), dir, lens);
    const track = smooth(samples.hips, Math.round(fps * 0.4));
    return track.map((h) => place([h[0] + local[0], centreY, h[2] + local[2]], distance));
  }

  // face: follow the head; without a head bone, the top of the body stands in for it.
  const heads = samples.head ?? samples.boundsMax.map((b, i) => [samples.hips[i]![0], b[1] - 0.12, samples.hips[i]![2]] as Vec3);
  const track = smooth(heads, Math.round(fps * 0.25));
  const distance = fitDistance(scale(FACE_HALF, -1), FACE_HALF, dir, lens);
  return track.map((h) => place([h[0], h[1] - 0.05, h[2]], distance));
}

function pad(min: Vec3, max: Vec3, by: number): [Vec3, Vec3] {
  return [
    [min[0] - by, Math.max(0, min[1] - by), min[2] - by],
    [max[0] + by, max[1] + by, max[2] + by],
  ];
}
const mid = (a: Vec3, b: Vec3): Vec3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
function normalize(a: Vec3): Vec3 {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}
