/**
 * Prompt → Plan. A deterministic, rule-based reader: clauses are split on sequencing words
 * ("then", "after that", commas) and concurrency words ("while"); each clause yields one action
 * plus its modifiers (speed adverbs, directions, angles, counts, durations, distances, style).
 * Every word is either understood, a known filler word, or reported back as ignored, so the
 * studio never pretends to have understood something it did not.
 */
import { COUNT_WORDS, NUMBER_WORDS, PHRASES, SPEED_WORDS, STOPWORDS, STYLE_WORDS, VERBS } from './lexicon.ts';
import type { ActionKind, Plan, PlanStep } from './plan.ts';
import { describeStep, resolveDefaults } from './describe.ts';

const IRREGULAR: Record<string, string> = {
  ran: 'run', running: 'run', sat: 'sit', sitting: 'sit', stood: 'stand', standing: 'stand', went: 'go', goes: 'go', going: 'go',
  leapt: 'leap', spun: 'spin', spinning: 'spin', knelt: 'kneel', lying: 'lie', lay: 'lay', hopping: 'hop', hopped: 'hop',
  skipping: 'skip', skipped: 'skip', jogging: 'jog', jogged: 'jog', clapping: 'clap', clapped: 'clap', stepping: 'step', stepped: 'step',
  dances: 'dance', dancing: 'dance', danced: 'dance', waves: 'wave', waving: 'wave', waved: 'wave', squatting: 'squat', shrugging: 'shrug',
  nodding: 'nod', nodded: 'nod', stopped: 'stop', stopping: 'stop', got: 'get', gets: 'get', getting: 'get', does: 'do', fought: 'fight',
  sneaking: 'sneak', snuck: 'sneak', crept: 'creep', ducking: 'duck', bowing: 'bow', bowed: 'bow', punching: 'punch', punches: 'punch', kicked: 'kick',
  strode: 'stride', stridden: 'stride', struck: 'strike',
};

/** Reduces an inflected word to a lexicon verb, or null. */
export function lemma(word: string): ActionKind | null {
  const direct = VERBS[word];
  if (direct) return direct;
  const irr = IRREGULAR[word];
  if (irr && VERBS[irr]) return VERBS[irr]!;
  const tries: string[] = [];
  if (word.endsWith('ing')) { const s = word.slice(0, -3); tries.push(s, s + 'e', s.slice(0, -1)); }
  if (word.endsWith('ies')) tries.push(word.slice(0, -3) + 'y');
  if (word.endsWith('es')) tries.push(word.slice(0, -2));
  if (word.endsWith('s')) tries.push(word.slice(0, -1));
  if (word.endsWith('ed')) { const s = word.slice(0, -2); tries.push(s, s + 'e', s.slice(0, -1)); }
  for (const t of tries) if (VERBS[t]) return VERBS[t]!;
  return null;
}

const SEQ_SPLIT = /\s*(?:,|;|\.(?!\d)|!|\?|\band then\b|\bthen\b|\bafter that\b|\bafterwards\b|\bafterward\b|\bfollowed by\b|\bfinally\b|\bbefore\b|\band finally\b)\s*/;
const CONCURRENT_SPLIT = /\s+(?:while|whilst|as he|as she|as they|as it)\s+/;

const UPPER_ACTIONS = new Set<ActionKind>(['wave', 'clap', 'point', 'nod', 'shakeHead', 'shrug', 'salute', 'cheer', 'crossArms', 'think', 'lookAround', 'punch', 'bow', 'stretch']);
const LOCOMOTION = new Set<ActionKind>(['walk', 'run', 'jog', 'sneak', 'limp', 'march', 'shuffle', 'sidestep', 'backward', 'skip']);

export function isUpperBody(a: ActionKind): boolean { return UPPER_ACTIONS.has(a); }
export function isLocomotion(a: ActionKind): boolean { return LOCOMOTION.has(a); }

interface ClauseResult { step: PlanStep | null; ignored: string[]; styles: string[]; style: Plan['style'] }

function toNumber(tok: string | undefined): number | null {
  if (tok === undefined) return null;
  if (/^\d+(?:\.\d+)?$/.test(tok)) return Number(tok);
  return NUMBER_WORDS[tok] ?? null;
}

function parseClause(text: string): ClauseResult {
  const words = text.split(/\s+/).filter(Boolean);
  const used = new Array<boolean>(words.length).fill(false);
  const style = { energy: 0, tension: 0, age: 0 };
  const styles: string[] = [];
  let action: ActionKind | null = null;
  let aroundPhrase = false;
  // Phrases first (longest match wins because PHRASES lists them before their single-word parts).
  const joined = ' ' + words.join(' ') + ' ';
  for (const [phrase, act] of PHRASES) {
    const at = joined.indexOf(' ' + phrase + ' ');
    if (at < 0) continue;
    const startWord = joined.slice(0, at + 1).trim().split(/\s+/).filter(Boolean).length;
    const len = phrase.split(' ').length;
    for (let i = startWord; i < startWord + len; i++) used[i] = true;
    action = act;
    if (phrase.includes('around') && act === 'turn') aroundPhrase = true;
    break;
  }
  if (!action) {
    for (let i = 0; i < words.length; i++) {
      const a = lemma(words[i]!);
      // "back" alone is only a verb at the start of a clause ("back away"); otherwise it is a direction.
      if (a && !(words[i] === 'back' && i > 0)) { action = a; used[i] = true; break; }
    }
  }
  const step: PlanStep = { action: action ?? 'idle', label: '', with: [] };
  if (aroundPhrase) step.angle = Math.PI;
  let speedMul = 1, speedLabel = '';
  for (let i = 0; i < words.length; i++) {
    if (used[i]) continue;
    const w = words[i]!, next = words[i + 1], next2 = words[i + 2];
    const num = toNumber(w);
    if (num !== null && next !== undefined) {
      const unit = next.length > 1 ? next.replace(/s$/, '') : next;
      const mark = (k: number): void => { for (let j = i; j < i + k; j++) used[j] = true; if (words[i - 1] === 'for') used[i - 1] = true; };
      if (['second', 'sec', 's'].includes(unit)) { step.durationSec = num; mark(2); continue; }
      if (unit === 'minute' || unit === 'min') { step.durationSec = num * 60; mark(2); continue; }
      if (['meter', 'metre', 'm'].includes(unit)) { step.distance = num; mark(2); continue; }
      if (unit === 'step' || unit === 'pace') { step.count = num; mark(2); continue; }
      if (unit === 'degree' || unit === 'deg') { step.angle = (num * Math.PI) / 180; mark(2); continue; }
      if (unit === 'time') { step.count = num; mark(2); continue; }
      if (unit === 'cycle' || unit === 'rep' || unit === 'repetition') { step.count = num; mark(2); continue; }
      if ((unit === 'couple' || w === 'a') && next2 && next2.startsWith('time')) { step.count = 2; for (let j = i; j < i + 3; j++) used[j] = true; continue; }
    }
    if (w === 'a' && next === 'couple') continue;
    if (COUNT_WORDS[w] !== undefined) { step.count = COUNT_WORDS[w]; used[i] = true; continue; }
    if (SPEED_WORDS[w]) { [speedMul, speedLabel] = SPEED_WORDS[w]!; used[i] = true; continue; }
    if (STYLE_WORDS[w]) {
      const s = STYLE_WORDS[w]!;
      style.energy += s.energy ?? 0; style.tension += s.tension ?? 0; style.age += s.age ?? 0;
      styles.push(s.label); used[i] = true; continue;
    }
    if (w === 'forward' || w === 'forwards' || w === 'ahead' || w === 'straight' || w === 'onward') { step.dir = 0; used[i] = true; continue; }
    if (w === 'backward' || w === 'backwards' || (w === 'back' && step.action !== 'turn')) {
      if (isLocomotion(step.action) || step.action === 'jump' || step.action === 'hop') { step.dir = Math.PI; used[i] = true; continue; }
      if (w !== 'back') { step.dir = Math.PI; used[i] = true; continue; }
    }
    if (w === 'left' || w === 'right') {
      const sgn = w === 'left' ? 1 : -1;
      const isHand = next === 'hand' || next === 'arm' || next === 'foot' || next === 'leg';
      if (isHand || ['wave', 'point', 'punch', 'kick', 'salute'].includes(step.action)) { step.side = w === 'left' ? 0 : 1; used[i] = true; if (isHand) used[i + 1] = true; continue; }
      if (step.action === 'sidestep') step.dir = sgn * Math.PI / 2;
      else step.angle = sgn * Math.abs(step.angle ?? Math.PI / 2);
      used[i] = true; continue;
    }
    if (w === 'around' && (step.action === 'turn' || step.action === 'spin' || step.action === 'jump')) { step.angle = Math.sign(step.angle ?? 1) * Math.PI; used[i] = true; continue; }
    if (w === 'sideways' || w === 'sidewards') { step.dir = Math.PI / 2; used[i] = true; continue; }
    if (w === 'both' && (next === 'hands' || next === 'arms')) { step.both = true; used[i] = true; used[i + 1] = true; continue; }
    if (w === 'circle' || w === 'circles') { step.angle = 2 * Math.PI; used[i] = true; continue; }
    if (w === 'high' || w === 'higher') { step.height = 0.5; used[i] = true; continue; }
    if (w === 'low' || w === 'small') { step.height = 0.18; used[i] = true; continue; }
    if (w === 'big' || w === 'large') { step.height = 0.45; used[i] = true; continue; }
    if (w === 'far') { step.distance = 1.2; used[i] = true; continue; }
  }
  // Angles written as a number right before "left"/"right" ("turn 45 left") already set the magnitude.
  if (step.angle !== undefined && (step.action === 'turn' || step.action === 'spin')) {
    const leftRight = words.includes('right') ? -1 : 1;
    step.angle = leftRight * Math.abs(step.angle);
  }
  if (speedLabel) { step.speedMul = speedMul; step.speedWord = speedLabel; }
  resolveDefaults(step);
  const ignored: string[] = [];
  words.forEach((w, i) => { if (!used[i] && !STOPWORDS.has(w) && toNumber(w) === null) ignored.push(w); });
  if (!action) return { step: null, ignored, styles, style };
  return { step, ignored, styles, style };
}

export function parsePrompt(prompt: string): Plan {
  const text = prompt.toLowerCase().replace(/[“”"'`’]/g, '').replace(/°/g, ' degrees ').replace(/(\d)(s|m)\b/g, '$1 $2').replace(/-/g, ' ');
  const steps: PlanStep[] = [];
  const understood: string[] = [];
  const ignored: string[] = [];
  const style = { energy: 0, tension: 0, age: 0 };
  const styleLabels = new Set<string>();
  const absorb = (r: ClauseResult): void => {
    ignored.push(...r.ignored);
    style.energy += r.style.energy; style.tension += r.style.tension; style.age += r.style.age;
    r.styles.forEach((s) => styleLabels.add(s));
  };
  for (const piece of text.split(SEQ_SPLIT)) {
    if (!piece || !piece.trim()) continue;
    const [mainText, ...concurrent] = piece.split(CONCURRENT_SPLIT);
    // "walks and waves": an "and" joining a gesture to locomotion means both at once; otherwise one after the other.
    const andParts = (mainText ?? '').split(/\s+and\s+/);
    const parsed = andParts.map(parseClause);
    let lastBase: PlanStep | null = null;
    parsed.forEach((r, k) => {
      absorb(r);
      if (!r.step) return;
      if (k > 0 && lastBase && isUpperBody(r.step.action) && isLocomotion(lastBase.action)) { lastBase.with.push(r.step); return; }
      steps.push(r.step);
      lastBase = r.step;
    });
    for (const c of concurrent) {
      const r = parseClause(c);
      absorb(r);
      if (!r.step) continue;
      const base = lastBase as PlanStep | null;
      if (base && isUpperBody(r.step.action) && !isUpperBody(base.action)) base.with.push(r.step);
      else if (base && isUpperBody(base.action) && !isUpperBody(r.step.action)) {
        // "waves while walking": the walk is the base and the wave rides on it.
        steps.splice(steps.indexOf(base), 1, r.step);
        r.step.with.push(base);
        lastBase = r.step;
      } else steps.push(r.step);
    }
  }
  for (const s of steps) {
    understood.push(describeStep(s));
  }
  const clampStyle = (v: number): number => Math.max(-1, Math.min(1, v));
  if (styleLabels.size) understood.push(`style: ${[...styleLabels].join(', ')}`);
  return {
    steps,
    understood,
    ignored: [...new Set(ignored)],
    style: { energy: clampStyle(style.energy), tension: Math.max(0, clampStyle(style.tension)), age: Math.max(0, clampStyle(style.age)) },
  };
}
