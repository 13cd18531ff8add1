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
  /** Distance to cover (metres), when the prompt asked for one. */
  distance?: number;
}

interface Step {
  side: 0 | 1;
  lift: number;
  land: number;
  fx: number;
  fz: number;
  fyaw: number;
  tx: number;
  tz: number;
  tyaw: number;
  rise: number;
  riseWin: number;
  clear: number;
  strike: number;
  slapWin: number;
}

const BALL = 0.13; // ankle → ball of foot, horizontally
const TOE_Y = 0.02; // ball height above the floor
const ANKLE_ABOVE_BALL = 0.06;
const HEEL_BACK = 0.05; // heel contact point behind the ankle
const ANKLE_HEIGHT = 0.08;

/**
 * Ankle position when the foot, whose flat-footed ankle would be at (fx, fz), is pitched toes-up by
 * −p (p ≤ 0) about its heel: at heel strike the heel touches first, then the foot rolls flat.
 */
function heelStruck(fx: number, fz: number, yaw: number, p: number, out: Float64Array): void {
  const sx = Math.sin(yaw),
    cz = Math.cos(yaw);
  const hx = fx - sx * HEEL_BACK,
    hz = fz - cz * HEEL_BACK;
  const along = ANKLE_HEIGHT * Math.sin(p) + HEEL_BACK * Math.cos(p);
  out[0] = hx + sx * along;
  out[1] = ANKLE_HEIGHT * Math.cos(p) - HEEL_BACK * Math.sin(p);
  out[2] = hz + cz * along;
}

/** Ankle position when the foot pitches up around the ball of the foot (heel rise). */
function heelRaised(fx: number, fz: number, yaw: number, p: number, out: Float64Array): void {
  const sx = Math.sin(yaw),
    cz = Math.cos(yaw);
  const bx = fx + sx * BALL,
    bz = fz + cz * BALL;
  const along = -BALL * Math.cos(p) + ANKLE_ABOVE_BALL * Math.sin(p);
  out[0] = bx + sx * along;
  out[1] = TOE_Y + BALL * Math.sin(p) + ANKLE_ABOVE_BALL * Math.cos(p);
  out[2] = bz + cz * along;
}

/** Per frame: which part it belongs to, the heading, the smoothed speed and the root's ground path. */
interface LocoPath {
  partOf: Uint16Array;
  yawA: Float64Array;
  vA: Float64Array;
  gx: Float64Array;
  gz: Float64Array;
}

export function synthLocomotion(ctx: GenCtx, parts: readonly LocoPart[]): void {
  const { tr, start, n, st } = ctx;
  // Walking on from a raised support (the top of the stairs, a box): the ground is where the feet stand.
  const ground = Math.max(0, Math.min(st.feet[0].y, st.feet[1].y) - ANKLE_HEIGHT);
  const path = rootPath(ctx, parts);
  const steps = planFootsteps(ctx, parts, path);
  const liftAmt = writeFeet(ctx, steps, ground);
  writeBody(ctx, parts, path, steps, liftAmt, ground);
  st.x = path.gx[n - 1]!;
  st.z = path.gz[n - 1]!;
  st.yaw = path.yawA[n - 1]!;
  st.hipsY = tr.root[(start + n - 1) * 3 + 1]!;
  st.posture = 'stand';
}

/** The heading (each part eases its turn in and out), the speed profile and the root path it integrates to. */
function rootPath(ctx: GenCtx, parts: readonly LocoPart[]): LocoPath {
  const { tr, n, st, vp, style } = ctx;
  const fps = tr.fps,
    dt = 1 / fps;
  const partOf = new Uint16Array(n);
  const yawA = new Float64Array(n),
    vA = new Float64Array(n),
    gx = new Float64Array(n),
    gz = new Float64Array(n);
  let f = 0,
    yaw0 = st.yaw;
  parts.forEach((p, pi) => {
    for (let i = 0; i < p.n; i++, f++) {
      partOf[f] = pi;
      yawA[f] = yaw0 + p.turn * smoothstep((i + 1) / p.n);
    }
    yaw0 += p.turn;
  });
  // Speed: two cascaded first-order lags give a C1 speed profile. The end envelope brings it to rest
  // with a deceleration of about 2.5 m/s², early enough to leave a short tail for the closing steps
  // that bring the feet side by side (stopping from a run takes longer than from a walk).
  const energy = 1 + 0.12 * style.energy - 0.15 * style.age;
  const vmax = Math.max(...parts.map((p) => p.speed)) * vp.stride * energy;
  const tail = Math.round(0.45 * fps);
  const decel = Math.max(2, Math.round(Math.max(0.5, vmax / 2.5) * fps));
  let v1 = 0,
    v = 0;
  for (let i = 0; i < n; i++) {
    const target = parts[partOf[i]!]!.speed * vp.stride * energy;
    // Faster targets take longer to reach (peak acceleration stays near 4 m/s², like a sprint start).
    const a = 1 - Math.exp(-dt / Math.min(0.35, Math.max(0.12, target / 10)));
    v1 += (target - v1) * a;
    v += (v1 - v) * a;
    vA[i] = v * smoothstep((n - 1 - tail - i) / decel);
  }
  const path = { partOf, yawA, vA, gx, gz };
  integratePath(ctx, parts, path);
  // A requested distance ("run 10 meters") is met exactly by scaling the speed profile; the
  // profile's shape (start, cruise, stop) is unchanged, so cadence still follows speed.
  const want = parts.length === 1 ? parts[0]!.distance : undefined;
  if (want !== undefined && want > 0) {
    let dist = 0;
    for (let i = 0; i < n; i++) dist += vA[i]! * dt;
    if (dist > 1e-6) {
      const k = want / dist;
      for (let i = 0; i < n; i++) vA[i] = vA[i]! * k;
      integratePath(ctx, parts, path);
    }
  }
  return path;
}

/** The root's ground path from the speed profile, each frame moving along its heading plus its part's direction. */
function integratePath(ctx: GenCtx, parts: readonly LocoPart[], { partOf, yawA, vA, gx, gz }: LocoPath): void {
  const dt = 1 / ctx.tr.fps;
  let x = ctx.st.x,
    z = ctx.st.z;
  for (let i = 0; i < ctx.n; i++) {
    const dir = yawA[i]! + parts[partOf[i]!]!.dir;
    x += vA[i]! * dt * Math.sin(dir);
    z += vA[i]! * dt * Math.cos(dir);
    gx[i] = x;
    gz[i] = z;
  }
}

/**
 * Footprints planted where the root will be at each foot's mid-stance, alternating feet at the gait's
 * cadence; a foot already where it should be does not step.
 */
function planFootsteps(ctx: GenCtx, parts: readonly LocoPart[], { partOf, yawA, vA, gx, gz }: LocoPath): Step[] {
  const { tr, n, st, vp, style } = ctx;
  const fps = tr.fps;
  const at = (arr: Float64Array, t: number): number => {
    if (t <= 0) return arr[0]!;
    if (t >= n - 1) return arr[n - 1]!;
    const i = Math.floor(t),
      u = t - i;
    return arr[i]! + (arr[i + 1]! - arr[i]!) * u;
  };
  const feet = st.feet.map((ft) => ({ ...ft }));
  const steps: Step[] = [];
  const first = parts[0]!;
  let side: 0 | 1 = first.turn > 0.2 || (first.dir > 0.5 && first.dir < 2.6) ? 0 : first.turn < -0.2 || first.dir < -0.5 ? 1 : ctx.rng.next() < 0.5 ? 0 : 1;
  let t = Math.round(0.08 * fps);
  for (let guard = 0; guard < 10000; guard++) {
    const fi = Math.min(n - 1, Math.max(0, Math.round(t)));
    const g = GAITS[parts[partOf[fi]!]!.gait];
    const vNow = vA[fi]!;
    // Slow and settling steps keep a brisk cadence: people close their stance quickly when stopping.
    const tStep = fps / (Math.max(g.freq(vNow), 1.9) * vp.cadence * (1 + 0.08 * style.energy));
    // At low speed every gait walks (double support); the flight phase appears as speed builds.
    const duty = lerp(GAITS.walk.duty, g.duty, Math.min(1, vNow / g.speed));
    const swing = Math.max(3, (1 - duty) * 2 * tStep);
    if (t + swing > n - 1) break;
    const land = t + swing;
    const when = land + duty * tStep;
    const px = at(gx, when),
      pz = at(gz, when),
      yawT = at(yawA, when);
    const k = Math.min(1, vNow / g.speed);
    const w = vp.stanceWidth * lerp(1, g.width, k);
    const sgn = side === 0 ? 1 : -1;
    const tx = px + sgn * w * Math.cos(yawT),
      tz = pz - sgn * w * Math.sin(yawT);
    const tyaw = yawT + sgn * vp.toeOut;
    const ft = feet[side]!;
    const travel = Math.hypot(tx - ft.x, tz - ft.z);
    const turnNeed = Math.abs(wrapAngle(tyaw - ft.yaw));
    if (vNow > 0.15 || travel > 0.05 || turnNeed > 0.2) {
      const stanceFrames = duty * 2 * tStep;
      // Any real step lifts the ball of the foot clear of the floor (≥ 5 cm), so short closing steps
      // read as steps rather than shuffles.
      const rise = g.heelRise * Math.min(1, travel / 0.5);
      const strike = g.strike * Math.min(1, travel / 0.5);
      steps.push({
        side,
        lift: t,
        land,
        fx: ft.x,
        fz: ft.z,
        fyaw: ft.yaw,
        tx,
        tz,
        tyaw,
        rise,
        riseWin: 0.4 * stanceFrames,
        clear: Math.max(travel > 0.08 ? 0.06 : 0.03, g.clearance * Math.min(1, 0.35 + travel / 0.35)),
        strike,
        slapWin: Math.max(2, 0.1 * fps),
      });
      ft.x = tx;
      ft.z = tz;
      ft.yaw = tyaw;
    }
    // A limp favours the right leg: weight leaves it quickly (short stance), so the left foot comes
    // down early and the next right step waits longer.
    const limp = parts[partOf[fi]!]!.gait === 'limp';
    t += limp ? tStep * (side === 1 ? 0.72 : 1.28) : tStep;
    side = side === 0 ? 1 : 0;
  }
  return steps;
}

/**
 * Each foot per frame: swinging along an eased arc between footprints, rising onto the ball before lift-off,
 * rolling flat after heel strike, or planted. Returns how far into its swing each foot is (0..1, per frame
 * and side), which sways the pelvis.
 */
function writeFeet(ctx: GenCtx, steps: readonly Step[], ground: number): Float64Array {
  const { tr, start, n, st } = ctx;
  const tmp = new Float64Array(3);
  const bySide: Step[][] = [steps.filter((s) => s.side === 0), steps.filter((s) => s.side === 1)];
  const liftAmt = new Float64Array(2 * n);
  for (const sd of [0, 1] as const) {
    const list = bySide[sd]!;
    let k = 0;
    let px = st.feet[sd].x,
      pz = st.feet[sd].z,
      pyaw = st.feet[sd].yaw;
    let landed: Step | null = null;
    for (let i = 0; i < n; i++) {
      while (k < list.length && i >= list[k]!.land) {
        const s = list[k]!;
        px = s.tx;
        pz = s.tz;
        pyaw = s.tyaw;
        landed = s;
        k++;
      }
      const s = list[k];
      const fr = start + i;
      if (s && i >= s.lift) {
        const u = (i - s.lift) / (s.land - s.lift);
        heelRaised(s.fx, s.fz, s.fyaw, s.rise, tmp);
        const sx = tmp[0]!,
          sy = tmp[1]!,
          sz = tmp[2]!;
        heelStruck(s.tx, s.tz, s.tyaw, -s.strike, tmp);
        // The toes clear the floor before the foot travels: horizontal motion starts a little late.
        const e = smootherstep((u - 0.1) / 0.9);
        const hx = lerp(sx, tmp[0]!, e),
          hz = lerp(sz, tmp[2]!, e);
        const hy = lerp(sy, tmp[1]!, smoothstep(u)) + s.clear * Math.sin(Math.PI * u);
        const fyaw = s.fyaw + wrapAngle(s.tyaw - s.fyaw) * smoothstep(u);
        // Toes point down at push-off, then come up toward heel strike.
        const pitch = s.rise * (1 - smoothstep(Math.min(1, 2.2 * u))) - s.strike * smoothstep((u - 0.35) / 0.65);
        const toe = s.rise * (1 - smoothstep(Math.min(1, 2.5 * u)));
        setFoot(tr, fr, sd, hx, hy + ground, hz, fyaw, pitch, toe);
        tr.contacts[fr * 2 + sd] = 0;
        liftAmt[i * 2 + sd] = Math.sin(Math.PI * u);
      } else if (s && i >= s.lift - s.riseWin && s.rise > 0) {
        const p = s.rise * smoothstep(1 - (s.lift - i) / s.riseWin);
        heelRaised(px, pz, pyaw, p, tmp);
        setFoot(tr, fr, sd, tmp[0]!, tmp[1]! + ground, tmp[2]!, pyaw, p, p);
        tr.contacts[fr * 2 + sd] = 1;
      } else if (landed && i < landed.land + landed.slapWin && landed.strike > 0) {
        // Foot rolls flat about the heel after heel strike.
        const p = -landed.strike * (1 - smoothstep((i - landed.land) / landed.slapWin));
        heelStruck(px, pz, pyaw, p, tmp);
        setFoot(tr, fr, sd, tmp[0]!, tmp[1]! + ground, tmp[2]!, pyaw, p, 0);
        tr.contacts[fr * 2 + sd] = 1;
      } else {
        setFoot(tr, fr, sd, px, ANKLE_HEIGHT + ground, pz, pyaw);
        tr.contacts[fr * 2 + sd] = 1;
      }
    }
    st.feet[sd].x = px;
    st.feet[sd].z = pz;
    st.feet[sd].yaw = pyaw;
    st.feet[sd].y = ANKLE_HEIGHT + ground;
  }
  return liftAmt;
}

/** Pelvis (bob, sway, twist with the feet), root and upper body (arm swing opposite the legs) per frame. */
function writeBody(ctx: GenCtx, parts: readonly LocoPart[], { partOf, yawA, vA, gx, gz }: LocoPath, steps: readonly Step[], liftAmt: Float64Array, ground: number): void {
  const { tr, start, n, vp, style } = ctx;
  const fps = tr.fps;
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
    const hx = Math.sin(yaw),
      hz = Math.cos(yaw);
    const fo = fr * 2 * 7;
    const fwdL = (tr.feet[fo]! - gx[i]!) * hx + (tr.feet[fo + 2]! - gz[i]!) * hz;
    const fwdR = (tr.feet[fo + 7]! - gx[i]!) * hx + (tr.feet[fo + 9]! - gz[i]!) * hz;
    const lL = liftAmt[i * 2]!,
      lR = liftAmt[i * 2 + 1]!;
    const sway = 0.022 * (lR - lL) * (1 - 0.6 * k);
    // Limping: the pelvis dips while the painful right leg carries weight (right foot down, left swinging).
    const limpDip = p.gait === 'limp' ? 0.03 * lL * k : 0;
    const hipsY = lerp(STAND_HIPS_Y, g.hipsY, Math.min(1, vNow / Math.min(1, g.speed))) - 0.03 * style.age + bob - limpDip;
    tr.root[fr * 3] = gx[i]! + sway * Math.cos(yaw);
    tr.root[fr * 3 + 1] = hipsY + ground;
    tr.root[fr * 3 + 2] = gz[i]! - sway * Math.sin(yaw);
    tr.yaw[fr] = yaw;
    const pelvisYaw = -0.18 * (fwdL - fwdR);
    setPelvis(tr, fr, g.lean * k * 0.4, -0.05 * (lL - lR), pelvisYaw);
    const swingL = 0.5 * g.armGain * vp.armSwing * (fwdR - fwdL);
    writeUpper(
      tr.rot,
      fr,
      {
        time: fr / fps,
        swingL,
        swingR: -swingL,
        elbow: lerp(0.2, g.elbow, k),
        lean: g.lean * k * 0.6,
        twist: -pelvisYaw * 0.9,
        headYaw: 0,
        headPitch: 0,
      },
      vp,
      style,
    );
  }
}
