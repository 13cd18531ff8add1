/**
 * Prompt → Plan. The prompt is normalised, split into clauses with their time relation (`clauses.ts`), and each
 * clause is read with part-of-speech and lemmas from compromise (`readClause.ts`) against the action vocabulary
 * (`lexicon.ts`, ids from `actions/actionIds.ts`). Every clause becomes exactly one planned step per action it
 * names, or an explicit `notUnderstood` entry with the nearest library actions — never dropped in silence.
 */
import { actionEntry } from '../actions/actionIds.ts';
import type { ActionKind, Plan, PlanStep } from './plan.ts';
import { describeStep, resolveDefaults } from './describe.ts';
import { splitClauses } from './clauses.ts';
import { readClause } from './readClause.ts';
import type { Alternative } from './readClause.ts';
import { suggestActions } from './suggest.ts';
import { normalizePrompt } from './tokens.ts';

/** Gestures that can ride on locomotion or play on an idle base. */
function isUpperBody(a: ActionKind): boolean {
  return actionEntry(a)?.layer === 'upper';
}
/** Gaits that move the root and can carry an upper-body layer. */
function isLocomotion(a: ActionKind): boolean {
  return actionEntry(a)?.layer === 'locomotion';
}

/** Adds `r` as a concurrent layer of `base` when one is a gesture and the other can carry it; returns the base step. */
function layer(base: PlanStep, r: PlanStep, steps: PlanStep[]): boolean {
  if (isUpperBody(r.action) && !isUpperBody(base.action)) {
    base.with.push(r);
    return true;
  }
  if (isUpperBody(base.action) && !isUpperBody(r.action)) {
    // "waves while walking": the walk is the base and the wave rides on it.
    steps.splice(steps.indexOf(base), 1, r);
    r.with.push(base, ...base.with.splice(0));
    return true;
  }
  if (isUpperBody(base.action) && isUpperBody(r.action)) {
    base.with.push(r);
    return true;
  }
  return false;
}

/** Bare verbs that only finish the previous action ("draw a bow and shoot"). */
const CONTINUES: Partial<Record<ActionKind, ActionKind[]>> = { archery: ['rifleFire', 'pistolFire'], pickUp: ['lift'], lieDown: ['idle'] };
/** Postures that refine the one before them. */
const REFINES: Partial<Record<ActionKind, ActionKind[]>> = { sitCrossLegged: ['sitFloor'], lieOnBack: ['lieDown'], lieOnSide: ['lieDown'] };
/** Postures from which "get up" means getting up off the floor. */
const ON_FLOOR = new Set<ActionKind>([
  'lieDown',
  'lieOnBack',
  'lieOnSide',
  'sitFloor',
  'sitCrossLegged',
  'fallForward',
  'fallBackward',
  'fallSide',
  'faint',
  'death',
  'knockdown',
  'trip',
  'slip',
  'crawl',
  'commandoCrawl',
  'pushUps',
  'sitUps',
  'plank',
  'yogaChild',
]);

const MODIFIER_KEYS = ['speedMul', 'speedWord', 'dir', 'angle', 'count', 'durationSec', 'distance', 'side', 'both', 'height', 'inPlace', 'intensity', 'target'] as const;

export function parsePrompt(prompt: string): Plan {
  const text = normalizePrompt(prompt);
  const steps: PlanStep[] = [];
  const ignored: string[] = [];
  const notUnderstood: NonNullable<Plan['notUnderstood']> = [];
  const alternatives: Alternative[] = [];
  const style = { energy: 0, tension: 0, age: 0 };
  const styleLabels = new Set<string>();
  let last: PlanStep | undefined;
  for (const clause of splitClauses(text)) {
    const r = readClause(clause.text, { prev: last });
    ignored.push(...r.ignored);
    alternatives.push(...r.alternatives);
    for (const s of r.styles) {
      style.energy += s.energy ?? 0;
      style.tension += s.tension ?? 0;
      style.age += s.age ?? 0;
      styleLabels.add(s.label);
    }
    if (r.unread) notUnderstood.push({ text: r.unread, suggestions: suggestActions(r.unread) });
    if (r.trailing && last) {
      // "walks forward, slowly": a clause of modifiers only refines the step before it.
      const t = r.trailing as unknown as Record<string, unknown>;
      for (const k of MODIFIER_KEYS) if (t[k] !== undefined) (last as unknown as Record<string, unknown>)[k] = t[k];
    }
    r.steps.forEach((s, k) => {
      // "puts their hands together and prays", "walks wounded, dragging a leg": the same action said twice is one step.
      if (last && s.action === last.action && ((k > 0 && r.joined[k]) || (k === 0 && clause.rel === 'while')) && s.count === undefined) return;
      if (last && k > 0 && r.joined[k] && CONTINUES[last.action]?.includes(s.action) && !s.prop) return;
      // "sits on the floor and crosses their legs": a more specific form of the posture just taken replaces it.
      if (last && REFINES[s.action]?.includes(last.action)) {
        last.action = s.action;
        return;
      }
      const base = k === 0 ? (clause.rel === 'while' ? last : undefined) : r.joined[k] ? last : undefined;
      // "walks and waves" / "walks while waving": a gesture joined to locomotion happens at once.
      const concurrent =
        base &&
        ((clause.rel === 'while' && k === 0) ||
          (isLocomotion(base.action) && isUpperBody(s.action)) ||
          (isUpperBody(base.action) && isLocomotion(s.action) && clause.rel === 'while'));
      if (base && concurrent && layer(base, s, steps)) {
        last = steps.includes(base) ? base : s;
        return;
      }
      steps.push(s);
      last = s;
    });
  }
  steps.forEach((s, i) => {
    if (s.action === 'standUp' && i > 0 && ON_FLOOR.has(steps[i - 1]!.action)) s.action = 'getUp';
  });
  for (const s of steps) {
    resolveDefaults(s);
    s.with.forEach(resolveDefaults);
  }
  for (const s of steps) {
    s.label = describeStep(s);
    s.with.forEach((w) => (w.label = describeStep(w)));
  }
  const understood = steps.map((s) => s.label);
  const clampStyle = (v: number): number => Math.max(-1, Math.min(1, v));
  if (styleLabels.size) understood.push(`style: ${[...styleLabels].join(', ')}`);
  const plan: Plan = {
    steps,
    understood,
    ignored: [...new Set(ignored)],
    style: { energy: clampStyle(style.energy), tension: Math.max(0, clampStyle(style.tension)), age: Math.max(0, clampStyle(style.age)) },
  };
  if (notUnderstood.length) plan.notUnderstood = notUnderstood;
  if (alternatives.length) plan.alternatives = alternatives;
  return plan;
}
