/**
 * The local prompt optimiser: rewrites a prompt into the action library's own vocabulary, one clean prompt per
 * planned step ("A person picks up a box", "A person carries the box"), each read back by the engine as exactly
 * that step. It works from the reader's plan, never by shuffling the user's words, so a prompt the reader
 * understood cannot come out garbled ("A man boxes picks up a from the floor…" was the old word-splicing result).
 *
 *   "please make him walk forward slowly, then turn left and wave" →
 *   ["A person walks forward slowly", "A person turns left", "A person waves"]
 *
 * Clauses the reader could not place are left out: the parse preview names them with suggestions, and a
 * rewritten prompt that repeats them would only be misread again.
 */
import { actionEntry } from '../engine/actions/actionIds.ts';
import { canonicalGerund, canonicalPhrase } from '../engine/prompt/canonical.ts';
import { parsePrompt } from '../engine/prompt/parse.ts';
import type { Plan, PlanStep } from '../engine/prompt/plan.ts';
import { normalizePrompt } from '../engine/prompt/tokens.ts';

const DEFAULT_SUBJECT = 'a person';

/** Who moves, as the prompt names them ("an old man", "she"); "a person" when it names nobody. */
const SUBJECT =
  /^(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?(?:(?:make|have|let|get)\s+)?((?:a|an|the)\s+(?:[a-z]+\s+){0,2}?(?:person|man|woman|guy|girl|boy|lady|character|figure|dancer|soldier|child|kid|athlete|player|knight|ninja|robot|zombie|boxer|gymnast|runner)|he|she|they)\b/;

function subjectOf(prompt: string): string {
  const m = SUBJECT.exec(normalizePrompt(prompt));
  return m?.[1] ?? DEFAULT_SUBJECT;
}

const SPEED_ADVERB: Record<string, string> = {
  slow: 'slowly',
  gentle: 'gently',
  careful: 'carefully',
  cautious: 'cautiously',
  casual: 'casually',
  calm: 'calmly',
  lazy: 'lazily',
  sluggish: 'sluggishly',
  steady: 'steadily',
  brisk: 'briskly',
  quick: 'quickly',
  fast: 'fast',
  hurried: 'hurriedly',
  swift: 'swiftly',
  energetic: 'energetically',
  'slow motion': 'in slow motion',
};
const STYLE_ADVERB: Record<string, string> = {
  tired: 'tiredly',
  exhausted: 'wearily',
  sleepy: 'sleepily',
  sad: 'sadly',
  happy: 'happily',
  excited: 'excitedly',
  energetic: 'energetically',
  confident: 'confidently',
  proud: 'proudly',
  angry: 'angrily',
  nervous: 'nervously',
  scared: 'fearfully',
  relaxed: 'calmly',
  tense: 'tensely',
  stiff: 'stiffly',
  graceful: 'gracefully',
  sneaky: 'sneakily',
  lazy: 'lazily',
  bored: 'boredly',
  impatient: 'impatiently',
  robotic: 'robotically',
  old: 'like an old person',
  'zombie-like': 'like a zombie',
  drunk: 'drunkenly',
  injured: 'like an injured person',
};

const SIDE_LIMB = (s: PlanStep): string => (/kick|hop|knee|lunge/i.test(s.action) ? 'leg' : 'hand');
const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const deg = (rad: number): number => Math.round((Math.abs(rad) * 180) / Math.PI);

/** One step as "<verb phrase> <modifiers>", in the vocabulary the reader maps back to the same step. */
function phraseOf(s: PlanStep, prevProp: string | undefined): string {
  let p = s.action === 'climbLadder' && s.dir === Math.PI ? 'climbs down a ladder' : canonicalPhrase(s.action);
  const bits: string[] = [];
  const loco = actionEntry(s.action)?.layer === 'locomotion';
  if (s.action === 'turn') {
    const a = s.angle ?? Math.PI / 2;
    if (Math.abs(Math.abs(a) - Math.PI) < 0.01) bits.push('around');
    else bits.push(a >= 0 ? 'left' : 'right', ...(deg(a) !== 90 ? [`${deg(a)} degrees`] : []));
  } else if (s.action === 'sidestep') bits.push((s.dir ?? 0) < 0 ? 'to the right' : 'to the left');
  else if (loco && s.target === 'start') bits.push('back to the start');
  else if (loco && s.dir === 0) bits.push('forward');
  if (s.speedWord && SPEED_ADVERB[s.speedWord]) bits.push(SPEED_ADVERB[s.speedWord]!);
  if (loco && s.angle !== undefined && s.action !== 'turn') bits.push(Math.abs(s.angle) > 6 ? 'in a circle' : s.angle > 0 ? 'curving left' : 'curving right');
  const prop = s.prop ?? (['carry', 'putDown', 'throwOverhand', 'throwUnderhand', 'lift'].includes(s.action) ? prevProp : undefined);
  if (prop && !p.includes(prop)) {
    const article = s.prop ? (/^[aeiou]/.test(prop) ? 'an' : 'a') : 'the';
    // "picks up a box"; verbs whose phrase already has an object take the prop with "with".
    if (
      /^(?:picks up|puts down|carries|pushes|pulls|lifts|catches|drinks|eats|reads|kicks|throws)$/.test(p.split(' ').slice(0, 2).join(' ')) ||
      /^(?:carries|pushes|pulls|drags)$/.test(p)
    )
      p = `${p} ${article} ${prop}`;
    else if (!/stairs/.test(prop)) bits.push(`with ${article} ${prop}`);
  }
  if (s.target && !['start', 'back and forth'].includes(s.target) && !p.includes(s.target)) {
    if (['block', 'dodge', 'duck', 'swordParry', 'catchBall'].includes(s.action)) bits.push(`a ${s.target}`);
    else if (['door', 'wall', 'camera'].includes(s.target)) bits.push(`at the ${s.target}`);
  }
  if (s.target === 'back and forth') bits.push('back and forth');
  if (s.side !== undefined) bits.push(`with the ${s.side === 0 ? 'left' : 'right'} ${SIDE_LIMB(s)}`);
  if (s.both) bits.push('with both hands');
  if (s.inPlace) bits.push('in place');
  if (s.intensity !== undefined && !s.speedWord) bits.push(s.intensity > 1.15 ? 'forcefully' : s.intensity < 0.85 ? 'gently' : '');
  if (s.count !== undefined) bits.push(times(s.count));
  if (s.distance !== undefined) bits.push(`${s.distance} meters`);
  if (s.durationSec !== undefined) bits.push(`for ${s.durationSec} seconds`);
  const main = [p, ...bits.filter(Boolean)].join(' ');
  return s.with.length ? `${main} while ${s.with.map((w) => canonicalGerund(w.action)).join(' and ')}` : main;
}

function styleAdverbs(plan: Plan, subject: string): string[] {
  const line = plan.understood.find((u) => u.startsWith('style: '));
  if (!line) return [];
  return line
    .slice('style: '.length)
    .split(', ')
    .filter((label) => !subject.includes(label))
    .map((label) => STYLE_ADVERB[label])
    .filter((a): a is string => !!a);
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Actionable sub-prompts for `prompt`, in order, without duplicates; at most `max`. */
export function suggestSubPrompts(prompt: string, max = 8): string[] {
  const plan = parsePrompt(prompt);
  const subject = subjectOf(prompt);
  const style = styleAdverbs(plan, subject);
  const out: string[] = [];
  let prevProp: string | undefined;
  for (const s of plan.steps) {
    const text = capitalise([subject, phraseOf(s, prevProp), ...style].join(' ').replace(/\s+/g, ' ').trim());
    prevProp = s.prop ?? prevProp;
    if (out.includes(text)) continue;
    out.push(text);
    if (out.length >= max) break;
  }
  return out;
}
