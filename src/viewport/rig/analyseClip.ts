/**
 * What an animator checks besides the pose: where the root travels (the path trail) and when each foot is planted
 * (foot-contact markers; sliding feet are the most common flaw of generated motion). Computed once per clip by
 * sampling it, in world metres after placement, so thresholds are in real units.
 */
import { Vector3 } from 'three';
import type { AnimationAction, AnimationMixer, Object3D } from 'three';
import type { Span } from '../../player/index.ts';

export interface ClipAnalysis {
  /** Sample times, seconds. */
  times: Float32Array;
  /** Root world position per sample: x, y, z. */
  trail: Float32Array;
  /** Foot world position per sample (x, y, z), when the foot bones are known. */
  feet: { left: Float32Array | null; right: Float32Array | null };
  contacts: { left: Span[]; right: Span[] };
}

export interface AnalysisRig {
  root: Object3D;
  rootBone: Object3D | null;
  leftFoot: Object3D | null;
  rightFoot: Object3D | null;
  leftToes: Object3D | null;
  rightToes: Object3D | null;
}

/** Height above the foot's lowest point (m) and horizontal speed (m/s) below which a foot counts as planted. */
const CONTACT_HEIGHT_M = 0.05;
const CONTACT_SPEED_MS = 0.5;
const MIN_CONTACT_SEC = 0.06;
const MAX_SAMPLES = 1200;

const v = new Vector3();

export function analyseClip(rig: AnalysisRig, mixer: AnimationMixer, action: AnimationAction, duration: number, fps: number): ClipAnalysis {
  const rate = Math.min(Math.max(fps, 10), 60);
  const count = Math.max(2, Math.min(MAX_SAMPLES, Math.floor(duration * rate) + 1));
  const times = new Float32Array(count);
  const trail = new Float32Array(count * 3);
  const track = (b: Object3D | null) => (b ? new Float32Array(count * 3) : null);
  const lf = track(rig.leftFoot),
    rf = track(rig.rightFoot),
    lt = track(rig.leftToes),
    rt = track(rig.rightToes);
  const put = (arr: Float32Array | null, bone: Object3D | null, i: number) => {
    if (!arr || !bone) return;
    bone.getWorldPosition(v);
    arr[i * 3] = v.x;
    arr[i * 3 + 1] = v.y;
    arr[i * 3 + 2] = v.z;
  };
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 0 : (i / (count - 1)) * duration;
    times[i] = t;
    action.time = t;
    mixer.update(0);
    rig.root.updateMatrixWorld(true);
    put(trail, rig.rootBone, i);
    put(lf, rig.leftFoot, i);
    put(rf, rig.rightFoot, i);
    put(lt, rig.leftToes, i);
    put(rt, rig.rightToes, i);
  }
  return {
    times,
    trail,
    feet: { left: lf, right: rf },
    contacts: { left: footContacts(times, lf, lt), right: footContacts(times, rf, rt) },
  };
}

/** Planted spans of one foot: ankle or toes low and nearly still, cleaned of one-sample flickers. */
function footContacts(times: Float32Array, ankle: Float32Array | null, toes: Float32Array | null): Span[] {
  const n = times.length;
  if (!ankle || n < 2) return [];
  const planted = new Uint8Array(n);
  const low = (arr: Float32Array) => {
    let min = Infinity;
    for (let i = 0; i < n; i++) min = Math.min(min, arr[i * 3 + 1]!);
    return min;
  };
  const test = (arr: Float32Array, i: number, floor: number) => {
    const a = Math.max(0, i - 1),
      b = Math.min(n - 1, i + 1);
    const dt = times[b]! - times[a]!;
    const speed = dt > 0 ? Math.hypot(arr[b * 3]! - arr[a * 3]!, arr[b * 3 + 2]! - arr[a * 3 + 2]!) / dt : 0;
    return arr[i * 3 + 1]! <= floor + CONTACT_HEIGHT_M && speed <= CONTACT_SPEED_MS;
  };
  const ankleFloor = low(ankle);
  const toeFloor = toes ? low(toes) : 0;
  for (let i = 0; i < n; i++) planted[i] = test(ankle, i, ankleFloor) || (toes !== null && test(toes, i, toeFloor)) ? 1 : 0;
  // Close one-sample gaps (noise in mocap), then keep spans long enough to be real steps.
  for (let i = 1; i < n - 1; i++) if (!planted[i] && planted[i - 1] && planted[i + 1]) planted[i] = 1;
  const spans: Span[] = [];
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && planted[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const s = times[start]!,
        e = times[i - 1]!;
      if (e - s >= MIN_CONTACT_SEC || (start === 0 && i === n)) spans.push({ start: s, end: e });
      start = -1;
    }
  }
  return spans;
}
