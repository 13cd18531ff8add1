/**
 * The part of a plan the studio shows the user: one chip per planned step (with its layered gestures), the words
 * it ignored, the clauses it could not read with the nearest library actions, and ambiguous readings.
 */
import type { Plan } from './plan.ts';

interface PlanChip {
  action: string;
  label: string;
  with: { action: string; label: string }[];
}

export interface PlanSummary {
  understood: string[];
  ignored: string[];
  steps: PlanChip[];
  notUnderstood: { text: string; suggestions: string[] }[];
  alternatives: { text: string; chosen: string; alternative: string }[];
}

export function summarizePlan(plan: Plan): PlanSummary {
  return {
    understood: [...plan.understood],
    ignored: [...plan.ignored],
    steps: plan.steps.map((s) => ({ action: s.action, label: s.label, with: s.with.map((w) => ({ action: w.action, label: w.label })) })),
    notUnderstood: (plan.notUnderstood ?? []).map((n) => ({ text: n.text, suggestions: [...n.suggestions] })),
    alternatives: (plan.alternatives ?? []).map((a) => ({ ...a })),
  };
}
