/**
 * The parse preview's answer for a prompt: the local engine's plan in the contract's shape, with suggestions
 * that carry a phrase the composer can insert. Also decides whether a local job would only be an idle take.
 */
import type { ActionId } from '../engine/actions/actionIds.ts';
import { canonicalPhrase } from '../engine/prompt/canonical.ts';
import { parsePrompt } from '../engine/prompt/parse.ts';
import { actionName } from '../engine/prompt/suggest.ts';
import type { ActionSuggestion, ParsePromptResponse } from '../contract/promptParse.ts';

/** Suggestions used when a prompt has no words the suggester can relate to anything. */
const STARTERS: ActionId[] = ['walk', 'wave', 'jump', 'dance'];

function suggestionOf(id: ActionId): ActionSuggestion {
  return { action: id, label: actionName(id), phrase: canonicalPhrase(id) };
}

export function readPrompt(prompt: string): ParsePromptResponse {
  const plan = parsePrompt(prompt);
  const notUnderstood = (plan.notUnderstood ?? []).map((n) => ({
    text: n.text,
    suggestions: (n.suggestions.length ? n.suggestions : STARTERS).map(suggestionOf),
  }));
  const empty = prompt.trim() === '';
  const understanding: ParsePromptResponse['understanding'] = empty ? 'empty' : plan.steps.length === 0 ? 'nothing' : notUnderstood.length ? 'part' : 'all';
  if (understanding === 'nothing' && notUnderstood.length === 0) {
    // Only filler words ("a person"): nothing to point at, but still say what the library can do.
    notUnderstood.push({ text: prompt.trim(), suggestions: STARTERS.map(suggestionOf) });
  }
  const styleLine = plan.understood.find((u) => u.startsWith('style: '));
  return {
    understanding,
    steps: plan.steps.map((s) => ({ action: s.action, label: s.label, with: s.with.map((w) => ({ action: w.action, label: w.label })) })),
    ignored: plan.ignored,
    notUnderstood,
    alternatives: plan.alternatives ?? [],
    styles: styleLine ? styleLine.slice('style: '.length).split(', ') : [],
  };
}

/** True when the local engine would plan no action at all for this prompt (the job would be a batch of idle takes). */
export function wouldBeIdle(prompt: string): boolean {
  return parsePrompt(prompt).steps.length === 0;
}
