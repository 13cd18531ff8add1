/**
 * The declarative action format (docs/action-format.md): an action is a short list of key poses on a
 * normalised time axis, written as body-relative IK targets (hands, feet, hips) and joint angles
 * (pelvis, torso, head, arms, legs), plus timing, easing, contacts, root motion, ballistic flight,
 * props, scene proxies and hand shapes. `compileAction` turns one definition into dense channel
 * vectors for one variant (sampling every `[min, max]` range once, mirroring, scaling by intensity);
 * the procedural runtime (`runtime.ts`) then samples those channels per frame.
 *
 * Coordinates: the action frame has its origin on the floor midway between the feet where the action
 * starts, x to the character's left, y up, z forward. Hands are relative to the hips in that frame
 * (or to the action origin with `ground: true`); feet are offsets from where each foot stood, with an
 * absolute ankle height (0.08 = flat on the floor); hips `y` is an absolute height.
 */
import type { HandShape } from '../core/hands.ts';
import type { Rng } from '../core/rng.ts';
import { hermite } from '../core/hermite.ts';

/** A number, a per-variant range `[min, max]`, or the name of a variable from `vars` (optionally '-name'). */
export type Num = number | readonly [number, number] | string;
type V3 = readonly [Num, Num, Num];

type Side = 'L' | 'R';
type Ease = 'smooth' | 'linear' | 'in' | 'out';

export interface HandKey {
  /** Wrist target, metres. */
  at: V3;
  /** Relative to the action origin on the floor instead of the hips (hands planted on the ground, on a prop). */
  ground?: boolean;
  /** Direction the elbow bends toward (body frame); default down and back. */
  pole?: V3;
}

interface ArmKey {
  down?: Num;
  forward?: Num;
  twist?: Num;
  elbow?: Num;
  wrist?: Num;
  shrug?: Num;
}

export interface FootKey {
  /** Offset from where this foot stood when the action began: x left, y absolute ankle height, z forward. */
  at?: V3;
  /** Toes down (+) / up (−), radians. */
  pitch?: Num;
  /** Extra foot yaw, radians. */
  yaw?: Num;
  /** May bear weight (default true); the runtime marks contact only while the planted foot is also still. */
  contact?: boolean;
}

/** Leg joint angles (the leg leaves IK): hip flexion forward (+), abduction outward (+), twist, knee bend (+). */
interface LegKey {
  flex?: Num;
  abduct?: Num;
  twist?: Num;
  knee?: Num;
}

export interface KeyPose {
  /** Normalised time 0..1 within the action (or within one cycle of a cyclic action). */
  t: number;
  /** How the motion arrives at this key: smooth (Catmull-Rom), linear, in (accelerating, strikes), out (decelerating). */
  ease?: Ease;
  hips?: { x?: Num; y?: Num; z?: Num; pitch?: Num; roll?: Num; yaw?: Num };
  /** Heading change since the action began, radians (+ = left). */
  turn?: Num;
  torso?: { lean?: Num; side?: Num; twist?: Num };
  head?: { pitch?: Num; yaw?: Num; roll?: Num };
  hands?: Partial<Record<Side, HandKey>>;
  arms?: Partial<Record<Side, ArmKey>>;
  feet?: Partial<Record<Side, FootKey>>;
  legs?: Partial<Record<Side, LegKey>>;
  /** The segment from this key to the next is a ballistic flight: hips height follows gravity. */
  air?: boolean;
  /** Hand shapes from this key on. */
  shape?: Partial<Record<Side, HandShape>>;
}

const PROP_KINDS = [
  'ball',
  'cup',
  'bottle',
  'box',
  'bat',
  'club',
  'racket',
  'sword',
  'rifle',
  'pistol',
  'phone',
  'book',
  'broom',
  'shovel',
  'hammer',
  'bow',
  'rope',
  'paddle',
  'dumbbell',
  'food',
  'pen',
  'camera',
  'toothbrush',
  'comb',
  'cloth',
  'stick',
  'hoop',
  'board',
  'knife',
  'axe',
  'bag',
] as const;
export type PropKind = (typeof PROP_KINDS)[number];

export function isPropKind(s: string): s is PropKind {
  return (PROP_KINDS as readonly string[]).includes(s);
}
export type SceneKind = 'stairs' | 'box' | 'chair' | 'ladder' | 'wall' | 'door' | 'beam' | 'mat' | 'table' | 'bar';

interface PropSpec {
  kind: PropKind;
  /** Which hand holds it ('both' = centred between the hands); mirrored with the action. */
  hand: Side | 'both';
  /** Held from / to these normalised times (default the whole action). */
  from?: number;
  to?: number;
}

interface SceneSpec {
  kind: SceneKind;
  /** Centre of the proxy's footprint in the action frame (x left, y base height, z forward), metres. */
  at: readonly [number, number, number];
  /** Width (x), height (y), depth (z), metres. */
  size: readonly [number, number, number];
  /** Stairs: number of steps, and how many more each extra repetition of the loop climbs. */
  steps?: number;
  perLoop?: number;
  /**
   * Stairs rise toward the character's back (walking down them). Other proxies marked descending (not stairs)
   * stand on the floor the action ends on (a ladder climbed down from the top), not on the raised start.
   */
  descending?: boolean;
}

export interface ActionDef {
  id: string;
  /** Seconds for the whole action, or for one cycle when `cycle` is set. */
  dur: Num;
  keys: KeyPose[];
  /** Keys describe one cycle; counts repeat it and the segment length decides how many otherwise. */
  cycle?: boolean;
  /** Normalised window that repeats (the pumping part of push-ups between getting down and up); `cycle` is [0, 1]. */
  loop?: readonly [number, number];
  /**
   * Without a count, the loop repeats to fill the segment (climbing, crawling, push-ups). Otherwise a
   * loop runs once unless the plan gives a count ("three jabs"). Cyclic actions always fill.
   */
  fill?: boolean;
  /** Normalised time window that absorbs extra time when the action is given longer than it needs (a held pose). */
  hold?: readonly [number, number];
  /** Side the keys are written for (default 'R'); a plan step asking for the other side mirrors them. */
  side?: Side;
  /** Named per-variant ranges usable as values ('h', '-h'). */
  vars?: Record<string, readonly [number, number] | number>;
  props?: PropSpec[];
  scene?: SceneSpec[];
  /** Posture the character is left in (default stand). */
  ends?: 'stand' | 'lie' | 'lieFront' | 'sitFloor' | 'kneel' | 'crouch';
  /**
   * The part of the action between entering and leaving a shared stance (a fighting guard): two
   * neighbouring actions with the same `chain` name join there directly ("a jab then a hook").
   */
  chain?: { name: string; from: number; to: number };
  /** Travel is removed as for a plan step's "in place" (running or walking on the spot). */
  inPlace?: boolean;
  /**
   * Keys descend below the floor (stairs down, stepping off a box): the whole action is raised by the
   * total descent so it ends on the floor, and the character starts on the raised support.
   */
  startsHigh?: boolean;
  /**
   * The same action going down, played when the plan step's direction is backward/down (`dir` π):
   * "climbs down a ladder" is climbLadder with its descending definition.
   */
  down?: ActionDef;
  /**
   * Variants by the posture the character is in when the action starts (getting up from lying face
   * down, from sitting or kneeling); the definition itself plays from any other posture.
   */
  from?: Partial<Record<'lieFront' | 'sitFloor' | 'kneel', ActionDef>>;
}

// ---- Channel layout -------------------------------------------------------------------------------

export const CH = {
  rootX: 0,
  rootY: 1,
  rootZ: 2,
  pelvisPitch: 3,
  pelvisRoll: 4,
  pelvisYaw: 5,
  turn: 6,
  lean: 7,
  side: 8,
  twist: 9,
  headPitch: 10,
  headYaw: 11,
  headRoll: 12,
} as const;
/** Per hand: x, y, z, ground weight, IK weight, pole x, y, z. */
export const HAND_BASE = [13, 21] as const;
/** Per arm: down, forward, twist, elbow, wrist, shrug. */
export const ARM_BASE = [29, 35] as const;
/** Per foot: dx, y, dz, pitch, yaw, IK weight, contact. */
export const FOOT_BASE = [41, 48] as const;
/** Per leg: flex, abduct, twist, knee. */
export const LEG_BASE = [55, 59] as const;
export const CHANNELS = 63;

/** Neutral values: standing, arms hanging, feet flat where they stood. */
const NEUTRAL: readonly number[] = (() => {
  const v = new Array<number>(CHANNELS).fill(0);
  v[CH.rootY] = 0.955;
  for (const s of [0, 1]) {
    const sg = s === 0 ? 1 : -1;
    const h = HAND_BASE[s]!;
    v[h] = sg * 0.3;
    v[h + 1] = -0.04;
    v[h + 2] = 0.06;
    v[h + 5] = sg * 0.5;
    v[h + 6] = -1;
    v[h + 7] = -0.4;
    const a = ARM_BASE[s]!;
    v[a] = 1.28;
    v[a + 3] = 0.2;
    v[a + 4] = 0.1;
    const f = FOOT_BASE[s]!;
    v[f + 1] = 0.08;
    v[f + 5] = 1;
    v[f + 6] = 1;
  }
  return v;
})();

/** Channels whose sign flips when an action is mirrored left ↔ right (lateral positions, yaws, rolls). */
const MIRROR_NEG: number[] = [CH.rootX, CH.pelvisRoll, CH.pelvisYaw, CH.turn, CH.side, CH.twist, CH.headYaw, CH.headRoll];
for (const s of [0, 1]) {
  MIRROR_NEG.push(HAND_BASE[s]!, HAND_BASE[s]! + 5, FOOT_BASE[s]!, FOOT_BASE[s]! + 4);
}
/** Channels scaled by intensity: torso, head, pelvis yaw and the horizontal root travel. */
const INTENSITY: number[] = [CH.rootX, CH.rootZ, CH.pelvisYaw, CH.lean, CH.side, CH.twist, CH.headPitch, CH.headYaw, CH.headRoll];

interface CompiledKey {
  t: number;
  ease: Ease;
  air: boolean;
  v: Float64Array;
  shape: [HandShape | null, HandShape | null];
}

export interface CompiledAction {
  def: ActionDef;
  /** Seconds (one cycle when cyclic). */
  dur: number;
  keys: CompiledKey[];
  /** Whether the action ever sets each hand by IK / arm angles, each foot, each leg angle: groups it owns. */
  usesArm: [boolean, boolean];
  usesLegAngles: [boolean, boolean];
  /** Whether any key places each hand by IK. */
  usesHand: [boolean, boolean];
  /** Index of the hand that holds each prop after mirroring. */
  mirrored: boolean;
}

function resolve(n: Num | undefined, rng: Rng, vars: Record<string, number>): number | undefined {
  if (n === undefined) return undefined;
  if (typeof n === 'number') return n;
  if (typeof n === 'string') {
    const neg = n.startsWith('-');
    const v = vars[neg ? n.slice(1) : n];
    if (v === undefined) throw new Error(`action variable "${n}" is not declared in vars`);
    return neg ? -v : v;
  }
  return rng.range(n[0], n[1]);
}

const SIDES: readonly Side[] = ['L', 'R'];

/**
 * Resolves one definition for one variant. `mirror` swaps sides (the plan asked for the other hand or
 * foot); `intensity` (1 = as authored) scales the torso, head and travel channels; `timing` (a
 * fraction of the gap to the neighbours) moves interior keys per variant.
 */
export function compileAction(def: ActionDef, rng: Rng, mirror: boolean, intensity = 1, timing = 0): CompiledAction {
  const vars: Record<string, number> = {};
  for (const [k, v] of Object.entries(def.vars ?? {})) vars[k] = typeof v === 'number' ? v : rng.range(v[0], v[1]);
  const r = (n: Num | undefined): number | undefined => resolve(n, rng, vars);
  const prev = Float64Array.from(NEUTRAL);
  const usesArm: [boolean, boolean] = [false, false];
  const usesLegAngles: [boolean, boolean] = [false, false];
  const usesHand: [boolean, boolean] = [false, false];
  const keys: CompiledKey[] = [];
  let shapes: [HandShape | null, HandShape | null] = [null, null];
  const set = (c: number, n: Num | undefined): void => {
    const x = r(n);
    if (x !== undefined) prev[c] = x;
  };
  for (const k of [...def.keys].sort((a, b) => a.t - b.t)) {
    const v = prev;
    set(CH.rootX, k.hips?.x);
    set(CH.rootY, k.hips?.y);
    set(CH.rootZ, k.hips?.z);
    set(CH.pelvisPitch, k.hips?.pitch);
    set(CH.pelvisRoll, k.hips?.roll);
    set(CH.pelvisYaw, k.hips?.yaw);
    set(CH.turn, k.turn);
    set(CH.lean, k.torso?.lean);
    set(CH.side, k.torso?.side);
    set(CH.twist, k.torso?.twist);
    set(CH.headPitch, k.head?.pitch);
    set(CH.headYaw, k.head?.yaw);
    set(CH.headRoll, k.head?.roll);
    SIDES.forEach((sd, s) => {
      const h = k.hands?.[sd];
      if (h) {
        const b = HAND_BASE[s]!;
        set(b, h.at[0]);
        set(b + 1, h.at[1]);
        set(b + 2, h.at[2]);
        v[b + 3] = h.ground ? 1 : 0;
        v[b + 4] = 1;
        if (h.pole) {
          set(b + 5, h.pole[0]);
          set(b + 6, h.pole[1]);
          set(b + 7, h.pole[2]);
        }
        usesArm[s] = true;
        usesHand[s] = true;
      }
      const a = k.arms?.[sd];
      if (a) {
        const b = ARM_BASE[s]!;
        set(b, a.down);
        set(b + 1, a.forward);
        set(b + 2, a.twist);
        set(b + 3, a.elbow);
        set(b + 4, a.wrist);
        set(b + 5, a.shrug);
        if (!h) v[HAND_BASE[s]! + 4] = 0;
        usesArm[s] = true;
      }
      const f = k.feet?.[sd];
      if (f) {
        const b = FOOT_BASE[s]!;
        if (f.at) {
          set(b, f.at[0]);
          set(b + 1, f.at[1]);
          set(b + 2, f.at[2]);
        }
        set(b + 3, f.pitch);
        set(b + 4, f.yaw);
        v[b + 5] = 1;
        // Contact is allowed unless the key forbids it; the runtime also requires the foot to be still.
        v[b + 6] = f.contact === false ? 0 : 1;
      }
      const l = k.legs?.[sd];
      if (l) {
        const b = LEG_BASE[s]!;
        set(b, l.flex);
        set(b + 1, l.abduct);
        set(b + 2, l.twist);
        set(b + 3, l.knee);
        // Angles win over a foot target in the same key: the target is where the foot will land next.
        v[FOOT_BASE[s]! + 5] = 0;
        v[FOOT_BASE[s]! + 6] = 0;
        usesLegAngles[s] = true;
      }
      const sh = k.shape?.[sd];
      if (sh) {
        shapes = [...shapes] as [HandShape | null, HandShape | null];
        shapes[s] = sh;
      }
    });
    keys.push({ t: k.t, ease: k.ease ?? 'smooth', air: k.air ?? false, v: Float64Array.from(v), shape: shapes });
  }
  if (keys.length === 0) throw new Error(`action "${def.id}" has no keys`);
  // Per-variant timing: interior keys move a little (never past a neighbour, never the loop or hold
  // bounds), so variants differ in rhythm as well as in the sampled ranges.
  const fixedT = new Set([0, 1, ...(def.loop ?? []), ...(def.hold ?? [])]);
  for (let i = 1; i < keys.length - 1; i++) {
    const k = keys[i]!;
    if (fixedT.has(k.t)) continue;
    const lo = keys[i - 1]!.t,
      hi = keys[i + 1]!.t;
    k.t = Math.min(hi - 0.01, Math.max(lo + 0.01, k.t + rng.range(-timing, timing) * (hi - lo)));
  }
  for (const k of keys) {
    for (const c of INTENSITY) k.v[c] = NEUTRAL[c]! + (k.v[c]! - NEUTRAL[c]!) * intensity;
  }
  if (mirror) {
    for (const k of keys) {
      const v = k.v;
      const swap = (a: number, b: number, len: number): void => {
        for (let i = 0; i < len; i++) {
          const x = v[a + i]!;
          v[a + i] = v[b + i]!;
          v[b + i] = x;
        }
      };
      swap(HAND_BASE[0], HAND_BASE[1], 8);
      swap(ARM_BASE[0], ARM_BASE[1], 6);
      swap(FOOT_BASE[0], FOOT_BASE[1], 7);
      swap(LEG_BASE[0], LEG_BASE[1], 4);
      for (const c of MIRROR_NEG) v[c] = -v[c]!;
      k.shape = [k.shape[1], k.shape[0]];
    }
    usesArm.reverse();
    usesLegAngles.reverse();
    usesHand.reverse();
  }
  const dur = Math.max(0.1, r(def.dur) ?? 1);
  return { def, dur, keys, usesArm, usesLegAngles, usesHand, mirrored: mirror };
}

/** Ease applied to the local parameter of the span arriving at a key. */
function warp(e: Ease, u: number): number {
  switch (e) {
    case 'in':
      return u * u;
    case 'out':
      return 1 - (1 - u) * (1 - u);
    default:
      return u;
  }
}

/**
 * Samples every channel at normalised time `t` into `out`: Catmull-Rom through the keys (C1, so poses
 * flow through keys without stopping), linear or accelerated spans where a key asks for them.
 * Returns the index of the key that starts the span (for air spans and hand shapes).
 */
export function sampleAction(c: CompiledAction, t: number, out: Float64Array): number {
  const ks = c.keys,
    n = ks.length;
  if (t <= ks[0]!.t || n === 1) {
    out.set(ks[0]!.v);
    return 0;
  }
  if (t >= ks[n - 1]!.t) {
    out.set(ks[n - 1]!.v);
    return n - 1;
  }
  let i = 0;
  while (i < n - 2 && ks[i + 1]!.t <= t) i++;
  const a = ks[i]!,
    b = ks[i + 1]!;
  const h = b.t - a.t;
  if (!(h > 1e-9)) {
    out.set(b.v);
    return i + 1;
  }
  const u = warp(b.ease, (t - a.t) / h);
  if (b.ease === 'linear') {
    for (let ch = 0; ch < CHANNELS; ch++) out[ch] = a.v[ch]! + (b.v[ch]! - a.v[ch]!) * u;
    return i;
  }
  const pa = ks[Math.max(0, i - 1)]!,
    pb = ks[Math.min(n - 1, i + 2)]!;
  const da = i === 0 ? 0 : h / (b.t - pa.t),
    db = i + 1 === n - 1 ? 0 : h / (pb.t - a.t);
  for (let ch = 0; ch < CHANNELS; ch++) {
    const av = a.v[ch]!,
      bv = b.v[ch]!,
      pav = pa.v[ch]!,
      pbv = pb.v[ch]!;
    // Tangents are zeroed at extremes and holds (neighbouring differences of opposite sign or zero), so a
    // pose reaches its key without overshooting it: a held plank stays put, a punch stops at full reach.
    const ma = (av - pav) * (bv - av) > 0 ? (bv - pav) * da : 0;
    const mb = (bv - av) * (pbv - bv) > 0 ? (pbv - av) * db : 0;
    out[ch] = hermite(u, av, ma, bv, mb);
  }
  return i;
}
