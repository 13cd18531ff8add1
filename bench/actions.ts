/**
 * Action library figures, `name value unit`: per-category variant diversity (mean joint distance
 * between variants of the same action, metres) and the synthesis time of 8 variants × 10 s of data
 * actions at 30 fps.
 */
import { ACTION_IDS } from '../server/engine/actions/actionIds.ts';
import { registryEntry } from '../server/engine/actions/registry.ts';
import { clipOf, variantDiversity } from '../server/engine/eval/metrics.ts';
import { motionsFromPlan } from '../server/engine/text2motion.ts';
import type { Text2MotionParams } from '../server/engine/text2motion.ts';
import type { Plan } from '../server/engine/prompt/plan.ts';

const print = (name: string, value: number, unit: string): void => console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(4)} ${unit}`);
const base: Text2MotionParams = { prompt: '', variants: 4, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 1 };
const planOf = (ids: string[]): Plan => ({
  steps: ids.map((action) => ({ action, label: action, with: [] })),
  understood: [],
  ignored: [],
  style: { energy: 0, tension: 0, age: 0 },
});

const byCat = new Map<string, string[]>();
for (const e of ACTION_IDS) if (registryEntry(e.id)) byCat.set(e.category, [...(byCat.get(e.category) ?? []), e.id]);
print(
  'actions_registered',
  [...byCat.values()].reduce((a, l) => a + l.length, 0),
  'ids',
);
print('actions_data_authored', ACTION_IDS.filter((e) => registryEntry(e.id)?.kind === 'data').length, 'ids');
for (const [cat, ids] of byCat) {
  const div: number[] = [];
  for (const id of ids) {
    const { motions } = motionsFromPlan(planOf([id]), { ...base, prompt: id });
    div.push(variantDiversity(motions.map(clipOf)).mean);
  }
  print(`diversity_${cat}`, div.reduce((a, b) => a + b, 0) / div.length, 'm');
}

// Speed: a 10 s sequence of data actions, 8 variants (median of 5 runs after a warm-up).
const seq = planOf(['jab', 'cross', 'hook', 'roundhouseKick', 'cartwheel', 'pushUps']);
const params = { ...base, prompt: 'bench', variants: 8, durationSec: 10, physicsFilter: false };
motionsFromPlan(seq, params);
const times: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  motionsFromPlan(seq, params);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
print('gen_8x10s_30fps_data_actions', times[2]!, 'ms');

// The same for everyday actions (objects, sports, dance, gestures): props, swings, the waltz box.
const everyday = planOf(['pickUp', 'carry', 'golfSwing', 'waltz', 'facepalm', 'throwOverhand']);
motionsFromPlan(everyday, params);
const times2: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  motionsFromPlan(everyday, params);
  times2.push(performance.now() - t0);
}
times2.sort((a, b) => a - b);
print('gen_8x10s_30fps_everyday_actions', times2[2]!, 'ms');
