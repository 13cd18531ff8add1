/**
 * Sitting on an (implied) chair and standing back up. Feet stay planted; the pelvis travels back
 * and down to seat height while the torso leans forward to keep balance over the feet, then settles
 * upright. Knees bend through IK, so the legs always meet the planted feet.
 */
import { STAND_HIPS_Y } from '../core/skeleton.ts';
import type { GenCtx } from './context.ts';
import { sampleKeys } from './keys.ts';
import type { Key } from './keys.ts';
import { armPose, setArm, setPelvis } from './pose.ts';
import { setFoot } from './track.ts';
import { writeUpper } from './upper.ts';

const SEAT_Y = 0.53; // hips height on a chair seat ~0.45 m high
const SEAT_BACK = 0.36; // hips behind the ankles when seated

/** direction 'down' sits, 'up' stands; the transition takes `transSec` and the rest of the segment holds. */
export function synthSit(ctx: GenCtx, direction: 'down' | 'up', transSec = 1.3): void {
  const { tr, start, n, st, vp, style } = ctx;
  const fps = tr.fps;
  const T = Math.min(transSec * vp.timing, (n - 1) / fps);
  // Channels: hips height, hips back, torso lean, pelvis tilt, hands-on-thighs weight.
  const down: Key[] = [
    { t: 0, v: [st.hipsY, 0, 0, 0, 0] },
    { t: 0.35 * T, v: [STAND_HIPS_Y - 0.12, 0.12, 0.55, 0.25, 0.3] },
    { t: 0.75 * T, v: [SEAT_Y + 0.03, SEAT_BACK - 0.02, 0.35, 0.05, 0.9] },
    { t: T, v: [SEAT_Y, SEAT_BACK, 0.04 + 0.1 * Math.max(0, -style.energy), -0.12, 1] },
  ];
  const up: Key[] = [
    { t: 0, v: [SEAT_Y, SEAT_BACK, 0.04, -0.12, 1] },
    { t: 0.3 * T, v: [SEAT_Y + 0.02, SEAT_BACK, 0.6, 0.2, 0.9] },
    { t: 0.65 * T, v: [STAND_HIPS_Y - 0.15, 0.1, 0.45, 0.2, 0.3] },
    { t: T, v: [STAND_HIPS_Y, 0, 0, 0, 0] },
  ];
  const keys = direction === 'down' ? (st.posture === 'sit' ? [down[3]!] : down) : st.posture === 'sit' ? up : [up[3]!];
  const ch = [0, 0, 0, 0, 0];
  const [l, r] = st.feet;
  const cx = (l.x + r.x) / 2,
    cz = (l.z + r.z) / 2;
  const hx = Math.sin(st.yaw),
    hz = Math.cos(st.yaw);
  for (let i = 0; i < n; i++) {
    const fr = start + i,
      time = i / fps;
    sampleKeys(keys, time, ch);
    const breath = 0.01 * Math.sin(2 * Math.PI * vp.breathRate * (fr / fps) + vp.noisePhase);
    tr.root[fr * 3] = cx - hx * ch[1]!;
    tr.root[fr * 3 + 1] = ch[0]! + breath * 0.2;
    tr.root[fr * 3 + 2] = cz - hz * ch[1]!;
    tr.yaw[fr] = st.yaw;
    setPelvis(tr, fr, ch[3]!, 0, 0);
    writeUpper(tr.rot, fr, { time: fr / fps, swingL: 0, swingR: 0, elbow: 0.2, lean: ch[2]!, twist: 0, headYaw: 0, headPitch: -ch[2]! * 0.4 }, vp, style);
    const w = ch[4]!;
    if (w > 0.01) {
      // Hands come to rest on the thighs: arms forward and down, elbows bent.
      for (const sd of [0, 1] as const) setArm(tr.rot, fr, sd, armPose({ down: 1.25 + 0.1 * (1 - w), forward: 0.75 * w, elbow: 0.2 + 0.9 * w, wrist: 0.3 * w, twist: 0 }));
    }
    for (const sd of [0, 1] as const) {
      const ft = st.feet[sd];
      setFoot(tr, fr, sd, ft.x, ft.y, ft.z, ft.yaw);
      tr.contacts[fr * 2 + sd] = 1;
    }
  }
  st.hipsY = tr.root[(start + n - 1) * 3 + 1]!;
  st.x = cx - hx * ch[1]!;
  st.z = cz - hz * ch[1]!;
  st.posture = direction === 'down' ? 'sit' : 'stand';
  if (direction === 'up') {
    st.x = cx;
    st.z = cz;
  }
}
