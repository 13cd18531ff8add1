/**
 * Duration fitting: every plan step gets a natural length; when the user asks for a total duration,
 * flexible steps (cyclic locomotion, idle, open-ended gestures) absorb the difference first, rigid
 * ones (jumps, turns, sitting) only stretch within ±30% and any remainder becomes a settling idle.
 * Frame counts come from cumulative rounding so the total is exactly round(T·fps) + 1 frames.
 */
import { GAITS } from '../synth/gaits.ts';
import type { PlanStep } from '../prompt/plan.ts';
import { chainTrim, durationOf, endsDown, gaitKindOf, isGait, isUpper, registryEntry } from '../actions/registry.ts';

export interface Segment {
  step: PlanStep;
  start: number;
  n: number;
}

/** Natural length of a step in seconds, and whether it may stretch freely. */
export function naturalDuration(s: PlanStep): { sec: number; flexible: boolean } {
  if (s.durationSec !== undefined) return { sec: Math.max(0.2, s.durationSec), flexible: false };
  if (isGait(s.action)) {
    const g = GAITS[gaitKindOf(s.action)];
    const v = Math.max(0.2, s.speed ?? g.speed);
    const turnExtra = (Math.abs(s.angle ?? 0) / (Math.PI / 2)) * 0.5;
    // Cruise time plus what starting (≈ v/8 s) and stopping (v/2.5 s, then closing steps) cost.
    if (s.distance !== undefined) return { sec: s.distance / v + v / 8 + v / 2.5 + 0.6 + turnExtra, flexible: false };
    if (s.count !== undefined) return { sec: s.count / g.freq(v) + 0.7 + turnExtra, flexible: false };
    return { sec: (s.action === 'run' || s.action === 'jog' ? 3.5 : 4) + turnExtra, flexible: true };
  }
  switch (s.action) {
    case 'turn':
      return { sec: 0.7 + (Math.abs(s.angle ?? Math.PI / 2) / (Math.PI / 2)) * 0.65, flexible: false };
    case 'spin':
      return { sec: 0.5 + (Math.abs(s.angle ?? 2 * Math.PI) / (2 * Math.PI)) * 1.3, flexible: false };
    default: {
      const d = durationOf(s);
      return { sec: d.sec, flexible: d.flexible || (isUpper(s.action) && s.count === undefined) };
    }
  }
}

/** Inserts the posture changes a plan implies but does not say ("sit down, then walk" needs a stand-up). */
export function withPostureTransitions(steps: readonly PlanStep[]): PlanStep[] {
  const out: PlanStep[] = [];
  let seated = false;
  let down = false;
  for (const s of steps) {
    const keepsSeat = s.action === 'sit' || s.action === 'idle' || isUpper(s.action) || s.action === 'standUp';
    if (seated && !keepsSeat) out.push({ action: 'standUp', label: '', with: [] });
    // Lying or sitting on the floor after a fall: standing actions need a get-up first.
    if (down && (isGait(s.action) || s.action === 'turn' || s.action === 'spin' || s.action === 'jump')) out.push({ action: 'getUp', label: '', with: [] });
    out.push(s);
    if (s.action === 'sit') seated = true;
    else if (!keepsSeat || s.action === 'standUp') seated = false;
    if (endsDown(s.action)) down = true;
    else if (!isUpper(s.action) && s.action !== 'idle') down = false;
  }
  return out;
}

export function fitSegments(steps: readonly PlanStep[], durationSec: number, fps: number, jitter: (i: number) => number): { segments: Segment[]; frames: number } {
  const list = steps.length ? [...steps] : [{ action: 'idle', label: 'idle', with: [] } as PlanStep];
  const nat = list.map((s, i) => {
    const d = naturalDuration(s);
    // Chained strikes play only their part inside the shared stance.
    const [a, b] = chainTrim(list[i - 1], s, list[i + 1]);
    // Variants differ in tempo: flexible steps by the jitter, whole data actions of fixed length (a jab,
    // a cartwheel) by half again as much, since their keys scale with the segment. Other rigid steps
    // (jumps, turns), strikes joined in a combo (the chain sets their rhythm) and lengths the prompt
    // gave keep their exact length.
    const whole = a === 0 && b === 1;
    const tempo = d.flexible ? jitter(i) : whole && registryEntry(s.action)?.kind === 'data' && s.durationSec === undefined ? 1 + 1.5 * (jitter(i) - 1) : 1;
    return { sec: d.sec * tempo * (b - a), flexible: d.flexible };
  });
  let total =
    durationSec > 0
      ? durationSec
      : Math.min(
          60,
          Math.max(
            1,
            nat.reduce((a, d) => a + d.sec, 0),
          ),
        );
  total = Math.round(total * fps) / fps;
  const flexSum = nat.reduce((a, d) => a + (d.flexible ? d.sec : 0), 0);
  const rigidSum = nat.reduce((a, d) => a + (d.flexible ? 0 : d.sec), 0);
  let secs: number[];
  if (durationSec <= 0) secs = nat.map((d) => d.sec);
  else if (flexSum > 0 && total - rigidSum >= 0.35 * flexSum) {
    const k = (total - rigidSum) / flexSum;
    secs = nat.map((d) => (d.flexible ? d.sec * k : d.sec));
  } else {
    const k = total / (flexSum + rigidSum);
    if (k > 1.3 && flexSum === 0) {
      // Rigid actions stretched at most 30%; the rest of the requested time settles into idle.
      secs = nat.map((d) => d.sec * 1.3);
      list.push({ action: 'idle', label: 'idle', with: [] });
      secs.push(total - rigidSum * 1.3);
    } else secs = nat.map((d) => d.sec * k);
  }
  const sum = secs.reduce((a, b) => a + b, 0);
  const frames = Math.round(total * fps) + 1;
  const segments: Segment[] = [];
  let acc = 0,
    prevB = 0;
  list.forEach((step, i) => {
    acc += secs[i]!;
    const b = i === list.length - 1 ? frames : Math.round((acc / sum) * (frames - 1));
    const n = b - prevB;
    if (n > 0) segments.push({ step, start: prevB, n });
    prevB = b;
  });
  return { segments, frames };
}
