/**
 * The physical facts a prompt's motion must show; defined (with every field documented) next to the
 * checker that evaluates them on the exported BVH, `server/engine/eval/physicsPredicates.ts`.
 */
export type { PhysicsExpect } from '../../server/engine/eval/physicsPredicates.ts';
import type { PhysicsExpect } from '../../server/engine/eval/physicsPredicates.ts';

export interface SuitePrompt {
  prompt: string;
  /** The planned full-body/locomotion actions in order; layered gestures (while …) come as 'walk+wave'. */
  expect: string[];
  physics?: PhysicsExpect;
  /** Style of the phrasing, to keep the suite balanced. */
  style: 'command' | 'caption' | 'animator' | 'paraphrase';
}
