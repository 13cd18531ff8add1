/**
 * Front kicks: the kicking leg leaves IK control and is driven by joint angles through chamber
 * (knee up, lower leg folded), extension (knee snaps straight at hip height) and retraction, then
 * IK takes over again to replant the foot where it started. The standing leg stays planted, the
 * torso leans back to counterbalance and the arms come up into a guard.
 */
import type { GenCtx } from './context.ts';
import { sampleKeys } from './keys.ts';
import type { Key } from './keys.ts';
import { armPose, setArm, setEuler, setPelvis } from './pose.ts';
import { LEG } from '../core/skeleton.ts';
import { bump, smoothstep } from './smooth.ts';
import { setFoot } from './track.ts';
import { writeUpper } from './upper.ts';

export function synthKick(ctx: GenCtx, opts: { side?: 0 | 1; count?: number }): void {
  const { tr, start, n, st, vp, style, rng } = ctx;
  const fps = tr.fps;
  const dur = (n - 1) / fps;
  const reps = Math.max(1, opts.count ?? Math.max(1, Math.round((dur - 0.3) / 1.1)));
  const first: 0 | 1 = opts.side ?? 1;
  const height = rng.range(1.1, 1.5) * vp.gesture; // hip flexion at full extension
  // Channels per kick (u ∈ 0..1): hip flexion, knee flexion, foot pitch, IK weight, lean.
  const keys: Key[] = [
    { t: 0, v: [0, 0.05, 0, 1, 0] },
    { t: 0.15, v: [-0.3, 0.5, 0.2, 0, -0.05] },
    { t: 0.38, v: [-height * 0.85, 1.9, 0.5, 0, -0.15] },
    { t: 0.52, v: [-height, 0.08, 0.7, 0, -0.25] },
    { t: 0.68, v: [-height * 0.8, 1.8, 0.4, 0, -0.15] },
    { t: 0.88, v: [-0.2, 0.5, 0.1, 0, -0.03] },
    { t: 1, v: [0, 0.05, 0, 1, 0] },
  ];
  const ch = [0, 0, 0, 0, 0];
  const lead = Math.min(0.15, dur / 4);
  const period = Math.max(1 / fps, (dur - 2 * lead) / reps);
  const [l, r] = st.feet;
  const cx = (l.x + r.x) / 2,
    cz = (l.z + r.z) / 2;
  for (let i = 0; i < n; i++) {
    const fr = start + i,
      t = i / fps;
    const x = Math.max(0, Math.min(reps - 1e-9, (t - lead) / period));
    const k = Math.floor(x),
      u = t < lead || t > dur - lead ? 0 : x - k;
    const side = ((first + k) % 2) as 0 | 1;
    sampleKeys(keys, u, ch);
    const stance = side === 0 ? st.feet[1] : st.feet[0];
    // Shift the hips over the standing foot for the duration of each kick.
    const shift = 0.75 * bump(Math.min(1, u * 1.2));
    tr.root[fr * 3] = cx + (stance.x - cx) * shift;
    tr.root[fr * 3 + 1] = st.hipsY - 0.03 * shift;
    tr.root[fr * 3 + 2] = cz + (stance.z - cz) * shift;
    tr.yaw[fr] = st.yaw;
    setPelvis(tr, fr, ch[4]! * 0.5, 0, 0);
    writeUpper(tr.rot, fr, { time: fr / fps, swingL: 0, swingR: 0, elbow: 0.2, lean: ch[4]!, twist: 0, headYaw: 0, headPitch: -ch[4]! * 0.5 }, vp, style);
    const guard = smoothstep(Math.min(t / 0.3, (dur - t) / 0.3));
    for (const s of [0, 1] as const) setArm(tr.rot, fr, s, armPose({ down: 1.2 - 0.2 * guard, forward: 0.5 * guard, elbow: 0.3 + 1.4 * guard, wrist: 0.2, shrug: 0.05 * guard }));
    for (const sd of [0, 1] as const) {
      const ft = st.feet[sd];
      setFoot(tr, fr, sd, ft.x, ft.y, ft.z, ft.yaw);
      const kicking = sd === side && u > 0;
      tr.ikw[fr * 2 + sd] = kicking ? ch[3]! : 1;
      tr.contacts[fr * 2 + sd] = kicking && ch[3]! < 0.99 ? 0 : 1;
      if (kicking) {
        const ids = LEG[sd];
        setEuler(tr.rot, fr, ids.upper, ch[0]!, 0, 0);
        setEuler(tr.rot, fr, ids.lower, ch[1]!, 0, 0);
        setEuler(tr.rot, fr, ids.foot, ch[2]!, 0, 0);
        setEuler(tr.rot, fr, ids.toes, 0, 0, 0);
      }
    }
  }
  st.posture = 'stand';
}
