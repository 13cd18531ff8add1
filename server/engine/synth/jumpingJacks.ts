/**
 * Jumping jacks: each repetition is two small ballistic hops, landing with the feet apart and the
 * arms overhead, then back together with the arms at the sides. Hop height and flight time obey
 * the same projectile law as big jumps.
 */
import { STAND_HIPS_Y } from '../core/skeleton.ts';
import type { GenCtx } from './context.ts';
import { GRAVITY } from './jump.ts';
import { armPose, setArm, setPelvis } from './pose.ts';
import { smoothstep } from './smooth.ts';
import { setFoot } from './track.ts';
import { writeUpper } from './upper.ts';

export function synthJumpingJacks(ctx: GenCtx, count?: number): void {
  const { tr, start, n, st, vp, style, rng } = ctx;
  const fps = tr.fps;
  const dur = (n - 1) / fps;
  const reps = Math.max(1, count ?? Math.round(dur / 1.0));
  // Hips rise 12–17 cm: enough that both feet clear the floor by a hand's breadth at the top of every
  // hop (a jumping jack is a jump, not a sway); the variant's amplitude scales it, never below ~11 cm.
  const h = rng.range(0.12, 0.17) * Math.max(0.9, vp.gesture);
  const v0 = Math.sqrt(2 * GRAVITY * h),
    flight = (2 * v0) / GRAVITY;
  const half = Math.max(flight + 0.1, (dur - 0.2) / (reps * 2)); // one hop per half repetition
  const spread = rng.range(0.22, 0.3);
  const [l, r] = st.feet;
  const cx = (l.x + r.x) / 2,
    cz = (l.z + r.z) / 2;
  const lat = [Math.cos(st.yaw), -Math.sin(st.yaw)];
  for (let i = 0; i < n; i++) {
    const fr = start + i,
      t = i / fps - 0.1;
    const hop = Math.max(0, Math.min(reps * 2 - 1e-9, t / half));
    const k = Math.floor(hop),
      u = t < 0 ? 0 : hop - k;
    const ground = half - flight;
    const tt = u * half;
    // Ground contact first (absorb and push), then the flight.
    let y = STAND_HIPS_Y,
      air = false,
      s = 0;
    if (t >= 0 && t < reps * 2 * half && tt > ground) {
      const ft = tt - ground;
      y = STAND_HIPS_Y + v0 * ft - 0.5 * GRAVITY * ft * ft;
      air = true;
      s = ft / flight;
    } else if (t >= 0 && t < reps * 2 * half) {
      y = STAND_HIPS_Y - 0.05 * Math.sin(Math.PI * (tt / ground));
    }
    // Apart after odd hops' landing: the stance alternates apart (k even lands apart) / together.
    const from = k % 2 === 0 ? 0 : 1,
      to = k % 2 === 0 ? 1 : 0;
    const apartNow = t < 0 || t >= reps * 2 * half ? 0 : air ? from + (to - from) * smoothstep(s) : from;
    const armsNow = apartNow;
    tr.root[fr * 3] = cx;
    tr.root[fr * 3 + 1] = y;
    tr.root[fr * 3 + 2] = cz;
    tr.yaw[fr] = st.yaw;
    setPelvis(tr, fr, 0.02, 0, 0);
    writeUpper(tr.rot, fr, { time: fr / fps, swingL: 0, swingR: 0, elbow: 0.2, lean: 0.02, twist: 0, headYaw: 0, headPitch: 0 }, vp, style);
    for (const sd of [0, 1] as const) setArm(tr.rot, fr, sd, armPose({ down: 1.3 - 2.75 * armsNow, forward: 0.1, elbow: 0.2 + 0.15 * armsNow, twist: 0 }));
    for (const sd of [0, 1] as const) {
      const ft = st.feet[sd];
      const sgn = sd === 0 ? 1 : -1;
      const w = sgn * spread * apartNow;
      // In the air the feet rise with the body (plus a little tuck), so they travel clear of the floor.
      setFoot(
        tr,
        fr,
        sd,
        ft.x + lat[0]! * w,
        0.08 + (air ? 0.95 * (y - STAND_HIPS_Y) + 0.05 * Math.sin(Math.PI * s) : 0),
        ft.z + lat[1]! * w,
        ft.yaw + sgn * 0.2 * apartNow,
        air ? 0.3 * Math.sin(Math.PI * s) : 0,
      );
      tr.contacts[fr * 2 + sd] = air ? 0 : 1;
    }
  }
  st.posture = 'stand';
}
