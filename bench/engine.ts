/**
 * Engine benchmark: generation speed and quality metrics, one figure per line as `name value unit`.
 * Run with `npx tsx bench/engine.ts`. Quality figures use the GMD/PhysDiff definitions in
 * server/engine/eval/metrics.ts; CMU clips from Debian's assimp-testmodels are measured the same
 * way when installed, as a real-mocap reference.
 */
import { existsSync, readFileSync } from 'node:fs';
import { inpaint, loop, merge, refine, text2motion } from '../server/engine/index.ts';
import type { FootLockingMode, Text2MotionParams } from '../server/engine/index.ts';
import {
  boneLengthDrift,
  clipFromBvh,
  clipOf,
  durationErrorFrames,
  floating,
  footSkateRatio,
  frameJumps,
  meanJerk,
  median,
  penetration,
  resample,
  seamJumps,
  variantDiversity,
} from '../server/engine/eval/metrics.ts';
import { readBvh } from '../server/engine/io/bvhRead.ts';

const PROMPTS = [
  'a person walks forward',
  'walk forward slowly then turn left and wave',
  'run forward then jump',
  'jog in a circle',
  'sneak forward then crouch',
  'walk forward while waving then sit down',
  'jump forward twice then clap',
  'dance',
];

const base: Text2MotionParams = { prompt: '', variants: 1, durationSec: 10, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 1 };
const print = (name: string, value: number, unit: string): void => console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(4)} ${unit}`);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function timeIt(params: Text2MotionParams, runs: number): number {
  text2motion(params); // warm-up (JIT)
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    text2motion(params);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const speedPrompt = 'walk forward then run then turn left then jump';
print('gen_1x10s_30fps', timeIt({ ...base, prompt: speedPrompt, variants: 1 }, 7), 'ms');
print('gen_8x10s_30fps', timeIt({ ...base, prompt: speedPrompt, variants: 8 }, 5), 'ms');
print('gen_8x10s_30fps_filtered_physics', timeIt({ ...base, prompt: speedPrompt, variants: 8, poseFiltering: 0.5, physicsFilter: true }, 3), 'ms');

function quality(mode: FootLockingMode, poseFiltering: number, physicsFilter: boolean) {
  const skate: number[] = [],
    pen: number[] = [],
    flo: number[] = [],
    jerk: number[] = [],
    drift: number[] = [],
    dur: number[] = [],
    div: number[] = [];
  for (const prompt of PROMPTS) {
    const { motions } = text2motion({ ...base, prompt, variants: 3, footLocking: mode, poseFiltering, physicsFilter, durationSec: 8 });
    const clips = motions.map(clipOf);
    clips.forEach((c, k) => {
      skate.push(footSkateRatio(c));
      pen.push(penetration(c).max);
      flo.push(floating(c));
      jerk.push(meanJerk(resample(c, 20)));
      drift.push(boneLengthDrift(motions[k]!));
      dur.push(durationErrorFrames(motions[k]!, 8));
    });
    div.push(variantDiversity(clips).mean);
  }
  return { skate, pen, flo, jerk, drift, dur, div };
}

for (const mode of ['auto', 'always', 'never', 'grounding'] as const) {
  const q = quality(mode, 0, false);
  print(`skate_ratio_mean_${mode}`, mean(q.skate), 'ratio');
  print(`skate_ratio_max_${mode}`, Math.max(...q.skate), 'ratio');
  print(`penetration_max_${mode}`, Math.max(...q.pen) * 1000, 'mm');
  print(`float_mean_${mode}`, mean(q.flo) * 1000, 'mm');
  if (mode === 'auto') {
    print('jerk_mean_20fps_auto', mean(q.jerk), 'm/s^3');
    print('bone_length_drift_max', Math.max(...q.drift) * 1000, 'mm');
    print('duration_error_max', Math.max(...q.dur), 'frames');
    print('variant_diversity_mean', mean(q.div), 'm');
  }
}
for (const s of [0.25, 0.5, 1]) print(`jerk_mean_20fps_filter_${s}`, mean(quality('auto', s, false).jerk), 'm/s^3');
{
  const q = quality('auto', 0, true);
  print('skate_ratio_mean_auto_physics', mean(q.skate), 'ratio');
  print('penetration_max_auto_physics', Math.max(...q.pen) * 1000, 'mm');
  print('float_mean_auto_physics', mean(q.flo) * 1000, 'mm');
}

// Edit operations: timing and seam quality (largest pose jump at the seam relative to the clip's median step).
{
  const walk = text2motion({ ...base, prompt: 'walk forward', durationSec: 6 }).motions[0]!;
  const idle = text2motion({ ...base, prompt: 'idle then wave', durationSec: 6 }).motions[0]!;
  const med = (m: typeof walk) => median(frameJumps(clipOf(m)));
  let t0 = performance.now();
  const looped = loop(walk, { reps: 4, blendSec: 0.25 });
  print('loop_4x6s_time', performance.now() - t0, 'ms');
  const seams = [1, 2, 3].map((k) => k * walk.frames);
  print('loop_seam_jump_over_median', seamJumps(clipOf(looped), seams).max / med(walk), 'ratio');
  print('loop_skate_ratio', footSkateRatio(clipOf(looped)), 'ratio');
  t0 = performance.now();
  const painted = inpaint(idle, { prompt: 'jump', intervals: [{ start: 2, end: 4 }], seed: 1 });
  print('inpaint_time', performance.now() - t0, 'ms');
  // Edge quality: the largest step around each edge of the cross-fade, relative to the typical step
  // of the edited result (whose window now contains a jump).
  const pj = frameJumps(clipOf(painted));
  const B = Math.round(0.25 * idle.fps),
    a = 2 * idle.fps,
    b = 4 * idle.fps;
  const edge = Math.max(...pj.slice(a - B - 2, a - B + 3), ...pj.slice(b + B - 3, b + B + 2));
  print('inpaint_edge_jump_over_median', edge / median(pj), 'ratio');
  print(
    'inpaint_unchanged_frames',
    (() => {
      const stride = idle.skeleton.parents.length * 4;
      let k = 0;
      for (let f = 0; f < idle.frames; f++) {
        let same = true;
        for (let i = 0; i < stride; i++)
          if (painted.rot[f * stride + i] !== idle.rot[f * stride + i]) {
            same = false;
            break;
          }
        if (same) k++;
      }
      return k;
    })(),
    'frames',
  );
  t0 = performance.now();
  const merged = merge(walk, { prompt: 'run then jump', blendSec: 0.3, seed: 1 });
  print('merge_time', performance.now() - t0, 'ms');
  const mj = frameJumps(clipOf(merged));
  const at = walk.frames - 9;
  print('merge_seam_jump_over_median', Math.max(...mj.slice(at - 3, at + 3)) / median(mj), 'ratio');
  t0 = performance.now();
  refine(walk, { creativity: 0.6, seed: 1, variants: 4 });
  print('refine_4_variants_time', performance.now() - t0, 'ms');
}

const CMU_DIR = '/usr/share/assimp/models/BVH';
for (const name of ['01_01', '01_03', 'Boxing_Toes']) {
  const file = `${CMU_DIR}/${name}.bvh`;
  if (!existsSync(file)) {
    console.log(`# ${file} not found (apt-get install assimp-testmodels); skipping`);
    continue;
  }
  const c = clipFromBvh(readBvh(readFileSync(file, 'utf8')));
  print(`mocap_${name}_skate_ratio`, footSkateRatio(c), 'ratio');
  print(`mocap_${name}_penetration_mean`, penetration(c).mean * 1000, 'mm');
  print(`mocap_${name}_float_mean`, floating(c) * 1000, 'mm');
  print(`mocap_${name}_jerk_mean_20fps`, meanJerk(resample(c, 20)), 'm/s^3');
}
