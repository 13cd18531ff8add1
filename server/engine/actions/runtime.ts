/**
 * Interprets data-authored actions (`format.ts`) on the existing procedural runtime: the root, pelvis
 * and torso are written into the Track, hands are placed with the two-bone arm IK of the gesture
 * runner (`placeHand`), feet become IK goals that `finishTrack` solves (with the pelvis-drop guard)
 * and that foot locking pins while they are planted and still, legs driven by angles leave IK with
 * a weight exactly as the kick generator does, and segment joins are inertialized by the timeline.
 * Upper-body actions run through `runGesture`, so they layer over walking like any gesture.
 */
import { applyHandShape } from '../core/hands.ts';
import { qSlerp } from '../core/quat.ts';
import { ARM, CANONICAL, JOINT_COUNT, LEG } from '../core/skeleton.ts';
import type { PlanStep } from '../prompt/plan.ts';
import type { GenCtx } from '../synth/context.ts';
import { GRAVITY } from '../synth/jump.ts';
import { armPose, setArm, setEuler, setPelvis, setTorso, torsoPose } from '../synth/pose.ts';
import { setFoot } from '../synth/track.ts';
import type { Gesture } from '../synth/gestures/runner.ts';
import { placeHand } from '../synth/gestures/runner.ts';
import { ARM_BASE, CH, CHANNELS, FOOT_BASE, HAND_BASE, LEG_BASE, compileAction, isPropKind, sampleAction } from './format.ts';
import type { ActionDef, CompiledAction } from './format.ts';
import type { PropItem, SceneItem } from './scene.ts';
import { applyVariantStyle } from './variantStyle.ts';

/** The repeating window of an action, if any. */
function loopOf(def: ActionDef): readonly [number, number] | null {
  return def.loop ?? (def.cycle ? [0, 1] : null);
}

function meanDur(def: ActionDef): number {
  return typeof def.dur === 'number' ? def.dur : typeof def.dur === 'string' ? 1 : (def.dur[0] + def.dur[1]) / 2;
}

/** How many times the loop window (or, without one, the whole action) runs in a segment of `sec` seconds. */
function repsOf(def: ActionDef, dur: number, step: PlanStep, sec: number): number {
  if (step.count !== undefined) return Math.max(1, Math.min(50, Math.round(step.count)));
  const lp = loopOf(def);
  if (!lp || !(def.cycle || def.fill)) return 1;
  const L = (lp[1] - lp[0]) * dur;
  return Math.max(1, Math.round((sec - (dur - L)) / Math.max(L, 1e-3)));
}

/** Seconds one run of the action takes at this step's intensity (vigorous is faster, gentle slower). */
function speedScale(step: PlanStep): number {
  const i = step.intensity ?? 1;
  return 1 / (0.7 + 0.3 * i) / (step.speedMul ?? 1);
}

/** Longest natural length repetitions may add up to when the prompt gives neither a count nor a duration. */
const NATURAL_MAX_SEC = 8;

/** Natural length of a data action for duration fitting, and whether it may stretch. */
export function dataDuration(def: ActionDef, step: PlanStep): { sec: number; flexible: boolean } {
  const one = meanDur(def) * speedScale(step);
  const lp = loopOf(def);
  const L = lp ? (lp[1] - lp[0]) * one : one;
  if (step.count !== undefined) return { sec: one + (Math.max(1, Math.round(step.count)) - 1) * L, flexible: false };
  // Two extra repetitions, as long as that stays within a few seconds: a 9 s macarena bar or a 7 s
  // waiting idle runs once by default rather than filling half a minute.
  if (lp && (def.cycle || def.fill)) return { sec: one + Math.min(2, Math.max(0, Math.floor((NATURAL_MAX_SEC - one) / L))) * L, flexible: true };
  return { sec: one, flexible: def.hold !== undefined };
}

interface TimePoint {
  k: number;
  u: number;
  span: number;
}

/**
 * Maps segment time to normalised action time `u` and `k`, the number of loop repetitions already
 * completed (for accumulating travel). Extra time goes to the hold window when there is no loop;
 * otherwise the whole action is scaled uniformly to fit.
 */
function timeMap(c: CompiledAction, reps: number, t: number, T: number, out: TimePoint): void {
  const hold = c.def.hold,
    lp = loopOf(c.def);
  const D = c.dur;
  if (!lp) {
    out.k = 0;
    if (reps > 1) {
      // Counted non-looping actions ("three jabs") repeat whole, without accumulating travel.
      const x = Math.min(reps - 1e-9, Math.max(0, (t / Math.max(T, 1e-6)) * reps));
      out.u = x - Math.floor(x);
      out.span = T / reps;
      return;
    }
    if (hold && T > D) {
      const extra = T - D,
        ta = hold[0] * D,
        tb = hold[1] * D;
      out.u = t < ta ? t / D : t < tb + extra ? hold[0] + ((t - ta) / (tb - ta + extra)) * (hold[1] - hold[0]) : (t - extra) / D;
      out.span = D;
      return;
    }
    out.u = t / Math.max(T, 1e-6);
    out.span = T;
    return;
  }
  const L = (lp[1] - lp[0]) * D;
  const total = D + (reps - 1) * L;
  const s = T / total;
  const x = t / s;
  const a = lp[0] * D;
  out.span = (T * D) / total;
  if (x < a) {
    out.k = 0;
    out.u = x / D;
    return;
  }
  const inLoop = x - a;
  if (inLoop < reps * L) {
    const r = Math.min(reps - 1, Math.floor(inLoop / L));
    out.k = r;
    out.u = lp[0] + (inLoop - r * L) / D;
    return;
  }
  out.k = reps - 1;
  out.u = Math.min(1, lp[1] + (inLoop - reps * L) / D);
}

/** Height offsets (metres, relative to a strike at the chin) for the targets a plan can aim at. */
const AIM: Record<string, number> = { head: 0.05, face: 0.05, chin: 0.03, chest: -0.12, body: -0.18, stomach: -0.22, gut: -0.22, ribs: -0.16, legs: -0.5, leg: -0.5 };

/** Ankle → ball of the foot, horizontally and vertically (the canonical foot). */
const BALL = 0.13,
  ANKLE_ABOVE_BALL = 0.06;

const ch = new Float64Array(CHANNELS),
  first = new Float64Array(CHANNELS),
  lastK = new Float64Array(CHANNELS);
/** Channels that accumulate over loop repetitions: the root, the heading, the feet and the hands (planted
 *  hands on rungs or on the floor move on with the body; body-relative hands return to where they were). */
const ACCUM = [
  CH.rootX,
  CH.rootY,
  CH.rootZ,
  CH.turn,
  ...[0, 1].flatMap((s) => [FOOT_BASE[s]!, FOOT_BASE[s]! + 1, FOOT_BASE[s]! + 2, HAND_BASE[s]!, HAND_BASE[s]! + 1, HAND_BASE[s]! + 2]),
];
const fkA = new Float32Array(8),
  q1 = new Float64Array(4),
  q2 = new Float64Array(4);

/** Side the plan step asks for differs from the side the keys are written for. */
export function mirrored(def: ActionDef, step: PlanStep): boolean {
  return step.side !== undefined && (step.side === 0 ? 'L' : 'R') !== (def.side ?? 'R');
}

/** Writes channel values for loop repetition k at normalised time u, with per-loop travel accumulated. */
function sampleRep(c: CompiledAction, k: number, u: number, inPlace: boolean): number {
  const span = sampleAction(c, u, ch);
  const lp = loopOf(c.def);
  if (k > 0 && lp && !inPlace) {
    sampleAction(c, lp[0], first);
    sampleAction(c, lp[1], lastK);
    for (const a of ACCUM) ch[a] = ch[a]! + k * (lastK[a]! - first[a]!);
  }
  if (inPlace) {
    // "In place": travel is removed; weight shifts and small steps stay.
    const cap = 0.12;
    ch[CH.rootX] = Math.max(-cap, Math.min(cap, ch[CH.rootX]!));
    ch[CH.rootZ] = Math.max(-cap, Math.min(cap, ch[CH.rootZ]!));
    for (const s of [0, 1]) for (const o of [0, 2]) ch[FOOT_BASE[s]! + o] = Math.max(-0.3, Math.min(0.3, ch[FOOT_BASE[s]! + o]!));
  }
  return span;
}

/**
 * `trim` plays only part of the action ([from, to] in normalised time): strikes chained in a combo skip
 * stepping out of the stance and back in. The character is then already in the pose at `from`, so the
 * feet it stands on are un-offset by that pose to find where the action's own frame starts.
 */
export function runDataAction(ctx: GenCtx, def: ActionDef, step: PlanStep, trim: readonly [number, number] = [0, 1]): void {
  const { tr, start, n, st, vp, style } = ctx;
  const fps = tr.fps;
  // The variant's gesture amplitude scales body motion, and its keys shift a little in time.
  const c = compileAction(def, ctx.rng, mirrored(def, step), (step.intensity ?? 1) * vp.gesture, 0.3);
  applyVariantStyle(c, ctx.rng);
  const T = (n - 1) / fps;
  const trimmed = trim[0] > 0 || trim[1] < 1;
  const reps = trimmed ? 1 : repsOf(def, c.dur, step, T);
  const inPlace = step.inPlace === true || def.inPlace === true;
  // Variants of a travelling action take slightly different paths (±7°); the scene proxies turn with them.
  const last = c.keys[c.keys.length - 1]!.v;
  const travels = !inPlace && !trimmed && Math.hypot(last[CH.rootX]!, last[CH.rootZ]!) > 0.3;
  const yaw0 = st.yaw + (travels ? ctx.rng.range(-0.12, 0.12) : 0);
  const fx = Math.sin(yaw0),
    fz = Math.cos(yaw0),
    lx = Math.cos(yaw0),
    lz = -Math.sin(yaw0);
  const startFeet = st.feet.map((f) => ({ ...f }));
  if (trim[0] > 0) {
    sampleAction(c, trim[0], first);
    for (const s of [0, 1] as const) {
      const b = FOOT_BASE[s],
        dx = first[b]!,
        dz = first[b + 2]!;
      startFeet[s]!.x -= lx * dx + fx * dz;
      startFeet[s]!.z -= lz * dx + fz * dz;
      startFeet[s]!.yaw -= first[b + 4]!;
    }
  }
  const [l, r] = startFeet as [(typeof startFeet)[0], (typeof startFeet)[0]];
  const ox = (l.x + r.x) / 2,
    oz = (l.z + r.z) / 2;
  let baseY = Math.min(l.y, r.y) - 0.08;
  const floorY = baseY;
  if (def.startsHigh) {
    // Raise the action by its total descent (including every loop) so it ends at the current support.
    const lp = loopOf(def);
    sampleAction(c, 1, lastK);
    let endY = lastK[CH.rootY]!;
    if (lp && reps > 1) {
      sampleAction(c, lp[0], first);
      const y0 = first[CH.rootY]!;
      sampleAction(c, lp[1], first);
      endY += (reps - 1) * (first[CH.rootY]! - y0);
    }
    baseY += Math.max(0, c.keys[0]!.v[CH.rootY]! - endY);
  }
  const feet0 = startFeet;
  const aim = AIM[step.target ?? ''] ?? 0;
  const tm = { k: 0, u: 0, span: 1 };
  const prevFoot = new Float64Array(6);
  const slump = -0.1 * Math.min(0, style.energy) + 0.12 * style.age;
  for (let i = 0; i < n; i++) {
    const fr = start + i,
      t = i / fps;
    if (trimmed) {
      tm.k = 0;
      tm.u = trim[0] + (trim[1] - trim[0]) * (t / Math.max(T, 1e-6));
      tm.span = T / (trim[1] - trim[0]);
    } else timeMap(c, reps, t, T, tm);
    const span = sampleRep(c, tm.k, tm.u, inPlace);
    const key = c.keys[span]!;
    // Ballistic flight over a run of air keys up to the landing key: the hips follow gravity, whatever
    // the keys in between say (they still shape everything else: tuck, rotation, arms).
    if (key.air && span + 1 < c.keys.length) {
      let a = span,
        b = span + 1;
      while (a > 0 && c.keys[a - 1]!.air) a--;
      while (b < c.keys.length - 1 && c.keys[b]!.air) b++;
      const ka = c.keys[a]!,
        kb = c.keys[b]!;
      const dtN = kb.t - ka.t,
        uu = (tm.u - ka.t) / dtN,
        Tair = dtN * tm.span;
      const y0 = ka.v[CH.rootY]!,
        y1 = kb.v[CH.rootY]!;
      const lp = loopOf(def);
      const lift = tm.k > 0 && lp ? ch[CH.rootY]! - (sampleAction(c, tm.u, lastK), lastK[CH.rootY]!) : 0;
      ch[CH.rootY] = lift + y0 + (y1 - y0) * uu + 0.5 * GRAVITY * Tair * Tair * uu * (1 - uu);
    }
    const rx = ch[CH.rootX]!,
      rz = ch[CH.rootZ]!;
    tr.root[fr * 3] = ox + lx * rx + fx * rz;
    tr.root[fr * 3 + 1] = baseY + ch[CH.rootY]! - 0.02 * style.age;
    tr.root[fr * 3 + 2] = oz + lz * rx + fz * rz;
    const turn = ch[CH.turn]!;
    tr.yaw[fr] = yaw0 + turn;
    setPelvis(tr, fr, ch[CH.pelvisPitch]!, ch[CH.pelvisRoll]!, ch[CH.pelvisYaw]!);
    const breath = 0.02 * Math.sin(2 * Math.PI * vp.breathRate * (fr / fps) + vp.noisePhase);
    setTorso(
      tr.rot,
      fr,
      torsoPose({
        lean: vp.posture + slump + ch[CH.lean]!,
        side: ch[CH.side]!,
        twist: ch[CH.twist]!,
        headPitch: ch[CH.headPitch]!,
        headYaw: ch[CH.headYaw]!,
        headRoll: ch[CH.headRoll]!,
        breath,
      }),
    );
    const base = fr * JOINT_COUNT * 4;
    const pose = tr.rot.subarray(base, base + JOINT_COUNT * 4);
    for (const s of [0, 1] as const) {
      const a = ARM_BASE[s];
      if (!c.usesArm[s]) {
        setArm(tr.rot, fr, s, armPose({ down: 1.28 - 0.1 * style.tension, elbow: 0.2 + 0.25 * style.tension, wrist: 0.1 }));
      } else {
        setArm(tr.rot, fr, s, armPose({ down: ch[a]!, forward: ch[a + 1]!, twist: ch[a + 2]!, elbow: ch[a + 3]!, wrist: ch[a + 4]!, shrug: ch[a + 5]! }));
        const h = HAND_BASE[s];
        const w = Math.max(0, Math.min(1, ch[h + 4]!));
        if (w > 1e-3) {
          const ids = ARM[s];
          for (let k = 0; k < 4; k++) {
            fkA[k] = pose[ids.upper * 4 + k]!;
            fkA[4 + k] = pose[ids.lower * 4 + k]!;
          }
          // Ground targets (hands on the floor, on a rung) become hips-relative in the current heading.
          const gw = Math.max(0, Math.min(1, ch[h + 3]!));
          let x = ch[h]! - gw * rx,
            y = ch[h + 1]! - gw * ch[CH.rootY]!,
            z = ch[h + 2]! - gw * rz;
          // Aimed strikes ("punches him in the stomach"): a hand reaching forward drops or rises to the target.
          if (aim !== 0 && gw < 0.5) y += aim * Math.min(1, Math.max(0, (z - 0.3) / 0.25));
          if (gw > 0 && Math.abs(turn) > 1e-4) {
            const cs = Math.cos(turn),
              sn = Math.sin(turn);
            const x2 = cs * x - sn * z;
            z = sn * x + cs * z;
            x = x2;
          }
          placeHand(pose, s, x, y, z, ch[h + 5]!, ch[h + 6]!, ch[h + 7]!);
          if (w < 0.999) {
            for (const [k, j] of [
              [0, ids.upper],
              [1, ids.lower],
            ] as const) {
              for (let m = 0; m < 4; m++) {
                q1[m] = fkA[k * 4 + m]!;
                q2[m] = pose[j * 4 + m]!;
              }
              qSlerp(q1, q1, q2, w);
              for (let m = 0; m < 4; m++) pose[j * 4 + m] = q1[m]!;
            }
          }
        }
      }
      const shape = key.shape[s];
      if (shape) applyHandShape(tr.rot, CANONICAL, fr, s, shape, 1);
    }
    for (const s of [0, 1] as const) {
      const f = FOOT_BASE[s],
        ft = feet0[s]!;
      const dx = ch[f]!,
        dz = ch[f + 2]!;
      // `at` is where the ankle would be with the foot flat; turning and rising onto the toes pivot
      // about the ball of the foot (as people do), so a pivoting stance foot does not slide.
      const ax = ft.x + lx * dx + fx * dz,
        az = ft.z + lz * dx + fz * dz,
        ay = baseY + ch[f + 1]!;
      const yawW = ft.yaw + ch[f + 4]!,
        pitch = ch[f + 3]!,
        p = Math.max(0, pitch);
      const bx = ax + Math.sin(ft.yaw) * BALL,
        bz = az + Math.cos(ft.yaw) * BALL,
        by = ay - ANKLE_ABOVE_BALL;
      const along = -BALL * Math.cos(p) + ANKLE_ABOVE_BALL * Math.sin(p);
      const gx = bx + Math.sin(yawW) * along,
        gz = bz + Math.cos(yawW) * along,
        gy = by + BALL * Math.sin(p) + ANKLE_ABOVE_BALL * Math.cos(p);
      setFoot(tr, fr, s, gx, gy, gz, yawW, pitch);
      const w = Math.max(0, Math.min(1, ch[f + 5]!));
      tr.ikw[fr * 2 + s] = w;
      const speed = i === 0 ? 0 : Math.hypot(gx - prevFoot[s * 3]!, gy - prevFoot[s * 3 + 1]!, gz - prevFoot[s * 3 + 2]!) * fps;
      prevFoot[s * 3] = gx;
      prevFoot[s * 3 + 1] = gy;
      prevFoot[s * 3 + 2] = gz;
      tr.contacts[fr * 2 + s] = ch[f + 6]! > 0.5 && w > 0.99 && speed < 0.25 ? 1 : 0;
      if (w < 0.999) {
        const lg = LEG_BASE[s],
          ids = LEG[s];
        setEuler(tr.rot, fr, ids.upper, -ch[lg]!, ch[lg + 2]!, ch[lg + 1]!, s === 1);
        setEuler(tr.rot, fr, ids.lower, ch[lg + 3]!, 0, 0);
        setEuler(tr.rot, fr, ids.foot, ch[f + 3]!, 0, 0);
        setEuler(tr.rot, fr, ids.toes, 0, 0, 0);
      }
    }
  }
  const lastF = start + n - 1;
  for (const s of [0, 1] as const) {
    const o = (lastF * 2 + s) * 7;
    st.feet[s].x = tr.feet[o]!;
    st.feet[s].y = tr.feet[o + 1]!;
    st.feet[s].z = tr.feet[o + 2]!;
    st.feet[s].yaw = tr.feet[o + 3]!;
  }
  st.x = tr.root[lastF * 3]!;
  st.z = tr.root[lastF * 3 + 2]!;
  st.hipsY = tr.root[lastF * 3 + 1]!;
  st.yaw = tr.yaw[lastF]!;
  st.posture =
    def.ends === 'lie'
      ? 'lie'
      : def.ends === 'lieFront'
        ? 'lieFront'
        : def.ends === 'sitFloor'
          ? 'sitFloor'
          : def.ends === 'kneel'
            ? 'kneel'
            : def.ends === 'crouch'
              ? 'crouch'
              : 'stand';
  emitSceneAndProps(ctx, c, { ox, oz, baseY, floorY, yaw0, lx, lz, fx, fz }, reps, step.prop);
}

/** The action frame in the world; `floorY` is the support the action started on before any `startsHigh` raise. */
interface Frame0 {
  ox: number;
  oz: number;
  baseY: number;
  floorY: number;
  yaw0: number;
  lx: number;
  lz: number;
  fx: number;
  fz: number;
}

function emitSceneAndProps(ctx: GenCtx, c: CompiledAction, f: Frame0, reps: number, named?: string): void {
  const out = ctx.out;
  if (!out) return;
  const sg = c.mirrored ? -1 : 1;
  for (const s of c.def.scene ?? []) {
    const x = s.at[0] * sg,
      z = s.at[2];
    const item: SceneItem = {
      kind: s.kind,
      position: [f.ox + f.lx * x + f.fx * z, (s.descending && s.kind !== 'stairs' ? f.floorY : f.baseY) + s.at[1], f.oz + f.lz * x + f.fz * z],
      yaw: f.yaw0 + (s.descending ? Math.PI : 0),
      size: [s.size[0], s.size[1], s.size[2]],
    };
    // Cyclic terrain (stairs) extends with the repetitions so every step the feet land on exists.
    if (s.steps !== undefined) {
      const steps = s.steps + (reps - 1) * (s.perLoop ?? 0);
      item.steps = steps;
      const grow = steps / s.steps;
      item.size = [s.size[0], s.size[1] * grow, s.size[2] * grow];
      const dz = (s.size[2] * grow - s.size[2]) / 2;
      // Extra steps extend the flight forward; walking down, they also reach lower.
      item.position = [item.position[0] + f.fx * dz, item.position[1] - (s.descending ? s.size[1] * (grow - 1) : 0), item.position[2] + f.fz * dz];
    }
    out.scene.push(item);
  }
  emitProps(ctx, c.def, c.mirrored, named);
}

/**
 * Emits the props a definition holds over this segment. Upper-body layers call it too, so a cup or a
 * phone shows in the hand when drinking while walking, not only when the action runs alone.
 */
export function emitProps(ctx: GenCtx, def: ActionDef, mirror: boolean, named?: string): void {
  const out = ctx.out;
  if (!out) return;
  (def.props ?? []).forEach((p, i) => {
    const hand = p.hand === 'both' ? 'both' : (p.hand === 'L') !== mirror ? 'leftHand' : 'rightHand';
    // The prop the prompt named ("drinks from a bottle", "swings a stick") replaces the default one.
    const kind = i === 0 && named && isPropKind(named) ? named : p.kind;
    const item: PropItem = {
      kind,
      attach: hand,
      startFrame: ctx.start + Math.round((p.from ?? 0) * (ctx.n - 1)),
      endFrame: ctx.start + Math.round((p.to ?? 1) * (ctx.n - 1)),
    };
    out.props.push(item);
  });
}

/** An upper-body data action as a gesture layer (hands, arms, torso and head only). */
export function dataGesture(def: ActionDef, step: PlanStep): Gesture {
  let c: CompiledAction | null = null;
  const tm = { k: 0, u: 0, span: 1 };
  return {
    ramp: 0.3,
    setup(rng) {
      c = compileAction(def, rng, mirrored(def, step), step.intensity ?? 1, 0.25);
    },
    frame(g) {
      if (!c) return;
      timeMap(c, repsOf(def, c.dur, step, g.dur), g.t, g.dur, tm);
      sampleRep(c, tm.k, tm.u, true);
      g.torso(ch[CH.lean]! * g.amp, ch[CH.twist]! * g.amp, ch[CH.side]! * g.amp);
      g.head(ch[CH.headPitch]! * g.amp, ch[CH.headYaw]! * g.amp, ch[CH.headRoll]!);
      for (const s of [0, 1] as const) {
        if (!c.usesArm[s]) continue;
        const h = HAND_BASE[s],
          a = ARM_BASE[s];
        if (c.usesHand[s]) {
          // Blend toward the hanging hand position by the IK weight, so entering and leaving IK never pops.
          const w = Math.max(0, Math.min(1, ch[h + 4]!)),
            sg = s === 0 ? 1 : -1;
          g.hand(s, sg * 0.3 + (ch[h]! - sg * 0.3) * w, -0.04 + (ch[h + 1]! + 0.04) * w, 0.06 + (ch[h + 2]! - 0.06) * w, [ch[h + 5]!, ch[h + 6]!, ch[h + 7]!]);
        } else g.arm(s, { down: ch[a]!, forward: ch[a + 1]!, twist: ch[a + 2]!, elbow: ch[a + 3]!, wrist: ch[a + 4]!, shrug: ch[a + 5]! });
      }
    },
  };
}
