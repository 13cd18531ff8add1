/**
 * One clause → its planned steps (one per action it names; "and" between two actions splits it) plus what it
 * could not read. The action comes from the lexicon's patterns, chosen by grammatical role: a verb trigger only
 * fires where the word is a verb, an activity noun only where it is a noun, light verbs ("throw", "shoot",
 * "swing") take their meaning from the noun or prop that follows. Modifiers (counts, sides, directions, speeds,
 * durations, distances, targets, props, styles, negation) are read from the words the action did not use.
 */
import { actionEntry } from '../actions/actionIds.ts';
import type { ActionId } from '../actions/actionIds.ts';
import {
  COUNT_WORDS,
  EMPTY_VERBS,
  SUBJECT_PROPS,
  INTENSITY_WORDS,
  LIGHT_VERBS,
  MOOD_ACTIONS,
  NUMBER_WORDS,
  PROP_ACTIONS,
  SPEED_WORDS,
  STOPWORDS,
  STYLE_WORDS,
  TARGET_WORDS,
} from './lexicon.ts';
import type { StyleWord } from './lexicon.ts';
import { findMatches } from './patterns.ts';
import type { Match } from './patterns.ts';
import type { Plan, PlanStep } from './plan.ts';
import { tokenize } from './tokens.ts';
import type { Token } from './tokens.ts';
import { WORDNET_VERBS } from './wordnetMap.ts';

export type Alternative = NonNullable<Plan['alternatives']>[number];

export interface ClauseReading {
  steps: PlanStep[];
  /** For each step after the first: joined to the previous one by "and" (a gesture rides on locomotion). */
  joined: boolean[];
  ignored: string[];
  /** Text of the clause when it named no action but had content words. */
  unread: string | null;
  /** Modifiers of a clause with no action and no content ("…, slowly"): applied to the previous step. */
  trailing: PlanStep | null;
  styles: StyleWord[];
  alternatives: Alternative[];
}

const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'my', 'your', 'its', 'our', 'this', 'that', 'these', 'those', 'some', 'another', 'each', 'every', 'one']);
const PREPOSITIONS = new Set(['with', 'at', 'into', 'onto', 'from', 'of', 'in', 'on', 'by', 'for', 'about', 'like', 'over', 'under', 'towards', 'toward', 'off']);
const MODIFIER_ADJ = new Set([
  'left',
  'right',
  'quick',
  'big',
  'small',
  'high',
  'low',
  'little',
  'huge',
  'hard',
  'powerful',
  'fast',
  'slow',
  'single',
  'double',
  'strong',
  'light',
  'heavy',
  'perfect',
  'full',
  'long',
  'short',
  'spinning',
  'jumping',
  'flying',
  'straight',
  'quick',
  'soft',
  'gentle',
  'massive',
  'few',
  'couple',
]);
/** compromise tags some of these as nouns ('forward'); they never make the word before them a modifier. */
const DIRECTION_WORDS = new Set([
  'forward',
  'forwards',
  'backward',
  'backwards',
  'back',
  'left',
  'right',
  'sideways',
  'ahead',
  'around',
  'twice',
  'once',
  'again',
  'slowly',
  'quickly',
  'fast',
]);
const NEGATIONS = new Set(['not', 'never', 'without', 'no', 'cannot']);
const BODY = new Set([
  'hand',
  'hands',
  'arm',
  'arms',
  'foot',
  'feet',
  'leg',
  'legs',
  'fist',
  'fists',
  'head',
  'knee',
  'knees',
  'finger',
  'fingers',
  'toes',
  'toe',
  'elbow',
  'shoulder',
  'shoulders',
  'hip',
  'hips',
  'body',
  'back',
  'palm',
  'palms',
  'side',
]);
/** Umbrella actions that a more specific action of the same kind, named in the same clause, replaces. */
const GENERIC = new Set<ActionId>(['dance', 'punch', 'kick', 'swimFreestyle', 'jump', 'walk', 'stretch', 'somersault', 'idle', 'lookAround', 'sit', 'lieDown']);
/** Actions that only make sense with their own kind of object. */
const PROP_BOUND: Partial<Record<ActionId, string[]>> = {
  openDoor: ['door', 'gate', 'window', 'fridge', 'cupboard', 'cabinet', 'drawer', 'locker', 'closet'],
  knockDoor: ['door', 'gate', 'window', 'wall', 'table'],
};
const STAIRS = new Set(['stairs', 'stair', 'staircase', 'steps', 'stairway', 'stairwell']);
const IN_PLACE_ACTION: Partial<Record<ActionId, ActionId>> = {
  walk: 'walkInPlace',
  march: 'walkInPlace',
  run: 'runInPlace',
  jog: 'runInPlace',
  jump: 'jumpInPlace',
  hop: 'jumpInPlace',
};
const WALK_STYLE_ACTION: Record<string, ActionId> = {
  zombie: 'zombieWalk',
  drunk: 'drunkWalk',
  drunkenly: 'drunkWalk',
  injured: 'injuredWalk',
  wounded: 'injuredWalk',
  stealthily: 'sneak',
  quietly: 'sneak',
  sneakily: 'sneak',
  crouched: 'crouchWalk',
  crouching: 'crouchWalk',
  hunched: 'crouchWalk',
  proudly: 'strut',
  backwards: 'backward',
  backward: 'backward',
  sideways: 'sidestep',
};
/** Words whose default reading has a likely second one, shown to the user as an alternative. */
const OTHER_READING: Record<string, [ActionId, string]> = {
  bow: ['archery', 'shoot a bow and arrow'],
  shoot: ['basketballShot', 'shoot a basketball'],
  fire: ['pistolFire', 'fire a pistol'],
  roll: ['backwardRoll', 'roll backward'],
  swim: ['swimBreaststroke', 'swim breaststroke'],
  kick: ['soccerShot', 'kick a ball'],
  throw: ['throwUnderhand', 'throw underhand'],
  flip: ['backflip', 'backflip'],
  fall: ['fallBackward', 'fall backward'],
  box: ['pickUp', 'pick up a box'],
  pitch: ['throwOverhand', 'throw overhand'],
  bowl: ['cricketBowl', 'bowl a cricket ball'],
  spike: ['volleyballSpike', 'spike a volleyball'],
  pass: ['soccerPass', 'pass a ball'],
  duck: ['crouch', 'crouch'],
  hit: ['hitHead', 'get hit'],
};

const isNumberTok = (t: Token | undefined): boolean => !!t && (/^\d+(?:\.\d+)?$/.test(t.text) || (NUMBER_WORDS[t.text] !== undefined && t.text !== 'a' && t.text !== 'an'));
const numberOf = (t: Token | undefined): number | null => {
  if (!t) return null;
  if (/^\d+(?:\.\d+)?$/.test(t.text)) return Number(t.text);
  return NUMBER_WORDS[t.text] ?? null;
};

/** Whether token i sits in a noun phrase: a determiner or preposition before it, past adjectives and numbers. */
function nounish(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const t = tokens[j]!;
    if (DETERMINERS.has(t.text) || PREPOSITIONS.has(t.text)) return true;
    if (MODIFIER_ADJ.has(t.text) || isNumberTok(t) || (t.tags.has('Adjective') && !t.tags.has('Verb'))) continue;
    return false;
  }
  return false;
}

function validMatch(m: Match, tokens: readonly Token[]): boolean {
  const t = tokens[m.start]!;
  // "a punching bag", "a boxing ring": a one-word activity noun right before another noun only describes it.
  const after = tokens[m.start + 1];
  if (
    m.mode === 'noun' &&
    m.used.length === 1 &&
    after &&
    after.tags.has('Noun') &&
    !after.tags.has('Pronoun') &&
    !STOPWORDS.has(after.text) &&
    !BODY.has(after.text) &&
    !DIRECTION_WORDS.has(after.text)
  )
    return false;
  if (m.mode === 'verb') return !nounish(tokens, m.start);
  if (m.mode === 'noun')
    return (
      nounish(tokens, m.start) ||
      (m.start === 0 && (!t.tags.has('Verb') || !DETERMINERS.has(tokens[1]?.text ?? ''))) ||
      (t.tags.has('Noun') && !t.tags.has('Verb')) ||
      isNumberTok(tokens[m.start - 1])
    );
  return true;
}

function negated(m: Match, tokens: readonly Token[]): boolean {
  for (let j = m.start - 1; j >= 0 && j >= m.start - 2; j--) if (NEGATIONS.has(tokens[j]!.text)) return true;
  return false;
}

/** Non-overlapping matches, longest first. */
function selectMatches(tokens: readonly Token[]): { kept: Match[]; negatedMoves: boolean; negatedWords: Set<number> } {
  const all = findMatches(tokens).filter((m) => validMatch(m, tokens));
  let negatedMoves = false;
  const negatedWords = new Set<number>();
  const taken = new Set<number>();
  const kept: Match[] = [];
  all.sort((a, b) => b.weight - a.weight || a.start - b.start);
  for (const m of all) {
    if (m.used.some((u) => taken.has(u))) continue;
    m.used.forEach((u) => taken.add(u));
    if (negated(m, tokens)) {
      // "without moving his feet", "doesn't travel": the step stays on the spot; other negated actions are simply not planned.
      if (['walk', 'run', 'sidestep', 'backward', 'jog'].includes(m.action)) negatedMoves = true;
      m.used.forEach((u) => negatedWords.add(u));
      for (let j = m.start - 1; j >= 0 && j >= m.start - 2; j--) if (NEGATIONS.has(tokens[j]!.text)) negatedWords.add(j);
      continue;
    }
    kept.push(m);
  }
  kept.sort((a, b) => a.start - b.start);
  return { kept, negatedMoves, negatedWords };
}

const isVerbal = (m: Match): boolean => m.mode !== 'noun';

/** Token index ranges of the clause's action segments: split at "and"/"to" that start a new action. */
function segments(tokens: readonly Token[], kept: readonly Match[]): [number, number][] {
  const used = new Set(kept.flatMap((m) => m.used));
  const cuts: number[] = [];
  tokens.forEach((t, j) => {
    if (used.has(j) || (t.text !== 'and' && t.text !== 'to' && t.text !== 'or')) return;
    const before = kept.some((m) => m.start < j);
    if (!before) return;
    const after = tokens[j + 1];
    // "waves and levitates": an unknown verb after "and" is a clause of its own (reported as not understood).
    // compromise may tag a bare "levitates" as a plural noun; the same inflection as the verb before "and" says it is one too.
    const ending = (w: string): string => /(?:ing|ed|s)$/.exec(w)?.[0] ?? '';
    const lastVerb = kept.filter((m) => m.start < j && isVerbal(m)).at(-1);
    const looksVerb = !!after && (after.tags.has('Verb') || (!!lastVerb && ending(after.text) !== '' && ending(after.text) === ending(tokens[lastVerb.start]!.text)));
    if (t.text === 'and' && after && looksVerb && !STOPWORDS.has(after.text) && !EMPTY_VERBS.has(after.lemma) && !kept.some((m) => m.used.includes(j + 1))) {
      cuts.push(j);
      return;
    }
    const next = kept.find((m) => m.start > j);
    if (!next) return;
    const between = tokens.slice(j + 1, next.start);
    // "and lands in a crouch", "and does a backflip": an empty verb and a preposition may stand before the action noun.
    const glue = between.every(
      (b) =>
        DETERMINERS.has(b.text) ||
        MODIFIER_ADJ.has(b.text) ||
        SPEED_WORDS[b.text] ||
        b.tags.has('Adverb') ||
        isNumberTok(b) ||
        b.text === 'then' ||
        b.text === 'also' ||
        EMPTY_VERBS.has(b.lemma) ||
        b.text === 'in' ||
        b.text === 'into',
    );
    if (!glue || between.length > 3) return;
    if (t.text === 'to' && !(isVerbal(next) && between.length === 0)) return;
    cuts.push(j);
  });
  const out: [number, number][] = [];
  let from = 0;
  for (const c of cuts) {
    out.push([from, c]);
    from = c + 1;
  }
  out.push([from, tokens.length]);
  return out;
}

export interface ClauseContext {
  prev: PlanStep | undefined;
}

export function readClause(text: string, ctx: ClauseContext): ClauseReading {
  const tokens = tokenize(text);
  const { kept, negatedMoves, negatedWords } = selectMatches(tokens);
  const reading: ClauseReading = { steps: [], joined: [], ignored: [], unread: null, trailing: null, styles: [], alternatives: [] };
  const segs = segments(tokens, kept);
  let prev = ctx.prev;
  for (const [a, b] of segs) {
    const consumed = new Set<number>(negatedWords);
    if (a > 0) consumed.add(a - 1);
    const inSeg = kept.filter((m) => m.start >= a && m.start < b);
    const step = chooseAction(tokens, inSeg, a, b, consumed, reading.alternatives);
    const cur: PlanStep = step ?? { action: 'idle', label: '', with: [] };
    readModifiers(tokens, a, b, consumed, cur, reading, prev, step !== null);
    if (negatedMoves) applyInPlace(cur);
    const content = collectIgnored(tokens, a, b, consumed);
    if (step) {
      reading.ignored.push(...content);
      reading.joined.push(a > 0 && tokens[a - 1]!.text !== 'to');
      reading.steps.push(cur);
      prev = cur;
      continue;
    }
    // No pattern: a mood word alone ("looks tired"), or a verb WordNet relates to a known one.
    const mood = tokens.slice(a, b).find((t) => MOOD_ACTIONS[t.text]);
    const wn = tokens.slice(a, b).find((t, k) => !consumed.has(a + k) && (t.tags.has('Verb') || k === 0) && !STOPWORDS.has(t.text) && WORDNET_VERBS[t.lemma]);
    if (mood || wn) {
      cur.action = mood ? MOOD_ACTIONS[mood.text]! : WORDNET_VERBS[wn!.lemma]!;
      if (wn && !mood) reading.alternatives.push({ text: wn.text, chosen: cur.action, alternative: `not understood (read "${wn.text}" as a synonym of ${cur.action})` });
      const word = (mood ?? wn)!.text;
      reading.ignored.push(...content.filter((c) => c !== word));
      reading.joined.push(false);
      reading.steps.push(cur);
      prev = cur;
      continue;
    }
    if (content.length) {
      const segText = tokens
        .slice(a, b)
        .map((t) => t.text)
        .join(' ');
      reading.unread = reading.unread ? `${reading.unread} and ${segText}` : segText;
      reading.ignored.push(...content);
    } else if (hasModifiers(cur) || negatedMoves) reading.trailing = cur;
  }
  return reading;
}

function hasModifiers(s: PlanStep): boolean {
  return ['speedMul', 'dir', 'angle', 'count', 'durationSec', 'distance', 'side', 'both', 'height', 'inPlace', 'intensity', 'target'].some(
    (k) => (s as unknown as Record<string, unknown>)[k] !== undefined,
  );
}

function propsIn(tokens: readonly Token[], a: number, b: number, consumed: ReadonlySet<number>): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (consumed.has(i) || (STOPWORDS.has(t.text) && !STAIRS.has(t.text)) || BODY.has(t.text) || (TARGET_WORDS.has(t.text) && !['door', 'wall'].includes(t.text))) continue;
    if (!t.tags.has('Noun') || t.tags.has('Pronoun') || !nounish(tokens, i)) continue;
    out.push({ word: STAIRS.has(t.text) ? 'stairs' : t.lemma, at: i });
  }
  return out;
}

/** Picks the segment's action (one per segment) and marks the words it used. */
function chooseAction(tokens: readonly Token[], inSeg: readonly Match[], a: number, b: number, consumed: Set<number>, alts: Alternative[]): PlanStep | null {
  if (!inSeg.length) return null;
  let verbal = inSeg.find(isVerbal);
  // Later matches in a noun phrase ("strike a tree pose", "does a back flip") are objects of the verb.
  const nominal = inSeg.filter((m) => m !== verbal && (!isVerbal(m) || (m.mode === 'any' && nounish(tokens, m.start))) && (!verbal || m.start > verbal.start));
  if (verbal) {
    const v = verbal;
    const entry = actionEntry(v.action);
    // A generic verb gives way to a specific action of its kind named later ("dances ballet", "walks on tiptoes",
    // "walks along a balance beam").
    const specific = inSeg.find(
      (m) =>
        m !== v &&
        m.start > v.start &&
        !GENERIC.has(m.action) &&
        ((GENERIC.has(v.action) && actionEntry(m.action)?.category === entry?.category) || (entry?.layer === 'locomotion' && actionEntry(m.action)?.category === 'terrain')),
    );
    if (specific) {
      verbal = specific;
      nominal.splice(0, nominal.length, ...nominal.filter((m) => m.start > specific.start));
    } else if (v.action === 'walk' && inSeg.some((m) => m.action === 'crouch' && m.start > v.start)) verbal = { ...v, action: 'crouchWalk' };
  }
  let chosen: Match = verbal ?? nominal[0]!;
  const headWord = tokens[chosen.start]!.lemma;
  const light = chosen.light || (LIGHT_VERBS.has(headWord) && chosen.used.length === 1);
  for (const m of inSeg) m.used.forEach((u) => consumed.add(u));
  let action = chosen.action;
  const props = propsIn(tokens, a, b, consumed);
  // The subject's trade supplies gear the words leave out ("a golfer swings hard").
  for (let i = 0; i < chosen.start; i++) {
    const gear = SUBJECT_PROPS[tokens[i]!.text];
    if (gear) props.push({ word: gear, at: i });
  }
  const step: PlanStep = { action, label: '', with: [] };
  // A prop that turns this verb into a specific action ("fights with a sword", "shoots a bow and arrow").
  const propRule = props.map((p) => ({ p, rule: PROP_ACTIONS.find((r) => r.props.includes(p.word) && r.from.includes(action)) })).find((x) => x.rule);
  const stairs = props.find((p) => p.word === 'stairs');
  if (propRule?.rule) {
    action = propRule.rule.to;
    step.prop = propRule.p.word;
    consumed.add(propRule.p.at);
  } else if (stairs && (actionEntry(action)?.layer === 'locomotion' || ['climbWall', 'climbLadder', 'stepUp', 'stepDown', 'jump'].includes(action))) {
    const down = tokens.slice(a, b).some((t) => t.text === 'down' || t.lemma === 'descend');
    action = down ? 'stairsDown' : 'stairsUp';
    step.prop = 'stairs';
    consumed.add(stairs.at);
  } else if ((light || EMPTY_VERBS.has(headWord)) && verbal && nominal.length) {
    // "throws a punch", "does a cartwheel": the activity noun is the action.
    chosen = nominal[0]!;
    action = chosen.action;
  } else if (verbal && nominal.length) {
    // "blocks a punch", "dodges a kick": the noun is what the action answers to.
    step.target = tokens[nominal[0]!.start]!.lemma;
  }
  // An action tied to one kind of object is not read for another ("opens a box" is no door).
  const needs = PROP_BOUND[action];
  const other = props.find((p) => !consumed.has(p.at) && p.at > chosen.start);
  if (needs && other && !needs.includes(other.word)) return null;
  step.action = action;
  if (action === 'turn' && /\b(around|about)\b/.test(chosen.source)) step.angle = Math.PI;
  if (chosen.used.some((u) => ['forward', 'forwards'].includes(tokens[u]!.text))) step.dir = 0;
  // "climbs down a ladder": the same action, going down.
  if (action === 'climbLadder' && chosen.used.some((u) => ['down', 'descend', 'descends'].includes(tokens[u]!.text) || tokens[u]!.lemma === 'descend')) step.dir = Math.PI;
  const reading = OTHER_READING[headWord];
  if (reading && action === chosen.action && chosen.mode !== 'noun' && chosen.used.length === 1 && reading[0] !== action && !step.prop)
    alts.push({ text: tokens[chosen.start]!.text, chosen: action, alternative: reading[1] });
  // The first remaining noun phrase the action acts on is its prop ("picks up a box").
  if (!step.prop) {
    const obj = propsIn(tokens, a, b, consumed).find((p) => p.at > chosen.start);
    const cat = actionEntry(action)?.category;
    const carriesProps = (cat !== 'dance' && cat !== 'gesture' && cat !== 'idle') || tokens[obj ? obj.at - 1 : 0]?.text === 'with';
    if (
      obj &&
      carriesProps &&
      (cat === 'object' ||
        cat === 'sports' ||
        (tokens[obj.at - 1]?.text !== 'towards' &&
          tokens
            .slice(chosen.used.at(-1)! + 1, obj.at)
            .every((t) => DETERMINERS.has(t.text) || MODIFIER_ADJ.has(t.text) || t.tags.has('Adjective') || ['with', 'up', 'from', 'off'].includes(t.text))))
    ) {
      step.prop = obj.word;
      consumed.add(obj.at);
    }
  }
  return step;
}

function applyInPlace(s: PlanStep): void {
  const to = IN_PLACE_ACTION[s.action];
  if (to) s.action = to;
  else s.inPlace = true;
}

function readModifiers(
  tokens: readonly Token[],
  a: number,
  b: number,
  consumed: Set<number>,
  step: PlanStep,
  reading: ClauseReading,
  prev: PlanStep | undefined,
  hasAction: boolean,
): void {
  const take = (...idx: number[]): void => idx.forEach((i) => consumed.add(i));
  const word = (i: number): string => tokens[i]?.text ?? '';
  for (let i = a; i < b; i++) {
    if (consumed.has(i)) continue;
    const w = word(i),
      next = word(i + 1),
      next2 = word(i + 2);
    const num = numberOf(tokens[i]);
    if (w === 'back' && next === 'and' && next2 === 'forth') {
      step.target = 'back and forth';
      take(i, i + 1, i + 2);
      continue;
    }
    if ((num !== null && !(w === 'a' || w === 'an')) || ((w === 'a' || w === 'an') && ['couple', 'few'].includes(next))) {
      let n = num ?? 1,
        k = i + 1;
      if (w === 'a' || w === 'an') {
        n = NUMBER_WORDS[next]!;
        k = i + 2;
        if (word(k) === 'of') k++;
      } else if (next === 'of' && (w === 'couple' || w === 'few')) k = i + 2;
      const unit = word(k).replace(/s$/, '');
      const mark = (): void => {
        for (let j = i; j <= k; j++) take(j);
        if (word(i - 1) === 'for') take(i - 1);
      };
      if (['second', 'sec'].includes(unit)) {
        step.durationSec = n;
        mark();
        continue;
      }
      if (unit === 'minute' || unit === 'min') {
        step.durationSec = n * 60;
        mark();
        continue;
      }
      if (['meter', 'metre'].includes(unit)) {
        step.distance = n;
        mark();
        continue;
      }
      if (unit === 'feet' || unit === 'foot') {
        step.distance = Math.round(n * 0.3048 * 100) / 100;
        mark();
        continue;
      }
      if (unit === 'yard') {
        step.distance = Math.round(n * 0.9144 * 100) / 100;
        mark();
        continue;
      }
      if (unit === 'degree' || unit === 'deg') {
        step.angle = (n * Math.PI) / 180;
        mark();
        continue;
      }
      if (['time', 'rep', 'repetition', 'cycle', 'step', 'pace', 'round', 'set'].includes(unit)) {
        step.count = n;
        mark();
        continue;
      }
      // "10 push ups", "three jumps": a number right before the action counts it.
      if (k === i + 1 && consumed.has(k) && hasAction) {
        step.count = n;
        take(i);
        continue;
      }
    }
    if (COUNT_WORDS[w] !== undefined) {
      step.count = COUNT_WORDS[w];
      take(i);
      continue;
    }
    if (w === 'in' && next === 'slow' && next2 === 'motion') {
      step.speedMul = 0.5;
      step.speedWord = 'slow motion';
      take(i, i + 1, i + 2);
      continue;
    }
    if (SPEED_WORDS[w]) {
      const [mul, label] = SPEED_WORDS[w]!;
      step.speedMul = mul;
      step.speedWord = label;
      take(i);
      if (INTENSITY_WORDS[w] !== undefined) step.intensity = INTENSITY_WORDS[w];
      continue;
    }
    if (INTENSITY_WORDS[w] !== undefined && !(w === 'small' || w === 'big')) {
      step.intensity = INTENSITY_WORDS[w];
      take(i);
      continue;
    }
    if ((w === 'in' && (next === 'place' || next === 'position')) || (w === 'on' && next === 'the' && next2 === 'spot')) {
      applyInPlace(step);
      take(i, i + 1);
      if (next2 === 'spot') take(i + 2);
      continue;
    }
    if (w === 'stationary' || w === 'stationarily') {
      applyInPlace(step);
      take(i);
      continue;
    }
    if (w === 'without' && (tokens[i + 1]?.lemma === 'move' || tokens[i + 1]?.lemma === 'travel' || tokens[i + 1]?.lemma === 'step')) {
      applyInPlace(step);
      take(i, i + 1);
      if (['his', 'her', 'their', 'the', 'its'].includes(word(i + 2))) take(i + 2);
      if (['feet', 'foot', 'legs'].includes(word(i + 3)) || ['feet', 'foot', 'legs'].includes(word(i + 2))) take(i + 2, i + 3);
      continue;
    }
    if (w === 'like' && i + 1 < b) {
      // "like a zombie", "like an old man": a style, or the walk variant it names.
      let j = i + 1;
      if (DETERMINERS.has(word(j))) j++;
      const styleIdx: number[] = [];
      while (j < b && (STYLE_WORDS[word(j)] || ['man', 'woman', 'person', 'lady', 'guy'].includes(word(j)))) {
        styleIdx.push(j);
        j++;
      }
      if (styleIdx.length) {
        for (const s of styleIdx) if (STYLE_WORDS[word(s)]) reading.styles.push(STYLE_WORDS[word(s)]!);
        const variant = styleIdx.map((s) => WALK_STYLE_ACTION[word(s)]).find(Boolean);
        if (variant && step.action === 'walk') step.action = variant;
        for (let k = i; k < j; k++) take(k);
        continue;
      }
    }
    // "jumps over a puddle", "jumps across the gap": a jump that travels is a leap.
    if ((w === 'over' || w === 'across') && step.action === 'jump' && hasAction) {
      step.action = 'leap';
      take(i);
      continue;
    }
    if (w === 'underhand' || w === 'underarm') {
      if (step.action === 'throwOverhand') step.action = 'throwUnderhand';
      take(i);
      continue;
    }
    if (w === 'overhand' || w === 'overarm') {
      if (step.action === 'throwUnderhand') step.action = 'throwOverhand';
      take(i);
      continue;
    }
    if ((w === 'upstairs' || w === 'downstairs') && (actionEntry(step.action)?.layer === 'locomotion' || step.action === 'jump')) {
      step.action = w === 'upstairs' ? 'stairsUp' : 'stairsDown';
      step.prop = 'stairs';
      take(i);
      continue;
    }
    if (STYLE_WORDS[w]) {
      if (WALK_STYLE_ACTION[w] && step.action === 'walk') step.action = WALK_STYLE_ACTION[w]!;
      reading.styles.push(STYLE_WORDS[w]!);
      take(i);
      continue;
    }
    if (WALK_STYLE_ACTION[w] && step.action === 'walk' && !['backwards', 'backward', 'sideways'].includes(w)) {
      step.action = WALK_STYLE_ACTION[w]!;
      take(i);
      continue;
    }
    if (['forward', 'forwards', 'ahead', 'straight', 'onward', 'onwards'].includes(w)) {
      if (step.action === 'fallBackward' || step.action === 'fallSide') step.action = 'fallForward';
      step.dir = 0;
      take(i);
      continue;
    }
    if (w === 'backward' || w === 'backwards' || (w === 'back' && hasAction)) {
      if (w === 'back' && (step.action === 'turn' || step.action === 'lieDown' || step.action === 'hitHead')) {
        if (step.action === 'lieDown') {
          step.action = 'lieOnBack';
          take(i);
        } else if (step.action === 'hitHead') {
          step.action = 'hitBack';
          take(i);
        }
        continue;
      }
      const loco = actionEntry(step.action)?.layer === 'locomotion';
      if (w === 'back' && loco && prev && (prev.action === 'turn' || prev.action === 'spin') && Math.abs(Math.abs(prev.angle ?? 0) - Math.PI) < 0.2) {
        // "turns around and walks back": forward along the new heading, back toward the start.
        step.dir = 0;
        step.target = 'start';
        take(i);
        continue;
      }
      if (w === 'back' && loco) reading.alternatives.push({ text: 'back', chosen: 'walk backward', alternative: 'turn around and walk back to the start' });
      const flips: Partial<Record<ActionId, ActionId>> = { walk: 'backward', forwardRoll: 'backwardRoll', somersault: 'backflip', fallForward: 'fallBackward', kick: 'backKick' };
      if (flips[step.action]) step.action = flips[step.action]!;
      else step.dir = Math.PI;
      take(i);
      continue;
    }
    if (w === 'left' || w === 'right' || (w === 'to' && next === 'the' && (next2 === 'left' || next2 === 'right'))) {
      const lr = w === 'to' ? next2 : w;
      const idx = w === 'to' ? [i, i + 1, i + 2] : [i];
      const limb = w === 'to' ? '' : next;
      const sgn = lr === 'left' ? 1 : -1;
      const cat = actionEntry(step.action)?.category;
      if (['hand', 'arm', 'foot', 'leg', 'fist', 'side'].includes(limb)) {
        if (limb === 'side' && ['lieDown', 'lieOnSide', 'fallSide'].includes(step.action)) {
          step.side = lr === 'left' ? 0 : 1;
          take(...idx, i + 1);
          continue;
        }
        step.side = lr === 'left' ? 0 : 1;
        take(...idx, i + 1);
        continue;
      }
      if (step.action === 'turn' || step.action === 'spin') {
        step.angle = sgn * Math.abs(step.angle ?? Math.PI / 2);
        take(...idx);
        continue;
      }
      if (step.action === 'shuffle') step.action = 'sidestep';
      if (step.action === 'sidestep' || step.action === 'dodge' || step.action === 'lunges') {
        step.dir = (sgn * Math.PI) / 2;
        take(...idx);
        continue;
      }
      if (actionEntry(step.action)?.layer === 'locomotion') {
        step.angle = sgn * Math.abs(step.angle ?? Math.PI / 2);
        take(...idx);
        continue;
      }
      if (cat === 'combat' || cat === 'gesture' || cat === 'sports' || cat === 'object' || step.action === 'hop' || cat === 'fall' || cat === 'fitness' || !hasAction) {
        step.side = lr === 'left' ? 0 : 1;
        take(...idx);
        continue;
      }
      step.side = lr === 'left' ? 0 : 1;
      take(...idx);
      continue;
    }
    if ((w === 'around' || w === 'round') && (step.action === 'turn' || step.action === 'spin' || step.action === 'jump' || step.action === 'hop')) {
      step.angle = Math.sign(step.angle ?? 1) * Math.PI;
      if (step.action === 'spin') step.angle = 2 * Math.PI;
      take(i);
      continue;
    }
    if (w === 'sideways' || w === 'sidewards') {
      if (step.action === 'walk') step.action = 'sidestep';
      else if (step.action === 'fallForward') step.action = 'fallSide';
      step.dir = Math.PI / 2;
      take(i);
      continue;
    }
    if (w === 'both' && ['hands', 'arms', 'feet', 'legs', 'fists'].includes(next)) {
      step.both = true;
      take(i, i + 1);
      continue;
    }
    if (w === 'circle' || w === 'circles') {
      step.angle = 2 * Math.PI;
      take(i);
      continue;
    }
    if (w === 'high' || w === 'higher') {
      step.height = 0.5;
      take(i);
      continue;
    }
    if (w === 'low' || w === 'small' || w === 'little') {
      step.height = 0.18;
      if (step.intensity === undefined) step.intensity = 0.7;
      take(i);
      continue;
    }
    if (w === 'big' || w === 'large') {
      step.height = 0.45;
      step.intensity = 1.3;
      take(i);
      continue;
    }
    if (w === 'far') {
      step.distance = 1.2;
      take(i);
      continue;
    }
    if (['in', 'to', 'at', 'into', 'on', 'onto', 'toward', 'towards'].includes(w) && hasAction) {
      // "in the stomach", "at the door", "to the face": where the action lands.
      let j = i + 1;
      if (DETERMINERS.has(word(j))) j++;
      const tw = word(j);
      if (TARGET_WORDS.has(tw) && !consumed.has(j) && w !== 'towards' && w !== 'toward') {
        if (step.action === 'hitHead' && ['stomach', 'gut', 'belly', 'chest', 'ribs'].includes(tw)) step.action = 'hitStomach';
        else if (step.action === 'hitHead' && tw === 'back') step.action = 'hitBack';
        if ((step.action === 'lieDown' || step.action === 'forwardRoll') && tw === 'back') step.action = 'lieOnBack';
        else if (step.action === 'lieDown' && tw === 'side') step.action = 'lieOnSide';
        else if (step.action === 'fallForward' && tw === 'back') step.action = 'fallBackward';
        else if (step.action === 'fallForward' && tw === 'side') step.action = 'fallSide';
        else step.target = tw;
        for (let k = i; k <= j; k++) take(k);
        continue;
      }
    }
  }
  // "turn right 45 degrees" and "turn 45 degrees right": the side word sets the sign whatever the order.
  if ((step.action === 'turn' || step.action === 'spin') && step.angle !== undefined) {
    const seg = tokens.slice(a, b).map((t) => t.text);
    if (seg.includes('right') || seg.includes('clockwise')) step.angle = -Math.abs(step.angle);
    else if (seg.includes('left') || seg.includes('counterclockwise') || seg.includes('anticlockwise')) step.angle = Math.abs(step.angle);
  }
}

function collectIgnored(tokens: readonly Token[], a: number, b: number, consumed: ReadonlySet<number>): string[] {
  const out: string[] = [];
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (consumed.has(i) || STOPWORDS.has(t.text) || EMPTY_VERBS.has(t.lemma) || isNumberTok(t) || BODY.has(t.text) || /^\d/.test(t.text)) continue;
    out.push(t.text);
  }
  return out;
}
