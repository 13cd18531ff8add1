/**
 * Dancing as a beat-timed motif sequencer: a tempo is drawn per variant (100–128 bpm) and every
 * eight beats a motif is picked (step-touch, bounce with arm pumps, hip sway with arms overhead,
 * twist). Feet step on the beat; hips bounce on the beat; arm patterns cross-fade between motifs
 * over half a beat so changes are never abrupt.
 */
import type { GenCtx } from './context.ts';
import { armPose, setArm, setPelvis } from './pose.ts';
import type { ArmPose } from './pose.ts';
import { smoothstep } from './smooth.ts';
import { setFoot } from './track.ts';
import { writeUpper } from './upper.ts';

type Motif = 'stepTouch' | 'bounce' | 'sway' | 'twist';
const MOTIFS: Motif[] = ['stepTouch', 'bounce', 'sway', 'twist'];

function arms(m: Motif, beat: number, side: 0 | 1): ArmPose {
  const ph = Math.PI * beat;
  const sgn = side === 0 ? 1 : -1;
  switch (m) {
    case 'stepTouch':
      return armPose({ down: 1.1, forward: 0.4 + 0.35 * Math.sin(ph + (side ? Math.PI : 0)), elbow: 1.4, wrist: 0.2 });
    case 'bounce':
      return armPose({ down: 0.9, forward: 0.6 + 0.5 * Math.abs(Math.sin(ph)), elbow: 1.6, wrist: 0.1, shrug: 0.08 * Math.abs(Math.sin(ph)) });
    case 'sway':
      return armPose({ down: -0.9 + 0.25 * Math.sin(ph / 2) * sgn, forward: 0.3, elbow: 0.4, twist: -0.5, wrist: 0.3 * Math.sin(ph) });
    case 'twist':
      return armPose({ down: 1.0, forward: 0.3 + 0.3 * Math.sin(ph) * sgn, elbow: 1.5, wrist: 0 });
  }
}

export function synthDance(ctx: GenCtx): void {
  const { tr, start, n, st, vp, style, rng } = ctx;
  const fps = tr.fps;
  const bpm = rng.range(100, 128);
  const beatSec = 60 / bpm;
  const order = [rng.pick(MOTIFS), rng.pick(MOTIFS), rng.pick(MOTIFS), rng.pick(MOTIFS)];
  const [l, r] = st.feet;
  const cx = (l.x + r.x) / 2,
    cz = (l.z + r.z) / 2;
  const lat = [Math.cos(st.yaw), -Math.sin(st.yaw)];
  const stepW = rng.range(0.15, 0.25);
  const pa = new Array<ArmPose>(2),
    pb = new Array<ArmPose>(2);
  for (let i = 0; i < n; i++) {
    const fr = start + i,
      t = i / fps;
    const beat = t / beatSec;
    const bar = Math.floor(beat / 8);
    const motif = order[bar % order.length]!,
      prev = order[(bar + order.length - 1) % order.length]!;
    const inBar = beat - bar * 8;
    const mix = bar === 0 ? 1 : smoothstep(inBar / 0.5);
    const env = smoothstep(Math.min(t / 0.4, ((n - 1) / fps - t) / 0.4));
    const bounce = 0.035 * Math.abs(Math.sin(Math.PI * beat)) * env * vp.gesture;
    // Step-touch: shift weight to one side every two beats; the free foot taps beside the other.
    const sideShift = motif === 'stepTouch' || prev === 'stepTouch' ? Math.sin((Math.PI * beat) / 2) * (motif === 'stepTouch' ? mix : 1 - mix) : 0;
    const sway = motif === 'sway' ? 0.05 * Math.sin((Math.PI * beat) / 2) : 0;
    const twist = (motif === 'twist' ? 0.35 * Math.sin(Math.PI * beat) * mix : 0) * env;
    const lateral = (sideShift * stepW * 0.5 + sway) * env;
    tr.root[fr * 3] = cx + lat[0]! * lateral;
    tr.root[fr * 3 + 1] = st.hipsY - 0.04 * env - bounce;
    tr.root[fr * 3 + 2] = cz + lat[1]! * lateral;
    tr.yaw[fr] = st.yaw;
    setPelvis(tr, fr, 0.05 * env, -0.08 * Math.sin((Math.PI * beat) / 2) * env, twist);
    writeUpper(
      tr.rot,
      fr,
      {
        time: fr / fps,
        swingL: 0,
        swingR: 0,
        elbow: 0.3,
        lean: 0.05 * env,
        twist: -twist * 1.4,
        headYaw: 0.1 * Math.sin((Math.PI * beat) / 4),
        headPitch: 0.06 * Math.abs(Math.sin(Math.PI * beat)),
      },
      vp,
      style,
    );
    for (const sd of [0, 1] as const) {
      pa[sd] = arms(prev, beat, sd);
      pb[sd] = arms(motif, beat, sd);
      const a = pa[sd]!,
        b = pb[sd]!;
      // Cross-fade the previous motif's arms into this one's, and everything into a relaxed pose at the ends.
      const relaxed = armPose();
      const mixK = (k: keyof ArmPose): number => relaxed[k] + (a[k] + (b[k] - a[k]) * mix - relaxed[k]) * env;
      setArm(tr.rot, fr, sd, armPose({ down: mixK('down'), forward: mixK('forward'), elbow: mixK('elbow'), twist: mixK('twist'), wrist: mixK('wrist'), shrug: mixK('shrug') }));
    }
    for (const sd of [0, 1] as const) {
      const ft = st.feet[sd];
      // The foot on the side the weight moves away from lifts for a tap on the off-beat.
      const away = sd === 0 ? sideShift < -0.5 : sideShift > 0.5;
      const tap = away ? 0.05 * Math.abs(Math.sin(Math.PI * beat)) * env : 0;
      setFoot(tr, fr, sd, ft.x, ft.y + tap, ft.z, ft.yaw, tap * 3, tap * 3);
      tr.contacts[fr * 2 + sd] = tap > 0.005 ? 0 : 1;
    }
  }
  st.posture = 'stand';
}
