/**
 * Compiles the lexicon's pattern strings (see `lexicon.ts` for the notation) and finds them in a clause's tokens.
 * Hand-written: compromise's own match syntax has no notion of "this word only where it is used as a verb after
 * lemmatisation, with an optional possessive and a particle that may come later", which is what keeps nouns from
 * triggering verbs here.
 */
import type { ActionId } from '../actions/actionIds.ts';
import { ACTION_PATTERNS } from './lexicon.ts';
import type { Token } from './tokens.ts';

type PatternMode = 'verb' | 'noun' | 'any';

interface PatTok {
  alts: ReadonlySet<string>;
  optional: boolean;
  poss: boolean;
  particle: boolean;
}

export interface Pattern {
  action: ActionId;
  toks: PatTok[];
  mode: PatternMode;
  light: boolean;
  source: string;
}

export interface Match {
  action: ActionId;
  start: number;
  /** Token indices the match consumed (a particle may sit apart from the rest). */
  used: number[];
  mode: PatternMode;
  light: boolean;
  /** Number of words the pattern required: longer patterns win over the words inside them. */
  weight: number;
  source: string;
}

const POSS = new Set(['his', 'her', 'their', 'its', 'my', 'your', 'our', 'the', 'a', 'an', 'one', 'both', 'each']);

function compile(action: ActionId, raw: string): Pattern {
  let s = raw.trim();
  let mode: PatternMode | null = null;
  let light = false;
  if (s.startsWith('n:')) {
    mode = 'noun';
    s = s.slice(2);
  } else if (s.startsWith('a:')) {
    mode = 'any';
    s = s.slice(2);
  } else if (s.startsWith('light:')) {
    light = true;
    s = s.slice(6);
  }
  const words = s.split(/\s+/);
  const toks = words.map((w): PatTok => {
    const optional = w.endsWith('?');
    const body = optional ? w.slice(0, -1) : w;
    if (body === 'POSS') return { alts: POSS, optional: true, poss: true, particle: false };
    const particle = body.startsWith('~');
    return { alts: new Set((particle ? body.slice(1) : body).split('|')), optional, poss: false, particle };
  });
  // A multi-word activity noun ("walking lunges", "tree pose") is specific enough to read in any role.
  if (mode === 'noun' && words.length > 1) mode = 'any';
  return { action, toks, mode: mode ?? (words.length > 1 ? 'any' : 'verb'), light, source: s };
}

export const PATTERNS: readonly Pattern[] = Object.entries(ACTION_PATTERNS).flatMap(([action, spec]) =>
  spec
    .split(',')
    .filter((p) => p.trim())
    .map((p) => compile(action, p)),
);

/** Patterns indexed by every word their first required token may be. */
const BY_FIRST = new Map<string, Pattern[]>();
for (const p of PATTERNS) {
  const first = p.toks.find((t) => !t.optional && !t.particle);
  for (const w of first?.alts ?? []) {
    const list = BY_FIRST.get(w) ?? [];
    list.push(p);
    BY_FIRST.set(w, list);
  }
}

const has = (tok: Token | undefined, alts: ReadonlySet<string>): boolean => !!tok && tok.forms.some((f) => alts.has(f));

function matchAt(p: Pattern, tokens: readonly Token[], start: number): number[] | null {
  const used: number[] = [];
  const particles: PatTok[] = [];
  let i = start;
  // The first required token must sit at `start` (optional leading tokens are only possessives, never first).
  for (const t of p.toks) {
    if (t.particle) {
      particles.push(t);
      continue;
    }
    if (has(tokens[i], t.alts)) {
      used.push(i);
      i++;
      continue;
    }
    if (t.optional) continue;
    // A particle written inline ("pick up") may also come later: "picks the box up".
    return null;
  }
  let end = i;
  for (const t of particles) {
    // "picks up a box" or "picks the box up": the particle is the next word or within three words after.
    let found = -1;
    for (let k = end; k < Math.min(tokens.length, end + 4); k++)
      if (has(tokens[k], t.alts)) {
        found = k;
        break;
      }
    if (found < 0) return null;
    used.push(found);
    if (found === end) end++;
  }
  return used;
}

/** Every pattern occurrence in the clause (overlapping; the caller picks). */
export function findMatches(tokens: readonly Token[]): Match[] {
  const out: Match[] = [];
  tokens.forEach((tok, i) => {
    const cands = new Set<Pattern>();
    for (const f of tok.forms) for (const p of BY_FIRST.get(f) ?? []) cands.add(p);
    for (const p of cands) {
      const used = matchAt(p, tokens, i);
      if (!used) continue;
      out.push({ action: p.action, start: i, used, mode: p.mode, light: p.light, weight: p.toks.filter((t) => !t.optional).length + used.length * 0.01, source: p.source });
    }
  });
  return out;
}
