/**
 * The shape of the prompt suite (`promptSuite.ts`): animator prompts with the action sequence the reader
 * must plan and physical facts the exported motion must show. Physical facts are checked by forward
 * kinematics on the exported BVH (never on the engine's own plan), with the canonical rig's units
 * (metres, +Y up, character starts at the origin facing +Z).
 */
import type { ActionId } from '../../server/engine/actions/actionIds.ts';

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

export type { ActionId };
