/**
 * Waving: the upper arm is abducted above shoulder height and twisted so the elbow bends upward;
 * the forearm then swings side to side in the frontal plane about the elbow hinge (about 2 Hz).
 */
import { ARM } from '../../core/skeleton.ts';
import type { GenCtx } from '../context.ts';
import { blendJoint, scratchPose } from '../layer.ts';
import { armPose, setArm } from '../pose.ts';
import { envelope } from '../smooth.ts';

export interface WaveParams {
  side: 0 | 1;
  cycles: number;
  both?: boolean;
}

export function waveDuration(p: WaveParams): number {
  return p.cycles / 2 + 0.8;
}

export function layerWave(ctx: GenCtx, p: WaveParams): void {
  const { tr, start, n, vp, rng } = ctx;
  const fps = tr.fps;
  const pose = scratchPose();
  const dur = (n - 1) / fps;
  const ramp = Math.min(0.35, dur / 4);
  const active = Math.max(0.1, dur - 2 * ramp);
  const freq = Math.max(1.2, Math.min(3, p.cycles / active));
  const raise = rng.range(0.25, 0.55) * vp.gesture;
  const fwd = rng.range(0.15, 0.45);
  const amp = rng.range(0.3, 0.5) * vp.gesture;
  const sides: (0 | 1)[] = p.both ? [0, 1] : [p.side];
  for (let i = 0; i < n; i++) {
    const fr = start + i,
      t = i / fps;
    const w = envelope(i / Math.max(1, n - 1), ramp / Math.max(dur, 1e-3), ramp / Math.max(dur, 1e-3));
    const osc = Math.sin(2 * Math.PI * freq * Math.max(0, t - ramp * 0.5));
    for (const sd of sides) {
      setArm(pose, 0, sd, armPose({ down: -raise, forward: fwd, twist: -1.45, elbow: 1.55 + amp * osc, wrist: -0.1, wristSide: 0.25 * osc, shrug: 0.12 }));
      const ids = ARM[sd];
      for (const j of [ids.shoulder, ids.upper, ids.lower, ids.hand]) blendJoint(tr.rot, fr, j, pose, w);
    }
  }
}
