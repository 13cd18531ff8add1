/**
 * Runs the prompt suite the way an animator meets it: the prompt goes through the reader and the engine,
 * the take is exported to BVH, and the physical facts are read back from that file by forward kinematics
 * (never from the engine's plan). Shared by the suite test and `npm run bench`.
 */
import { exportBvh } from '../../server/engine/io/bvh.ts';
import { checkBvh } from '../../server/engine/eval/physicsPredicates.ts';
import type { PhysicsReport } from '../../server/engine/eval/physicsPredicates.ts';
import { parsePrompt } from '../../server/engine/prompt/parse.ts';
import { text2motion } from '../../server/engine/text2motion.ts';
import { PROMPT_SUITE } from './promptSuite.ts';
import type { SuitePrompt } from './suiteTypes.ts';

export interface PromptOutcome {
  prompt: SuitePrompt;
  planned: string[];
  /** A planned action that is not the expected one in its position (or an extra one). */
  misread: boolean;
  sequenceOk: boolean;
  physics: PhysicsReport | null;
  pass: boolean;
}

function plannedSequence(prompt: string): string[] {
  return parsePrompt(prompt).steps.map((s) => [s.action, ...s.with.map((w) => w.action)].join('+'));
}

function evaluatePrompt(p: SuitePrompt): PromptOutcome {
  const planned = plannedSequence(p.prompt);
  const misread = planned.some((g, i) => g !== p.expect[i]);
  const sequenceOk = !misread && planned.length === p.expect.length;
  let physics: PhysicsReport | null = null;
  if (p.physics) {
    const { motions } = text2motion({ prompt: p.prompt, variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 7 });
    physics = checkBvh(exportBvh(motions[0]!), p.physics);
  }
  return { prompt: p, planned, misread, sequenceOk, physics, pass: sequenceOk && (physics?.pass ?? true) };
}

export interface SuiteSummary {
  total: number;
  passed: number;
  misreads: number;
  physicsChecked: number;
  physicsFailed: number;
  outcomes: PromptOutcome[];
}

export function evaluateSuite(suite: readonly SuitePrompt[] = PROMPT_SUITE): SuiteSummary {
  const outcomes = suite.map(evaluatePrompt);
  return {
    total: outcomes.length,
    passed: outcomes.filter((o) => o.pass).length,
    misreads: outcomes.filter((o) => o.misread).length,
    physicsChecked: outcomes.filter((o) => o.physics).length,
    physicsFailed: outcomes.filter((o) => o.physics && !o.physics.pass).length,
    outcomes,
  };
}

export function describeFailure(o: PromptOutcome): string {
  const parts = [`"${o.prompt.prompt}"`];
  if (!o.sequenceOk) parts.push(`expected [${o.prompt.expect.join(', ')}], planned [${o.planned.join(', ')}]`);
  if (o.physics && !o.physics.pass) {
    parts.push(
      o.physics.results
        .filter((r) => !r.pass)
        .map((r) => `${r.field}: wanted ${JSON.stringify(r.expected)}, measured ${r.measured}`)
        .join('; '),
    );
  }
  return parts.join(' — ');
}
