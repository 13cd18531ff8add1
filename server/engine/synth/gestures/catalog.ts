/**
 * The upper-body gesture library. Each gesture samples its own ranges from the variant RNG
 * (amplitudes, rates, hand positions), so variants of "clap" differ the way people do.
 * Coordinates are body-relative (metres from the hips: x = character's left, y up, z forward);
 * the shoulders sit near (±0.165, 0.455, 0), the chin near (0, 0.58, 0.08).
 */
import type { Rng } from '../../core/rng.ts';
import type { PlanStep } from '../../prompt/plan.ts';
import { bump, smoothstep } from '../smooth.ts';
import type { Gesture, GestureFrame } from './runner.ts';

type Maker = (step: PlanStep, rng: Rng) => Gesture;

/** Cycles for counted gestures: the count if given, otherwise as many as fit at the natural rate. */
function cyclesFor(step: PlanStep, g: GestureFrame, rate: number): number {
  return step.count ?? Math.max(1, Math.round((g.dur - 0.5) * rate));
}

const clap: Maker = (step, rng) => {
  const height = rng.range(0.28, 0.4),
    reach = rng.range(0.28, 0.36),
    open = rng.range(0.12, 0.18),
    rate = rng.range(2, 2.8);
  return {
    ramp: 0.35,
    frame(g) {
      const cycles = cyclesFor(step, g, rate);
      const active = Math.max(0.2, g.dur - 0.6);
      const ph = Math.min(1, Math.max(0, (g.t - 0.3) / active)) * cycles;
      // |sin| makes the hands meet sharply and part smoothly, like a real clap.
      const sep = 0.035 + open * g.amp * Math.abs(Math.sin(Math.PI * ph));
      g.hand(0, sep / 2 + 0.005, height, reach, [0.45, -1, -0.15]);
      g.hand(1, -sep / 2 - 0.005, height, reach, [-0.45, -1, -0.15]);
      g.wrist(0, 0.2, 0.5);
      g.wrist(1, 0.2, 0.5);
    },
  };
};

const point: Maker = (step, rng) => {
  const side: 0 | 1 = step.side ?? 1;
  const sgn = side === 0 ? 1 : -1;
  const dir = step.angle ?? 0; // "point left" turns the target around the body
  const h = rng.range(0.4, 0.5),
    r = rng.range(0.62, 0.7);
  return {
    ramp: 0.4,
    frame(g) {
      const x = Math.sin(dir) * r + sgn * 0.12 * Math.cos(dir),
        z = Math.cos(dir) * r;
      g.hand(side, x, h, z, [sgn, -1, 0]);
      g.head(-0.05, dir * 0.6 + -sgn * 0.1);
      g.torso(0, dir * 0.3);
    },
  };
};

const salute: Maker = (step, rng) => {
  const side: 0 | 1 = step.side ?? 1;
  const sgn = side === 0 ? 1 : -1;
  const y = rng.range(0.63, 0.67);
  return {
    ramp: 0.35,
    frame(g) {
      g.hand(side, sgn * 0.07, y, 0.13, [sgn * 1, 0.05, 0.1]);
      g.wrist(side, 0.4, -0.3);
      g.torso(-0.04, 0);
      g.head(-0.05, 0);
    },
  };
};

const cheer: Maker = (step, rng) => {
  const rate = rng.range(1.6, 2.4),
    wide = rng.range(0.18, 0.3);
  return {
    ramp: 0.3,
    frame(g) {
      const cycles = cyclesFor(step, g, rate);
      const ph = Math.min(1, g.t / Math.max(0.2, g.dur - 0.3)) * cycles;
      const pump = 0.1 * g.amp * Math.abs(Math.sin(Math.PI * ph));
      g.hand(0, wide, 0.92 + pump, 0.08, [1, -0.2, -0.6]);
      g.hand(1, -wide, 0.92 + pump, 0.08, [-1, -0.2, -0.6]);
      g.head(-0.2, 0);
      g.torso(-0.08, 0);
    },
  };
};

const crossArms: Maker = (_step, rng) => {
  const h = rng.range(0.26, 0.32);
  return {
    ramp: 0.45,
    frame(g) {
      g.hand(0, -0.13, h, 0.2, [1, -0.6, 0.2]);
      g.hand(1, 0.13, h + 0.03, 0.15, [-1, -0.6, 0.2]);
      g.head(0.02, 0, 0.03);
    },
  };
};

const think: Maker = (step, rng) => {
  const side: 0 | 1 = step.side ?? 1;
  const sgn = side === 0 ? 1 : -1;
  const tilt = rng.range(0.05, 0.15);
  return {
    ramp: 0.5,
    frame(g) {
      g.hand(side, sgn * 0.03, 0.53, 0.14, [sgn * 0.4, -1, 0.2]);
      g.hand(side === 1 ? 0 : 1, -sgn * 0.1, 0.27, 0.19, [-sgn, -0.6, 0.3]);
      g.wrist(side, -0.5, 0);
      g.head(0.08, -sgn * 0.1 * Math.sin(g.t * 0.8), sgn * tilt);
    },
  };
};

const shrug: Maker = (step, rng) => {
  const lift = rng.range(0.18, 0.3);
  return {
    ramp: 0.2,
    frame(g) {
      const cycles = step.count ?? 1;
      const u = Math.min(1, g.t / g.dur) * cycles;
      const k = bump(u - Math.floor(u)) * g.amp;
      for (const s of [0, 1] as const) {
        g.arm(s, { down: 1.25 - 0.15 * k, forward: 0.15 * k, twist: 0.9 * k, elbow: 0.3 + 1.1 * k, wrist: -0.3 * k, shrug: lift * k });
      }
      g.head(-0.05 * k, 0, 0.12 * k);
    },
  };
};

const punch: Maker = (step, rng) => {
  const rate = rng.range(1.4, 1.9),
    first: 0 | 1 = step.side ?? 1;
  return {
    ramp: 0.25,
    frame(g) {
      const n = cyclesFor(step, g, rate);
      const active = Math.max(0.3, g.dur - 0.4);
      const x = Math.min(n - 1e-6, Math.max(0, ((g.t - 0.2) / active) * n));
      const k = Math.floor(x),
        u = x - k;
      const side = ((first + k) % 2) as 0 | 1;
      // Fast extension (first 30%), slower retraction.
      const ext = u < 0.3 ? smoothstep(u / 0.3) : 1 - smoothstep((u - 0.3) / 0.5);
      for (const s of [0, 1] as const) {
        const sgn = s === 0 ? 1 : -1;
        const e = s === side ? ext * g.amp : 0;
        g.hand(s, sgn * (0.14 - 0.1 * e), 0.46 + 0.02 * e, 0.22 + 0.44 * e, [sgn, -0.8, -0.5 + 0.5 * e]);
      }
      g.torso(0.08, (side === 1 ? 1 : -1) * 0.35 * ext);
      g.head(0.05, (side === 1 ? -1 : 1) * 0.25 * ext);
    },
  };
};

const nod: Maker = (step, rng) => {
  const depth = rng.range(0.2, 0.32),
    rate = rng.range(1.6, 2.2);
  return {
    ramp: 0.15,
    frame(g) {
      const n = cyclesFor(step, g, rate);
      const u = Math.min(1, g.t / g.dur) * n;
      g.head(depth * g.amp * bump(u - Math.floor(u)), 0);
    },
  };
};

const shakeHead: Maker = (step, rng) => {
  const amp = rng.range(0.3, 0.45),
    rate = rng.range(1.6, 2.2);
  return {
    ramp: 0.2,
    frame(g) {
      const n = cyclesFor(step, g, rate);
      const u = Math.min(1, g.t / g.dur) * n;
      g.head(0.03, amp * g.amp * Math.sin(2 * Math.PI * u) * Math.sin(Math.PI * Math.min(1, g.t / g.dur)));
    },
  };
};

const lookAround: Maker = (_step, rng) => {
  const amp = rng.range(0.7, 1.0),
    first = rng.next() < 0.5 ? 1 : -1;
  return {
    ramp: 0.3,
    frame(g) {
      const u = g.t / g.dur;
      // Left, right, back to centre, with holds where the gaze settles.
      const yaw = first * amp * Math.sin(2 * Math.PI * u) * (1 - 0.3 * Math.cos(4 * Math.PI * u));
      g.head(-0.05 + 0.1 * Math.sin(3 * Math.PI * u) ** 2 * 0.5, yaw * 0.75);
      g.torso(0, yaw * 0.35);
    },
  };
};

const bow: Maker = (step, rng) => {
  const depth = rng.range(0.7, 1.0);
  return {
    ramp: 0.1,
    frame(g) {
      const n = step.count ?? 1;
      const u = Math.min(1, g.t / g.dur) * n;
      const k = depth * g.amp * bump(u - Math.floor(u));
      g.torso(k, 0);
      g.head(0.2 * k, 0);
      for (const s of [0, 1] as const) g.arm(s, { down: 1.3 + 0.05 * k, forward: 0.25 * k, elbow: 0.15, wrist: 0.1 });
    },
  };
};

const stretch: Maker = (_step, rng) => {
  const bend = rng.range(0.25, 0.4);
  return {
    ramp: 0.5,
    frame(g) {
      const u = g.t / g.dur;
      // Reach up, lean left, lean right, come back.
      const side = u < 0.3 ? 0 : u < 0.65 ? bend * Math.sin((Math.PI * (u - 0.3)) / 0.35) : -bend * Math.sin(Math.PI * Math.min(1, (u - 0.65) / 0.3));
      g.torso(-0.12, 0, side * g.amp);
      g.hand(0, 0.08, 1.05, 0.02, [1, 0, -0.3]);
      g.hand(1, -0.08, 1.05, 0.02, [-1, 0, -0.3]);
      g.head(-0.15, 0, side * 0.3);
    },
  };
};

export const GESTURES: Record<string, Maker> = { clap, point, salute, cheer, crossArms, think, shrug, punch, nod, shakeHead, lookAround, bow, stretch };
