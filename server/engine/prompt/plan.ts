/** The parsed intent of a prompt: an ordered list of actions, each possibly carrying concurrent upper-body gestures. */

import type { ActionId } from '../actions/actionIds.ts';

/** Any id of the action vocabulary (`actions/actionIds.ts`). */
export type ActionKind = ActionId;

export interface PlanStep {
  action: ActionKind;
  /** Human-readable description for the report, e.g. "walk forward (slow, 0.8 m/s)". */
  label: string;
  /** Resolved speed in m/s (locomotion); filled from the gait default times the adverb multiplier. */
  speed?: number;
  /** Speed adverb multiplier and its label ("slow"), when the prompt gave one. */
  speedMul?: number;
  speedWord?: string;
  /** Travel direction relative to the heading (0 forward, π back, +π/2 left). */
  dir?: number;
  /** Turn angle, radians, + = left. */
  angle?: number;
  count?: number;
  durationSec?: number;
  distance?: number;
  side?: 0 | 1;
  both?: boolean;
  height?: number;
  /** The object the action uses or acts on ("a box", "the ball", "a cup"): a prop noun, singular. */
  prop?: string;
  /** Where the action is aimed or what it hits ("in the stomach" → 'stomach', "at the door" → 'door'). */
  target?: string;
  /** Stay on the spot ("in place", "without moving his feet"). */
  inPlace?: boolean;
  /** Force or amplitude from adverbs: 0.5 gentle … 1 normal … 1.5 vigorous. */
  intensity?: number;
  /** Upper-body gestures running at the same time ("while waving"). */
  with: PlanStep[];
}

export interface Plan {
  steps: PlanStep[];
  understood: string[];
  ignored: string[];
  /** Clauses that became no action, with the nearest library actions to suggest instead. */
  notUnderstood?: { text: string; suggestions: ActionId[] }[];
  /** Ambiguous words: the reading chosen and the alternative that was not. */
  alternatives?: { text: string; chosen: string; alternative: string }[];
  style: { energy: number; tension: number; age: number };
}
