/**
 * One table from every action id to how it is made: a gait parameter set (the footstep runtime), a
 * data-authored action (`library/`, interpreted by `runtime.ts`), a procedural generator kept where
 * it is the better tool (jump physics, sitting on a chair, postures, dance, jumping jacks) or an
 * upper-body gesture generator. Dispatch and duration fitting both read this table, so an id works
 * everywhere once it has an entry.
 */
import { Rng } from '../core/rng.ts';
import type { PlanStep } from '../prompt/plan.ts';
import type { GenCtx } from '../synth/context.ts';
import type { Posture } from '../synth/state.ts';
import { synthDance } from '../synth/dance.ts';
import type { GaitKind } from '../synth/gaits.ts';
import { GESTURES } from '../synth/gestures/catalog.ts';
import { gestureDuration } from '../synth/gestures/library.ts';
import type { Gesture } from '../synth/gestures/runner.ts';
import { runGesture } from '../synth/gestures/runner.ts';
import { layerWave, waveDuration } from '../synth/gestures/wave.ts';
import { synthIdle } from '../synth/idle.ts';
import { jumpDuration, synthJump } from '../synth/jump.ts';
import type { JumpParams } from '../synth/jump.ts';
import { synthJumpingJacks } from '../synth/jumpingJacks.ts';
import { synthKick } from '../synth/kick.ts';
import { synthPosture } from '../synth/postures.ts';
import { synthSit } from '../synth/sit.ts';
import { actionEntry } from './actionIds.ts';
import type { ActionDef } from './format.ts';
import { LIBRARY } from './library/index.ts';
import { dataDuration, dataGesture, emitProps, mirrored, runDataAction } from './runtime.ts';

export interface Duration {
  sec: number;
  flexible: boolean;
}

export type RegistryEntry =
  | { kind: 'gait'; gait: GaitKind; /** travel direction relative to the heading */ dir?: number; /** upper-body layer the style implies */ upper?: ActionDef }
  | { kind: 'data'; def: ActionDef }
  | { kind: 'proc'; run(ctx: GenCtx, step: PlanStep, last: boolean): void; duration(step: PlanStep): Duration }
  | { kind: 'gesture'; make(step: PlanStep, rng: Rng): Gesture; duration(step: PlanStep): Duration };

/** Jump parameters from a plan step; the jump family differs in height, distance and feet. */
function jumpParamsOf(s: PlanStep): JumpParams {
  const a = s.action;
  const hop = a === 'hop';
  const height = s.height ?? (hop ? 0.15 : a === 'leap' ? 0.35 : a === 'longJump' ? 0.4 : a === 'jumpInPlace' ? 0.25 : 0.3);
  const fwd = s.dir === Math.PI ? -1 : 1;
  const dflt = a === 'leap' ? 1.4 : a === 'longJump' ? 2.2 : hop ? 0.35 : 0.8;
  const travel = a === 'leap' || a === 'longJump' || s.dir !== undefined;
  const distance = s.inPlace || a === 'jumpInPlace' ? 0 : s.distance !== undefined ? fwd * s.distance : travel ? fwd * dflt : 0;
  const p: JumpParams = { height, distance, turn: s.angle ?? 0, count: Math.max(1, Math.min(20, Math.round(s.count ?? 1))) };
  if (hop) p.oneFoot = s.side ?? 1;
  return p;
}

const gait = (g: GaitKind, dir?: number): RegistryEntry => (dir === undefined ? { kind: 'gait', gait: g } : { kind: 'gait', gait: g, dir });

/** Zombie shamble: arms held out in front, elbows loose, head lolling. */
const ZOMBIE_ARMS: ActionDef = {
  id: 'zombieArms',
  dur: 1.6,
  cycle: true,
  keys: [
    { t: 0, hands: { L: { at: [0.2, 0.42, 0.5] }, R: { at: [-0.2, 0.4, 0.52] } }, head: { pitch: 0.25, roll: 0.2 }, shape: { L: 'relaxed', R: 'relaxed' } },
    { t: 0.5, hands: { L: { at: [0.18, 0.38, 0.52] }, R: { at: [-0.22, 0.44, 0.5] } }, head: { pitch: 0.3, roll: -0.15 } },
    { t: 1, hands: { L: { at: [0.2, 0.42, 0.5] }, R: { at: [-0.2, 0.4, 0.52] } }, head: { pitch: 0.25, roll: 0.2 } },
  ],
};
/** Drunk walk: arms loose and wide, the head and torso swaying. */
const DRUNK_SWAY: ActionDef = {
  id: 'drunkSway',
  dur: 2.2,
  cycle: true,
  keys: [
    { t: 0, torso: { side: 0.12 }, head: { roll: 0.2, pitch: 0.1 }, arms: { L: { down: 1.0, forward: 0.1, elbow: 0.4 }, R: { down: 1.0, forward: -0.1, elbow: 0.4 } } },
    { t: 0.5, torso: { side: -0.12 }, head: { roll: -0.2, pitch: 0.15 } },
    { t: 1, torso: { side: 0.12 }, head: { roll: 0.2, pitch: 0.1 } },
  ],
};
const proc = (run: (ctx: GenCtx, step: PlanStep, last: boolean) => void, duration: (step: PlanStep) => Duration): RegistryEntry => ({ kind: 'proc', run, duration });
const fixed =
  (sec: number, flexible = false) =>
  (): Duration => ({ sec, flexible });
const jumpEntry = proc(
  (ctx, s) => synthJump(ctx, jumpParamsOf(s)),
  (s) => ({ sec: jumpDuration(jumpParamsOf(s)) + 0.1, flexible: false }),
);
const posture = (kind: 'crouch' | 'kneel' | 'sitFloor' | 'lieDown') =>
  proc(
    (ctx, _s, last) => synthPosture(ctx, kind, { rise: !last }),
    (s) => gestureDuration({ ...s, action: kind }),
  );

const TABLE: Record<string, RegistryEntry> = {
  walk: gait('walk'),
  run: gait('run'),
  jog: gait('jog'),
  sneak: gait('sneak'),
  limp: gait('limp'),
  march: gait('march'),
  shuffle: gait('shuffle'),
  sidestep: gait('walk', Math.PI / 2),
  backward: gait('walk', Math.PI),
  skip: gait('skip'),
  tiptoe: gait('tiptoe'),
  strut: gait('strut'),
  stagger: gait('stagger'),
  zombieWalk: { kind: 'gait', gait: 'zombie', upper: ZOMBIE_ARMS },
  moonwalk: gait('moonwalk', Math.PI), // replaced by the data moonwalk (library/locomotion.ts)
  crouchWalk: gait('crouchWalk'),
  drunkWalk: { kind: 'gait', gait: 'drunk', upper: DRUNK_SWAY },
  injuredWalk: gait('limp'),
  swagger: gait('swagger'),
  powerWalk: gait('powerWalk'),
  // Turning on the spot runs through the footstep runtime too (merged with neighbouring gaits by the timeline).
  turn: gait('walk'),
  spin: gait('walk'),
  jump: jumpEntry,
  hop: jumpEntry,
  leap: jumpEntry,
  longJump: jumpEntry,
  jumpInPlace: jumpEntry,
  sit: proc((ctx) => synthSit(ctx, 'down'), fixed(2.2, true)),
  standUp: proc((ctx) => synthSit(ctx, 'up'), fixed(1.6)),
  idle: proc((ctx) => synthIdle(ctx), fixed(3, true)),
  crouch: posture('crouch'),
  kneel: posture('kneel'),
  sitFloor: posture('sitFloor'),
  lieDown: posture('lieDown'),
  squat: proc(
    (ctx, s) => synthPosture(ctx, 'squat', s.count !== undefined ? { rise: true, count: s.count } : { rise: true }),
    (s) => gestureDuration(s),
  ),
  kick: proc(
    (ctx, s) => synthKick(ctx, { ...(s.side !== undefined ? { side: s.side } : {}), ...(s.count !== undefined ? { count: s.count } : {}) }),
    (s) => gestureDuration(s),
  ),
  dance: proc(
    (ctx) => synthDance(ctx),
    (s) => gestureDuration(s),
  ),
  jumpingJacks: proc(
    (ctx, s) => synthJumpingJacks(ctx, s.count),
    (s) => gestureDuration(s),
  ),
};

// The keyframed upper-body gestures of the catalog.
for (const [id, make] of Object.entries(GESTURES)) TABLE[id] ??= { kind: 'gesture', make, duration: (s) => gestureDuration(s) };
TABLE.wave = {
  kind: 'gesture',
  make: () => {
    throw new Error('wave runs through layerWave');
  },
  duration: (s) => ({ sec: Math.max(2, waveDuration({ side: 1, cycles: s.count !== undefined ? s.count * 2 : 4 })), flexible: s.count === undefined }),
};
// Data-authored actions; a data definition replaces a procedural entry of the same id.
for (const def of LIBRARY) TABLE[def.id] = { kind: 'data', def };

export function registryEntry(id: string): RegistryEntry | undefined {
  return TABLE[id];
}

/** Turning in place and travelling gaits are merged into one footstep run by the timeline. */
export function isStepping(id: string): boolean {
  return TABLE[id]?.kind === 'gait';
}

/** Travelling gaits (turns are stepping but not travel). */
export function isGait(id: string): boolean {
  return TABLE[id]?.kind === 'gait' && id !== 'turn' && id !== 'spin';
}

export function gaitKindOf(id: string): GaitKind {
  const e = TABLE[id];
  return e?.kind === 'gait' ? e.gait : 'walk';
}

/** Upper-body layer actions (run over an idle base alone, or over locomotion with "while"). */
export function isUpper(id: string): boolean {
  return actionEntry(id)?.layer === 'upper' || (actionEntry(id) === undefined && TABLE[id]?.kind === 'gesture');
}

/**
 * The definition a data entry plays for this step: its descending variant when the step goes down, its
 * variant for the posture the character is in (when synthesizing; duration fitting uses the default).
 */
function defFor(def: ActionDef, step: PlanStep, posture?: Posture): ActionDef {
  if (step.dir === Math.PI && def.down) return def.down;
  const from = posture === 'lieFront' || posture === 'sitFloor' || posture === 'kneel' ? def.from?.[posture] : undefined;
  return from ?? def;
}

/** Natural length of a non-locomotion step. */
export function durationOf(step: PlanStep): Duration {
  const e = TABLE[step.action];
  if (!e) return { sec: 2.5, flexible: true };
  switch (e.kind) {
    case 'data':
      return dataDuration(defFor(e.def, step), step);
    case 'proc':
    case 'gesture':
      return e.duration(step);
    case 'gait':
      return { sec: 4, flexible: true };
  }
}

/** Posture a step leaves the character in (for inserting a get-up before standing actions). */
export function endsDown(id: string): boolean {
  const e = TABLE[id];
  return e?.kind === 'data' && e.def.ends !== undefined && e.def.ends !== 'stand';
}

/** Applies an upper-body step as a layer over whatever the segment already holds. */
export function layerStep(ctx: GenCtx, step: PlanStep): void {
  const e = TABLE[step.action];
  if (step.action === 'wave') {
    layerWave(ctx, { side: step.side ?? 1, cycles: step.count !== undefined ? step.count * 2 : 99, both: step.both ?? false });
    return;
  }
  if (e?.kind === 'gesture') runGesture(ctx, e.make(step, new Rng(Math.floor(ctx.rng.next() * 4294967296))));
  else if (e?.kind === 'data') {
    runGesture(ctx, dataGesture(e.def, step));
    emitProps(ctx, e.def, mirrored(e.def, step), step.prop);
  } else throw new Error(`"${step.action}" is not an upper-body action`);
}

/** Layers the upper body a gait style implies (zombie arms) over its locomotion segment. */
export function layerGaitStyle(ctx: GenCtx, step: PlanStep): void {
  const e = TABLE[step.action];
  if (e?.kind === 'gait' && e.upper) runGesture(ctx, dataGesture(e.upper, { ...step, count: undefined }));
}

/**
 * The normalised part of a data action to play given its neighbours: actions sharing a chain (strikes
 * from the fighting stance) join inside it instead of stepping out and back in. Counted steps play whole.
 */
export function chainTrim(prev: PlanStep | undefined, step: PlanStep, next: PlanStep | undefined): [number, number] {
  const e = TABLE[step.action];
  const ch = e?.kind === 'data' ? e.def.chain : undefined;
  if (!ch || step.count !== undefined) return [0, 1];
  const joins = (o: PlanStep | undefined): boolean => {
    const oe = o ? TABLE[o.action] : undefined;
    return oe?.kind === 'data' && oe.def.chain?.name === ch.name && o!.count === undefined;
  };
  return [joins(prev) ? ch.from : 0, joins(next) ? ch.to : 1];
}

/** Synthesizes a full-body step (anything that is not a footstep run or an upper-body layer). */
export function runFull(ctx: GenCtx, step: PlanStep, last: boolean, prev?: PlanStep, next?: PlanStep): void {
  const e = TABLE[step.action];
  if (!e) throw new Error(`no motion for action "${step.action}"`);
  switch (e.kind) {
    case 'data':
      runDataAction(ctx, defFor(e.def, step, ctx.st.posture), step, chainTrim(prev, step, next));
      return;
    // A posture followed by getting up stays down for it ("kneels, then gets up" rises once, in getUp).
    case 'proc':
      e.run(ctx, step, last || next?.action === 'getUp');
      return;
    case 'gesture':
      synthIdle(ctx);
      layerStep(ctx, step);
      return;
    case 'gait':
      synthIdle(ctx);
      return;
  }
}
