/**
 * Standing idle: feet stay planted where the previous segment left them, the pelvis shifts weight
 * slowly between the feet, the chest breathes and the head drifts. Also the base under upper-body
 * gestures (wave, clap, ...) that are sequenced on their own.
 */
import { STAND_HIPS_Y } from '../core/skeleton.ts';
import type { GenCtx } from './context.ts';
import { setPelvis } from './pose.ts';
import { lerp, smoothstep } from './smooth.ts';
import { setFoot } from './track.ts';
import { writeUpper } from './upper.ts';

export function synthIdle(ctx: GenCtx): void {
  const { tr, start, n, st, vp, style } = ctx;
  const fps = tr.fps;
  const [l, r] = st.feet;
  // Centre of the stance: the pelvis sways around the midpoint between the planted feet.
  const cx = (l.x + r.x) / 2,
    cz = (l.z + r.z) / 2;
  // Weight shifts along the line between the feet.
  const latLen = Math.hypot(l.x - r.x, l.z - r.z) || 1;
  const latX = (l.x - r.x) / latLen,
    latZ = (l.z - r.z) / latLen;
  const sway = 0.018 * (1 + 0.5 * style.age) * vp.gesture;
  const y0 = st.hipsY;
  // Standing on a raised support (a stair, a box) keeps the hips above it.
  const ground = Math.max(0, Math.min(l.y, r.y) - 0.08);
  const settle = Math.max(1, Math.round(0.4 * fps));
  for (let i = 0; i < n; i++) {
    const fr = start + i,
      time = fr / fps;
    const w = Math.sin(2 * Math.PI * 0.18 * time + vp.noisePhase);
    // Ease from where the previous segment left the root toward the stance centre.
    const e = smoothstep((i + 1) / settle);
    const bx = lerp(st.x, cx, e),
      bz = lerp(st.z, cz, e);
    tr.root[fr * 3] = bx + latX * sway * w;
    tr.root[fr * 3 + 1] = lerp(y0, STAND_HIPS_Y + ground - 0.02 * style.age, e) - 0.004 * Math.abs(w);
    tr.root[fr * 3 + 2] = bz + latZ * sway * w;
    tr.yaw[fr] = st.yaw;
    setPelvis(tr, fr, 0.01, 0.03 * w, 0.01 * Math.sin(2 * Math.PI * 0.07 * time + vp.noisePhase));
    const headYaw = 0.06 * Math.sin(2 * Math.PI * 0.11 * time + 2 * vp.noisePhase);
    writeUpper(
      tr.rot,
      fr,
      { time, swingL: 0.02 * w, swingR: -0.02 * w, elbow: 0.2, lean: 0, twist: 0.02 * w, headYaw, headPitch: 0.03 * Math.sin(2 * Math.PI * 0.09 * time) },
      vp,
      style,
    );
    for (const sd of [0, 1] as const) {
      const ft = st.feet[sd];
      setFoot(tr, fr, sd, ft.x, ft.y, ft.z, ft.yaw);
      tr.contacts[fr * 2 + sd] = 1;
    }
  }
  st.x = cx;
  st.z = cz;
  st.hipsY = tr.root[(start + n - 1) * 3 + 1]!;
  st.posture = 'stand';
}
