/**
 * Posture changes with planted feet: crouch, squat (repeated), kneel on one knee, sit on the floor
 * and lie down on the back. Each is a keyed path of hips height, hips offset (relative to the feet),
 * pelvis tilt and torso lean; the legs follow through IK, so knees bend exactly as far as the hips
 * descend. Unless the action ends the motion, the character rises again within its segment.
 */
import { STAND_HIPS_Y } from '../core/skeleton.ts';
import type { GenCtx } from './context.ts';
import { sampleKeys } from './keys.ts';
import type { Key } from './keys.ts';
import { armPose, setArm, setEuler, setPelvis } from './pose.ts';
import { J } from '../core/skeleton.ts';
import { bump, lerp, smoothstep } from './smooth.ts';
import { setFoot } from './track.ts';
import { writeUpper } from './upper.ts';

export type PostureKind = 'crouch' | 'squat' | 'kneel' | 'sitFloor' | 'lieDown';

// Channels: 0 hips height, 1 hips back (−forward), 2 pelvis tilt, 3 torso lean, 4 arms forward,
// 5 left foot forward, 6 right foot forward, 7 right foot lift (kneeling), 8 right foot pitch,
// 9 feet apart (extra half-width), 10 feet pitch (toes up when lying), 11 feet contact weight.
const STAND = [STAND_HIPS_Y, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

function downKeys(kind: PostureKind, depth: number): Key[] {
  switch (kind) {
    case 'crouch':
      return [
        { t: 0, v: STAND },
        { t: 0.6, v: [0.62 - 0.05 * depth, 0.12, 0.35, 0.45, 0.7, 0, 0, 0, 0, 0.04, 0, 1] },
        { t: 1, v: [0.58 - 0.05 * depth, 0.1, 0.3, 0.4, 0.6, 0, 0, 0, 0, 0.05, 0, 1] },
      ];
    case 'squat':
      return [
        { t: 0, v: STAND },
        { t: 1, v: [0.52 - 0.04 * depth, 0.18, 0.45, 0.55, 1.3, 0, 0, 0, 0, 0.08, 0, 1] },
      ];
    case 'kneel':
      return [
        { t: 0, v: STAND },
        { t: 0.35, v: [0.85, 0.02, 0.1, 0.15, 0.15, 0.25, -0.1, 0.04, 0.3, 0, 0, 1] },
        { t: 0.75, v: [0.6, 0.02, 0.05, 0.12, 0.1, 0.42, -0.35, 0.08, 0.8, 0, 0, 1] },
        { t: 1, v: [0.53, 0, 0, 0.05, 0.05, 0.42, -0.41, 0.04, 0.95, 0, 0, 1] },
      ];
    case 'sitFloor':
      return [
        { t: 0, v: STAND },
        { t: 0.4, v: [0.6, 0.12, 0.35, 0.5, 0.6, 0, 0, 0, 0, 0.03, 0, 1] },
        { t: 0.75, v: [0.24, 0.38, 0.1, 0.3, 0.7, 0, 0, 0, 0, 0.05, 0, 1] },
        { t: 1, v: [0.15, 0.45, -0.05, 0.1, 0.75, 0, 0, 0, 0, 0.06, 0, 1] },
      ];
    case 'lieDown':
      return [
        { t: 0, v: STAND },
        { t: 0.25, v: [0.6, 0.12, 0.35, 0.5, 0.6, 0, 0, 0, 0, 0.03, 0, 1] },
        { t: 0.45, v: [0.16, 0.45, -0.05, 0.15, 0.6, 0, 0, 0, 0, 0.06, 0, 1] },
        { t: 0.75, v: [0.13, 0.6, -0.8, -0.1, 0.2, 0.2, 0.2, 0, 0, 0.06, -0.5, 0] },
        { t: 1, v: [0.1, 0.85, -1.5, -0.05, 0, 0.38, 0.38, 0, 0, 0.06, -1.2, 0] },
      ];
  }
}

/** Fraction of the segment spent going down (and, when rising, coming up). */
const DOWN_SEC: Record<PostureKind, number> = { crouch: 0.7, squat: 0.8, kneel: 1.3, sitFloor: 1.6, lieDown: 3 };

export function synthPosture(ctx: GenCtx, kind: PostureKind, opts: { rise: boolean; count?: number }): void {
  const { tr, start, n, st, vp, style, rng } = ctx;
  const fps = tr.fps;
  const depth = rng.range(-0.5, 1);
  // How this performer holds the pose, growing in with it (so the standing start is unchanged): more or
  // less forward lean, arms further forward or back, the head turned to one side.
  const leanB = rng.range(-0.08, 0.14),
    armB = rng.range(-0.3, 0.45),
    headB = rng.range(-0.4, 0.4);
  const keys = downKeys(kind, depth);
  const dur = (n - 1) / fps;
  const ch = new Array<number>(12).fill(0);
  const [l, r] = st.feet;
  const cx = (l.x + r.x) / 2,
    cz = (l.z + r.z) / 2;
  const hx = Math.sin(st.yaw),
    hz = Math.cos(st.yaw);
  const lat = [Math.cos(st.yaw), -Math.sin(st.yaw)];
  const reps = kind === 'squat' ? Math.max(1, opts.count ?? Math.max(1, Math.round(dur / 1.8))) : 1;
  const down = Math.max(1 / fps, Math.min(DOWN_SEC[kind] * vp.timing, opts.rise ? dur * 0.45 : dur * 0.9));
  for (let i = 0; i < n; i++) {
    const fr = start + i,
      t = i / fps;
    let u: number;
    if (kind === 'squat') {
      const x = Math.min(1, t / Math.max(1e-3, dur)) * reps;
      u = opts.rise || x < reps - 0.5 ? bump(x - Math.floor(x)) : 1;
      if (x >= reps) u = opts.rise ? 0 : 1;
    } else {
      u = Math.min(1, t / down);
      if (opts.rise && t > dur - down) u = Math.max(0, (dur - t) / down);
    }
    sampleKeys(keys, u, ch);
    const back = ch[1]!;
    const y = ch[0]!;
    tr.root[fr * 3] = cx - hx * back;
    tr.root[fr * 3 + 1] = y;
    tr.root[fr * 3 + 2] = cz - hz * back;
    tr.yaw[fr] = st.yaw;
    setPelvis(tr, fr, ch[2]!, 0, 0);
    const arms = Math.max(0, ch[4]! + armB * u),
      lean = ch[3]! + leanB * u * ch[11]!;
    writeUpper(
      tr.rot,
      fr,
      { time: fr / fps, swingL: arms, swingR: arms, elbow: 0.2 + 0.6 * Math.min(1, arms), lean, twist: 0, headYaw: headB * u, headPitch: -lean * 0.5 },
      vp,
      style,
    );
    if (kind === 'lieDown') {
      const k = smoothstep((u - 0.45) / 0.55);
      for (const sd of [0, 1] as const) setArm(tr.rot, fr, sd, armPose({ down: lerp(1.2, 1.35, k), forward: lerp(0.6, 0.05, k), elbow: lerp(0.7, 0.15, k) }));
      setEuler(tr.rot, fr, J.head, -0.25 * k, 0, 0);
    }
    if (kind === 'kneel') {
      // Forearm resting on the front knee.
      const k = smoothstep(u);
      setArm(tr.rot, fr, 0, armPose({ down: 1.25, forward: 0.5 * k, elbow: 0.2 + 1.2 * k, wrist: 0.2 }));
    }
    for (const sd of [0, 1] as const) {
      const ft = st.feet[sd];
      const sgn = sd === 0 ? 1 : -1;
      const fwd = sd === 0 ? ch[5]! : ch[6]!;
      const apart = ch[9]! * sgn;
      // Feet move relative to where they stood (hips-relative offsets would drag them along with the pelvis).
      const fx = ft.x + hx * fwd + lat[0]! * apart,
        fz = ft.z + hz * fwd + lat[1]! * apart;
      // Feet that travel (stepping forward to kneel, back to the kneeling knee) arc clear of the floor.
      const travel = sd === 0 ? Math.min(1, Math.abs(fwd) / 0.42) : Math.min(1, Math.abs(fwd) / 0.41);
      const arc = kind === 'kneel' ? 0.12 * Math.sin(Math.PI * travel) : 0;
      const lift = (sd === 1 ? ch[7]! : 0) + arc,
        pitch = sd === 1 ? ch[8]! : 0;
      const toesUp = ch[10]!;
      const fy = 0.08 + lift + (pitch > 0 ? 0.13 * Math.sin(pitch) - 0.02 * (1 - Math.cos(pitch)) : 0);
      setFoot(tr, fr, sd, fx, fy, fz, ft.yaw, pitch + toesUp, pitch * 0.8);
      tr.contacts[fr * 2 + sd] = ch[11]! > 0.5 && lift < 0.02 ? 1 : 0;
    }
  }
  // Moving feet (kneel step, lying legs) are not in weight-bearing contact while they move.
  for (const sd of [0, 1] as const) {
    for (let i = 1; i < n; i++) {
      const o0 = ((start + i - 1) * 2 + sd) * 7,
        o1 = ((start + i) * 2 + sd) * 7;
      if (Math.hypot(tr.feet[o1]! - tr.feet[o0]!, tr.feet[o1 + 2]! - tr.feet[o0 + 2]!) > 0.002) tr.contacts[(start + i) * 2 + sd] = 0;
    }
  }
  const last = start + n - 1;
  for (const sd of [0, 1] as const) {
    const o = (last * 2 + sd) * 7;
    st.feet[sd].x = tr.feet[o]!;
    st.feet[sd].z = tr.feet[o + 2]!;
    st.feet[sd].y = 0.08;
  }
  st.x = tr.root[last * 3]!;
  st.z = tr.root[last * 3 + 2]!;
  st.hipsY = tr.root[last * 3 + 1]!;
  st.posture = opts.rise || kind === 'squat' ? 'stand' : kind === 'crouch' ? 'crouch' : kind === 'kneel' ? 'kneel' : kind === 'sitFloor' ? 'sitFloor' : 'lie';
}
