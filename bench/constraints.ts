/**
 * Constraint benchmark (issue 18): regenerating a 10 s clip with a path, 3 key poses and 2 pins must
 * stay interactive (≤ 100 ms of engine time). Prints the whole regeneration and the solving pass
 * alone, medians of warm runs, as `name value unit` lines. Engine time is the thread's CPU time
 * (user + system): on a shared machine wall time mostly measures the neighbours; both are printed.
 */
import { applyConstraints, text2motion } from '../server/engine/index.ts';
import type { Constraints, Text2MotionParams } from '../server/engine/index.ts';

const constraints: Constraints = {
  path: {
    waypoints: [
      { x: 0, z: 0 },
      { x: 2, z: 3 },
      { x: 0, z: 6 },
      { x: -2, z: 9 },
      { x: 0, z: 11 },
    ],
  },
  keyPoses: [
    { t: 2, effectors: { rightHand: [1.7, 1.5, 3.2] } },
    { t: 5, lookAt: [3, 1.7, 8] },
    { t: 8, effectors: { leftHand: [-1.2, 1.2, 8.9] } },
  ],
  pins: [
    { effector: 'leftFoot', start: 3, end: 3.4 },
    { effector: 'rightHand', start: 6, end: 6.5 },
  ],
};
const params: Text2MotionParams = { prompt: 'a person walks', variants: 1, durationSec: 10, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 1, constraints };
const { constraints: _omit, ...plain } = params;

function median(run: () => void, runs: number): { cpu: number; wall: number } {
  for (let r = 0; r < 3; r++) run(); // warm-up (JIT)
  const cpu: number[] = [],
    wall: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { cpu: mid(cpu), wall: mid(wall) };
}

const unconstrained = text2motion(plain).motions[0]!;
const solve = median(() => applyConstraints(unconstrained, constraints), 25);
const whole = median(() => text2motion(params), 25);
const baseline = median(() => text2motion(plain), 25);
console.log(`constraints_solve_10s_path_3keys_2pins_cpu ${solve.cpu.toFixed(1)} ms`);
console.log(`constraints_regenerate_10s_path_3keys_2pins_cpu ${whole.cpu.toFixed(1)} ms`);
console.log(`constraints_regenerate_10s_path_3keys_2pins_wall ${whole.wall.toFixed(1)} ms`);
console.log(`constraints_regenerate_10s_unconstrained_cpu ${baseline.cpu.toFixed(1)} ms`);
