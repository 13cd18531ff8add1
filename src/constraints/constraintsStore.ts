/**
 * What the animator has shown (issue 18): a floor path, key poses and pins, kept in the browser until
 * they are sent with the next generation (or as a rerun of the selected take, which makes a new take).
 * World metres on the canonical rig, seconds from the clip start — the same shape as the job contract.
 */
import { create } from 'zustand';
import type { Constraints, KeyPose, Pin, PathWaypoint } from '../../server/contract/constraints.ts';

export type ConstraintMode = 'off' | 'path' | 'pose';
/** Perspective (orbit) or an orthographic front / side / top view. */
export type ViewAxis = 'persp' | 'front' | 'side' | 'top';
export type Effector = Pin['effector'];
/** What the pose tool's handle drives: a limb's IK target, the hips, or the head's look-at point. */
export type HandleKind = Effector | 'hips' | 'lookAt';

interface ConstraintsState {
  mode: ConstraintMode;
  waypoints: PathWaypoint[];
  keyPoses: KeyPose[];
  pins: Pin[];
  /** Which IK handle the pose tool shows. */
  effector: HandleKind;
  /** Where the pose handle is (world metres); null until it is placed on the character. */
  handle: [number, number, number] | null;
  /** FK rotation ring: the selected bone (canonical name, e.g. "rightLowerArm") and its ring-edited local rotation. */
  fkBone: string | null;
  fkRotation: [number, number, number, number] | null;
  /** Seeing motion: ghost poses at ±onion frames (0 = off), every `onionStep` frames; trails of hands, feet, hips. */
  onion: number;
  onionStep: number;
  trails: boolean;
  /** The shown take's BVH, which the ghosts and trails are drawn from (set by the panel). */
  motionUrl: string | null;
  view: ViewAxis;
  setSeeing(v: Partial<Pick<ConstraintsState, 'onion' | 'onionStep' | 'trails' | 'motionUrl' | 'view'>>): void;
  setMode(mode: ConstraintMode): void;
  addWaypoint(x: number, z: number): void;
  moveWaypoint(i: number, x: number, z: number): void;
  setWaypointTime(i: number, t: number | undefined): void;
  removeWaypoint(i: number): void;
  setEffector(e: HandleKind): void;
  setHandle(p: [number, number, number] | null): void;
  /** Key pose at time t from the handle; a key already at that time gets the effector added. */
  keyHandleAt(t: number): void;
  setFkBone(bone: string | null): void;
  setFkRotation(q: [number, number, number, number] | null): void;
  /** Adds the ring's rotation of the selected bone to the key at time t (made if there is none). */
  keyRotationAt(t: number): void;
  /** Reset bone: drops the selected bone's rotation from the key at t (the bone follows the animation again). */
  resetBoneAt(t: number): void;
  removeKeyPose(i: number): void;
  /** Replaces key i (mirror) or adds a key, keeping keys sorted and one per time. */
  putKeyPose(k: KeyPose, replace?: number): void;
  addPin(pin: Pin): void;
  removePin(i: number): void;
  clear(): void;
  /** Replaces everything with a take's stored constraints (to edit them into a new take). */
  load(c: Constraints | undefined): void;
}

/** Waypoints closer than this to the previous one are a double click, not a new point. */
const MIN_SPACING_M = 0.15;
const round = (v: number) => Math.round(v * 1000) / 1000;
/** Quaternion components: 1e-4 is ~0.01°, finer than a ring drag can aim. */
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** The keys with `change` applied to the one at time t, or with a new key there (kept sorted, one per time). */
function withKeyAt(keyPoses: KeyPose[], t: number, change: (k: KeyPose) => KeyPose): KeyPose[] {
  const at = Math.round(t * 1000) / 1000;
  const same = keyPoses.findIndex((k) => Math.abs(k.t - at) < 1e-3);
  if (same >= 0) return keyPoses.map((k, i) => (i === same ? change(k) : k));
  return [...keyPoses, change({ t: at })].sort((a, b) => a.t - b.t);
}

function isEmptyKey(k: KeyPose): boolean {
  return !k.hips && !k.lookAt && !Object.keys(k.effectors ?? {}).length && !Object.keys(k.rotations ?? {}).length;
}

export const useConstraints = create<ConstraintsState>()((set, get) => ({
  mode: 'off',
  waypoints: [],
  keyPoses: [],
  pins: [],
  effector: 'rightHand',
  handle: null,
  fkBone: null,
  fkRotation: null,
  onion: 0,
  onionStep: 5,
  trails: false,
  motionUrl: null,
  view: 'persp',
  setSeeing: (v) => set(v),
  setMode: (mode) => set({ mode }),
  addWaypoint: (x, z) => {
    const wps = get().waypoints;
    // The path starts where the character stands: the first click anchors it at the origin.
    const start = wps.length === 0 ? [{ x: 0, z: 0 }] : [];
    const last = [...wps, ...start].at(-1);
    if (last && Math.hypot(last.x - x, last.z - z) < MIN_SPACING_M) {
      if (start.length) set({ waypoints: start });
      return;
    }
    set({ waypoints: [...wps, ...start, { x: round(x), z: round(z) }] });
  },
  moveWaypoint: (i, x, z) => set({ waypoints: get().waypoints.map((w, k) => (k === i && k > 0 ? { ...w, x: round(x), z: round(z) } : w)) }),
  setWaypointTime: (i, t) =>
    set({
      waypoints: get().waypoints.map((w, k) => {
        if (k !== i) return w;
        const { t: _old, ...rest } = w;
        return t === undefined ? rest : { ...rest, t };
      }),
    }),
  removeWaypoint: (i) => set({ waypoints: i === 0 ? [] : get().waypoints.filter((_, k) => k !== i) }),
  setEffector: (effector) => set({ effector, handle: null }),
  setHandle: (handle) => set({ handle: handle ? [round(handle[0]), round(handle[1]), round(handle[2])] : null }),
  keyHandleAt: (t) => {
    const { handle, effector, keyPoses } = get();
    if (!handle) return;
    set({
      keyPoses: withKeyAt(keyPoses, t, (k) =>
        effector === 'hips' || effector === 'lookAt' ? { ...k, [effector]: handle } : { ...k, effectors: { ...k.effectors, [effector]: handle } },
      ),
    });
  },
  setFkBone: (fkBone) => set({ fkBone, fkRotation: null }),
  setFkRotation: (q) => set({ fkRotation: q ? [round4(q[0]), round4(q[1]), round4(q[2]), round4(q[3])] : null }),
  keyRotationAt: (t) => {
    const { fkBone, fkRotation, keyPoses } = get();
    if (!fkBone || !fkRotation) return;
    set({ keyPoses: withKeyAt(keyPoses, t, (k) => ({ ...k, rotations: { ...k.rotations, [fkBone]: fkRotation } })) });
  },
  resetBoneAt: (t) => {
    const { fkBone, keyPoses } = get();
    if (!fkBone) return;
    const at = Math.round(t * 1000) / 1000;
    const next = keyPoses.flatMap((k) => {
      if (Math.abs(k.t - at) >= 1e-3 || !k.rotations?.[fkBone]) return [k];
      const { [fkBone]: _dropped, ...rotations } = k.rotations;
      const { rotations: _all, ...rest } = k;
      const kept: KeyPose = Object.keys(rotations).length ? { ...rest, rotations } : rest;
      // A key left with nothing to pose is no key at all.
      return isEmptyKey(kept) ? [] : [kept];
    });
    set({ keyPoses: next, fkRotation: null });
  },
  removeKeyPose: (i) => set({ keyPoses: get().keyPoses.filter((_, k) => k !== i) }),
  putKeyPose: (k, replace) => {
    const rest = get().keyPoses.filter((x, i) => i !== replace && Math.abs(x.t - k.t) >= 1e-3);
    set({ keyPoses: [...rest, k].sort((a, b) => a.t - b.t) });
  },
  addPin: (pin) => set({ pins: [...get().pins, pin] }),
  removePin: (i) => set({ pins: get().pins.filter((_, k) => k !== i) }),
  clear: () => set({ waypoints: [], keyPoses: [], pins: [], handle: null, fkRotation: null }),
  load: (c) => set({ waypoints: c?.path?.waypoints ?? [], keyPoses: c?.keyPoses ?? [], pins: c?.pins ?? [], handle: null }),
}));

/** The request field for the current constraints, or undefined when there are none. */
export function constraintsForRequest(s: Pick<ConstraintsState, 'waypoints' | 'keyPoses' | 'pins'> = useConstraints.getState()): Constraints | undefined {
  const c: Constraints = {};
  if (s.waypoints.length >= 2) c.path = { waypoints: s.waypoints };
  if (s.keyPoses.length) c.keyPoses = s.keyPoses;
  if (s.pins.length) c.pins = s.pins;
  return Object.keys(c).length ? c : undefined;
}

/** A text2motion body with the current constraints added (unchanged when there are none). */
export function withConstraints<T extends object>(body: T): T {
  const c = constraintsForRequest();
  return c ? { ...body, constraints: c } : body;
}
