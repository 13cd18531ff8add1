/**
 * The whole prompt suite end to end: reader → engine → exported BVH → forward kinematics. A prompt passes when
 * its planned sequence is the expected one and every physical fact it promises holds on the exported file.
 * Required: ≥ 95 % pass and no misread at all.
 */
import { expect, test } from 'vitest';
import { describeFailure, evaluateSuite } from './evaluateSuite.ts';

test('≥ 95 % of the suite plans the right actions and shows them physically in the exported BVH; 0 misreads', () => {
  const s = evaluateSuite();
  const failed = s.outcomes.filter((o) => !o.pass);
  console.log(
    `prompt suite end to end: ${s.passed}/${s.total} pass (${((100 * s.passed) / s.total).toFixed(1)} %), ${s.misreads} misreads, physics ${s.physicsChecked - s.physicsFailed}/${s.physicsChecked}`,
  );
  if (failed.length) console.log(`failures:\n  ${failed.map(describeFailure).join('\n  ')}`);
  expect(s.outcomes.filter((o) => o.misread).map(describeFailure)).toEqual([]);
  expect(s.passed / s.total).toBeGreaterThanOrEqual(0.95);
}, 180_000);
