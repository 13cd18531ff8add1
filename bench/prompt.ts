/**
 * Prompt reader benchmark, one figure per line as `name value unit`: how long a parse takes (it runs on every
 * pause in typing through the composer's preview), how much of the prompt suite plans the expected sequence, and
 * how much passes end to end (planned sequence plus the physical facts read back from the exported BVH).
 * Run with `npx tsx bench/prompt.ts`.
 */
import { parsePrompt } from '../server/engine/prompt/parse.ts';
import { PROMPT_SUITE } from '../test/prompts/promptSuite.ts';
import { evaluateSuite } from '../test/prompts/evaluateSuite.ts';

const print = (name: string, value: number, unit: string): void => console.log(`${name} ${Number.isInteger(value) ? value : value.toFixed(4)} ${unit}`);

const prompts = PROMPT_SUITE.map((p) => p.prompt);
const long =
  'a tired old man walks forward slowly for 3 seconds, then turns around and walks back, picks up a box and carries it, then throws a left jab and a right hook before doing three push ups';
const tf = performance.now();
parsePrompt(prompts[0]!); // the first parse in a process pays for compromise's lexicon and the pattern index
print('prompt_parse_first', performance.now() - tf, 'ms');
for (const p of prompts) parsePrompt(p); // warm-up (JIT, lazy indexes)

const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const p of prompts) {
    const t0 = performance.now();
    parsePrompt(p);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
print('prompt_parse_mean', times.reduce((a, b) => a + b, 0) / times.length, 'ms');
print('prompt_parse_p95', times[Math.floor(times.length * 0.95)]!, 'ms');
const tl = performance.now();
for (let i = 0; i < 50; i++) parsePrompt(long);
print('prompt_parse_long_mean', (performance.now() - tl) / 50, 'ms');

let passed = 0;
let misreads = 0;
for (const p of PROMPT_SUITE) {
  const got = parsePrompt(p.prompt).steps.map((s) => [s.action, ...s.with.map((w) => w.action)].join('+'));
  if (got.some((g, i) => g !== p.expect[i])) misreads++;
  else if (got.length === p.expect.length) passed++;
}
print('prompt_suite_size', PROMPT_SUITE.length, 'prompts');
print('prompt_suite_parse_pass_rate', (100 * passed) / PROMPT_SUITE.length, '%');
print('prompt_suite_parse_misreads', misreads, 'prompts');

// End to end: reader → engine → exported BVH → forward kinematics (the suite test's own evaluation).
const suite = evaluateSuite();
print('prompt_suite_pass_rate', (100 * suite.passed) / suite.total, '%');
print('prompt_suite_misreads', suite.misreads, 'prompts');
print('prompt_suite_physics_checked', suite.physicsChecked, 'prompts');
print('prompt_suite_physics_pass_rate', (100 * (suite.physicsChecked - suite.physicsFailed)) / Math.max(1, suite.physicsChecked), '%');
