/**
 * Phase-based locomotion over a "run" of consecutive stepping segments (walk → turn → run ...).
 * The root path is integrated from a smoothed speed profile; footprints are planted where the root
 * will be at each foot's mid-stance, so feet land under the body at any speed; swing feet follow
 * eased arcs between footprints. Turning in place is the same machinery at zero speed: the heading
 * rotates, footprint targets rotate with it and the feet step to catch up.
 */
import { wrapAngle } from '../core/quat.ts';
import { STAND_HIPS_Y } from '../core/skeleton.ts';
import type { GenCtx } from './context.ts';
import { GAITS } from './gaits.ts';
import type { GaitKind } from './gaits.ts';
import { setPelvis } from './pose.ts';
import { lerp, smootherstep, smoothstep } from './smooth.ts';
import { setFoot } from './track.ts';
import { writeUpper } from './upper.ts';

export interface LocoPart {
  n: number;
  gait: GaitKind;
  /** Target speed, m/s (0 = turn in place). */
  speed: number;
  /** Direction of travel relative to the heading: 0 forward, π backward, +π/2 to the left. */
  dir: number;
  /** Heading change over this part (radians, + = left). */
  turn: number;
}

interface Step { side: 0 | 1; lift: number; land: number; fx: number; fz: number; fyaw: number; tx: number; tz: number; tyaw: number; rise: number; riseWin: number; clear: number }

const BALL = 0.13; // ankle → ball of foot, horizontally
const TOE_Y = 0.02; // ball height above the floor
const ANKLE_ABOVE_BALL = 0.06;

/** Ankle position when the foot pitches up around the ball of the foot (heel rise). */
function heelRaised(fx: number, fz: number, yaw: number, p: number, out: Float64Array): void {
  const sx = Math.sin(yaw), cz = Math.cos(yaw);
  const bx = fx + sx * BALL, bz = fz + cz * BALL;
  const along = -BALL * Math.cos(p) + ANKLE_ABOVE_BALL * Math.sin(p);
  out[0] = bx + sx * along;
  out[1] = TOE_Y + BALL * Math.sin(p) + ANKLE_ABOVE_BALL * Math.cos(p);
  out[2] = bz + cz * along;
}

export function synthLocomotion(ctx: GenCtx, parts: readonly LocoPart[]): void {
  const { tr, start, n, st, vp, style } = ctx;
  const fps = tr.fps, dt = 1 / fps;
  const partOf = new Uint16Array(n);
  const yawA = new Float64Array(n), vA = new Float64Array(n), gx = new Float64Array(n), gz = new Float64Array(n);
  // Heading: each part eases its turn in and out.
  let f = 0, yaw0 = st.yaw;
  parts.forEach((p, pi) => {
    for (let i = 0; i < p.n; i++, f++) { partOf[f] = pi; yawA[f] = yaw0 + p.turn * smoothstep((i + 1) / p.n); }
    yaw0 += p.turn;
  });
  // Speed: two cascaded first-order lags give a C1 speed profile; the end envelope brings it to rest.
  const energy = 1 + 0.12 * style.energy - 0.15 * style.age;
  const a = 1 - Math.exp(-dt / 0.14);
  let v1 = 0, v = 0, x = st.x, z = st.z;
  const endRamp = Math.max(2, Math.round(0.55 * fps));
  for (let i = 0; i < n; i++) {
    const p = parts[partOf[i]!]!;
    const target = p.speed * vp.stride * energy;
    v1 += (target - v1) * a;
    v += (v1 - v) * a;
    const vv = v * smoothstep((n - 1 - i) / endRamp);
    vA[i] = vv;
    const dir = yawA[i]! + p.dir;
    x += vv * dt * Math.sin(dir);
    z += vv * dt * Math.cos(dir);
    gx[i] = x; gz[i] = z;
  }
  const at = (arr: Float64Array, t: number): number => {
    if (t <= 0) return arr[0]!;
    if (t >= n - 1) return arr[n - 1]!;
    const i = Math.floor(t), u = t - i;
    return arr[i]! + (arr[i + 1]! - arr[i]!) * u;
  };

  // Footstep plan.
  const feet = st.feet.map((ft) => ({ ...ft }));
  const steps: Step[] = [];
  const first = parts[0]!;
  let side: 0 | 1 = first.turn > 0.2 || (first.dir > 0.5 && first.dir < 2.6) ? 0 : first.turn < -0.2 || first.dir < -0.5 ? 1 : ctx.rng.next() < 0.5 ? 0 : 1;
  let t = Math.round(0.08 * fps);
  const tmp = new Float64Array(3);
  for (let guard = 0; guard < 10000; guard++) {
    const fi = Math.min(n - 1, Math.max(0, Math.round(t)));
    const g = GAITS[parts[partOf[fi]!]!.gait];
    const vNow = vA[fi]!;
    const tStep = fps / (g.freq(vNow) * vp.cadence * (1 + 0.08 * style.energy));
    const swing = Math.max(3, (1 - g.duty) * 2 * tStep);
    if (t + swing > n - 1) break;
    const land = t + swing;
    const when = land + g.duty * tStep;
    const px = at(gx, when), pz = at(gz, when), yawT = at(yawA, when);
    const k = Math.min(1, vNow / g.speed);
    const w = vp.stanceWidth * lerp(1, g.width, k);
    const sgn = side === 0 ? 1 : -1;
    const tx = px + sgn * w * Math.cos(yawT), tz = pz - sgn * w * Math.sin(yawT);
    const tyaw = yawT + sgn * vp.toeOut;
    const ft = feet[side]!;
    const travel = Math.hypot(tx - ft.x, tz - ft.z);
    const turnNeed = Math.abs(wrapAngle(tyaw - ft.yaw));
    if (vNow > 0.15 || travel > 0.05 || turnNeed > 0.2) {
      const stanceFrames = g.duty * 2 * tStep;
      const rise = g.heelRise * Math.min(1, travel / 0.5);
      steps.push({ side, lift: t, land, fx: ft.x, fz: ft.z, fyaw: ft.yaw, tx, tz, tyaw, rise, riseWin: 0.4 * stanceFrames, clear: g.clearance * Math.min(1, 0.35 + travel / 0.35) });
      ft.x = tx; ft.z = tz; ft.yaw = tyaw;
    }
    t += tStep;
    side = side === 0 ? 1 : 0;
  }

  // Evaluate feet per frame.
  const bySide: Step[][] = [steps.filter((s) => s.side === 0), steps.filter((s) => s.side === 1)];
  const liftAmt = new Float64Array(2 * n);
  for (const sd of [0, 1] as const) {
    const list = bySide[sd]!;
    let k = 0;
    let px = st.feet[sd].x, pz = st.feet[sd].z, pyaw = st.feet[sd].yaw;
    for (let i = 0; i < n; i++) {
      while (k < list.length && i >= list[k]!.land) { const s = list[k]!; px = s.tx; pz = s.tz; pyaw = s.tyaw; k++; }
      const s = list[k];
      const fr = start + i;
      if (s && i >= s.lift) {
        const u = (i - s.lift) / (s.land - s.lift);
        heelRaised(s.fx, s.fz, s.fyaw, s.rise, tmp);
        const e = smootherstep(u);
        const hx = lerp(tmp[0]!, s.tx, e), hz = lerp(tmp[2]!, s.tz, e);
        const hy = lerp(tmp[1]!, 0.08, smoothstep(u)) + s.clear * Math.sin(Math.PI * u);
        const fyaw = s.fyaw + wrapAngle(s.tyaw - s.fyaw) * smoothstep(u);
        const pitch = s.rise * (1 - smoothstep(Math.min(1, 1.6 * u))) - 0.22 * Math.sin(Math.PI * u) * Math.min(1, s.rise * 3);
        const toe = s.rise * (1 - smoothstep(Math.min(1, 2.5 * u)));
        setFoot(tr, fr, sd, hx, hy, hz, fyaw, pitch, toe);
        tr.contacts[fr * 2 + sd] = 0;
        liftAmt[i * 2 + sd] = Math.sin(Math.PI * u);
      } else if (s && i >= s.lift - s.riseWin && s.rise > 0) {
        const p = s.rise * smoothstep(1 - (s.lift - i) / s.riseWin);
        heelRaised(px, pz, pyaw, p, tmp);
        setFoot(tr, fr, sd, tmp[0]!, tmp[1]!, tmp[2]!, pyaw, p, p);
        tr.contacts[fr * 2 + sd] = 1;
      } else {
        setFoot(tr, fr, sd, px, 0.08, pz, pyaw);
        tr.contacts[fr * 2 + sd] = 1;
      }
    }
    st.feet[sd].x = px; st.feet[sd].z = pz; st.feet[sd].yaw = pyaw; st.feet[sd].y = 0.08;
    const last = list[list.length - 1];
    if (last && last.land > n - 1) { st.feet[sd].x = last.tx; st.feet[sd].z = last.tz; st.feet[sd].yaw = last.tyaw; }
  }

  // Pelvis, root and upper body.
  const lifts = steps.map((s) => s.lift);
  let li = -1;
  for (let i = 0; i < n; i++) {
    const fr = start + i;
    const p = parts[partOf[i]!]!;
    const g = GAITS[p.gait];
    const vNow = vA[i]!;
    const k = Math.min(1, vNow / g.speed);
    while (li + 1 < lifts.length && lifts[li + 1]! <= i) li++;
    let bob = 0;
    if (li >= 0) {
      const span = li + 1 < lifts.length ? lifts[li + 1]! - lifts[li]! : fps / g.freq(vNow);
      const psi = (i - lifts[li]!) / span;
      bob = g.bob * vp.bob * k * Math.cos(2 * Math.PI * (psi - g.bobPeak));
    }
    const yaw = yawA[i]!;
    const hx = Math.sin(yaw), hz = Math.cos(yaw);
    const fo = (fr * 2) * 7;
    const fwdL = (tr.feet[fo]! - gx[i]!) * hx + (tr.feet[fo + 2]! - gz[i]!) * hz;
    const fwdR = (tr.feet[fo + 7]! - gx[i]!) * hx + (tr.feet[fo + 9]! - gz[i]!) * hz;
    const lL = liftAmt[i * 2]!, lR = liftAmt[i * 2 + 1]!;
    const sway = 0.022 * (lR - lL) * (1 - 0.6 * k);
    const hipsY = lerp(STAND_HIPS_Y, g.hipsY, Math.min(1, vNow / Math.min(1, g.speed))) - 0.03 * style.age + bob;
    tr.root[fr * 3] = gx[i]! + sway * Math.cos(yaw);
    tr.root[fr * 3 + 1] = hipsY;
    tr.root[fr * 3 + 2] = gz[i]! - sway * Math.sin(yaw);
    tr.yaw[fr] = yaw;
    const pelvisYaw = -0.18 * (fwdL - fwdR);
    setPelvis(tr, fr, g.lean * k * 0.4, -0.05 * (lL - lR), pelvisYaw);
    const swingL = 0.5 * g.armGain * vp.armSwing * (fwdR - fwdL);
    writeUpper(tr.rot, fr, {
      time: fr / fps, swingL, swingR: -swingL, elbow: lerp(0.2, g.elbow, k),
      lean: g.lean * k * 0.6, twist: -pelvisYaw * 0.9, headYaw: 0, headPitch: 0,
    }, vp, style);
  }
  st.x = gx[n - 1]!; st.z = gz[n - 1]!; st.yaw = yawA[n - 1]!;
  st.hipsY = tr.root[(start + n - 1) * 3 + 1]!;
  st.posture = 'stand';
}
