/**
 * The local, rule-based prompt optimiser. Motion models (the local engine and SayMotion alike) do best with
 * one action per prompt, each with a subject and a present-tense verb ("A person walks forward slowly"), so
 * a run-on request becomes a list of such prompts:
 *
 *   "please make him walk forward slowly, then turn left and wave" →
 *   ["A person walks forward slowly", "A person turns left", "A person waves"]
 *
 * Clauses are split on sequencing words and punctuation; an "and" is split only when the engine's parser
 * reads it as two steps (it keeps "walks and waves" together: a gesture on a walk happens at once).
 * The parser (read-only) also decides what counts as an action verb, so suggestions use words it knows.
 */
import { lemma, parsePrompt } from '../engine/prompt/parse.ts';

const SEQUENCE = /\s*(?:[;!?]+|\.(?!\d)|\n+|,\s*(?:and\s+)?then\b|,\s*after\s+that\b|,|\band\s+then\b|\bthen\b|\bafter\s+that\b|\bafterwards?\b|\bfollowed\s+by\b|\band\s+finally\b|\bfinally\b)\s*/i;

const FILLER_LEAD: RegExp[] = [
  /^(?:please\b[\s,]*)+/i,
  /^(?:can|could|would)\s+you\s+(?:please\s+)?/i,
  /^(?:i\s+(?:want|need|would\s+like|'d\s+like))\s+/i,
  // "make him walk": the object pronoun names nobody in particular, so the default subject is used.
  /^(?:make|have|let|get)\s+(?:him|her|them|it)\s+/i,
  /^(?:make|have|let|get)\s+(?=(?:the|a|an|my|our)\b)/i,
  /^(?:and|also|first(?:ly)?|next|lastly|now|so)\s+/i,
];

/** Words that name who moves. */
const SUBJECT_NOUNS = new Set([
  'person', 'man', 'woman', 'guy', 'girl', 'boy', 'lady', 'character', 'figure', 'dancer', 'soldier', 'child', 'kid', 'athlete',
  'someone', 'somebody', 'people', 'robot', 'zombie', 'ninja', 'knight', 'player', 'actor', 'he', 'she', 'they',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'someone', 'somebody']);
const ARTICLES = new Set(['a', 'an', 'the', 'one', 'my', 'our', 'this', 'that']);
/** Auxiliaries and aspect verbs dropped before the action verb: "is walking", "starts to run". */
const AUXILIARY = new Set(['is', 'are', 'was', 'were', 'be', 'will', 'to', 'starts', 'start', 'begins', 'begin', 'keeps', 'keep', 'continues', 'continue', 'should', 'can', 'must']);

const IRREGULAR_BASE: Record<string, string> = {
  ran: 'run', sat: 'sit', stood: 'stand', went: 'go', goes: 'go', spun: 'spin', knelt: 'kneel', leapt: 'leap', leaped: 'leap',
  lying: 'lie', fought: 'fight', crept: 'creep', struck: 'strike', strode: 'stride', got: 'get', snuck: 'sneak', did: 'do', does: 'do',
};

function isVerb(word: string): boolean {
  return lemma(word) !== null;
}

/** The dictionary form of an action verb ("running" → "run", "waves" → "wave"); the word itself when not a verb. */
export function baseForm(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR_BASE[w]) return IRREGULAR_BASE[w]!;
  if (!isVerb(w)) return w;
  const tries: string[] = [];
  const undouble = (s: string) => (s.length > 2 && s.at(-1) === s.at(-2) ? [s.slice(0, -1)] : []);
  if (w.endsWith('ing')) {
    const s = w.slice(0, -3);
    tries.push(...undouble(s), s, `${s}e`);
  } else if (w.endsWith('ied')) tries.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('ed')) {
    const s = w.slice(0, -2);
    tries.push(...undouble(s), s, `${s}e`, w.slice(0, -1));
  } else if (w.endsWith('ies')) tries.push(`${w.slice(0, -3)}y`);
  else if (w.endsWith('es')) tries.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith('s') && !w.endsWith('ss')) tries.push(w.slice(0, -1));
  // Shortest plausible first would turn "walks" into "walk" but also "sitting" into "sitt"; the
  // candidates are ordered so the first one the parser knows is the dictionary form.
  for (const t of tries) if (t.length >= 2 && isVerb(t) && lemma(t) === lemma(w)) return t;
  return w;
}

/** "walk" → "walks", "punch" → "punches", "go" → "goes", "carry" → "carries". */
export function thirdPerson(base: string): string {
  if (base === 'be') return 'is';
  if (base === 'have') return 'has';
  if (/(?:s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

interface Clause {
  text: string;
  steps: number;
}

function stripFiller(text: string): string {
  let t = text.replace(/["“”`]/g, '').replace(/\s+/g, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of FILLER_LEAD) {
      const next = t.replace(f, '');
      if (next !== t) {
        t = next.trim();
        changed = true;
      }
    }
  }
  return t.replace(/[,\s]+$/, '');
}

function stepCount(text: string): number {
  return parsePrompt(text).steps.length;
}

/** Sequence clauses; a clause without an action (", happily") belongs to the one before it. */
function clausesOf(prompt: string): Clause[] {
  const out: Clause[] = [];
  for (const raw of prompt.split(SEQUENCE)) {
    const text = stripFiller(raw ?? '');
    if (!text) continue;
    const steps = stepCount(text);
    const prev = out.at(-1);
    if (steps === 0 && prev) {
      prev.text = `${prev.text} ${text}`;
      continue;
    }
    if (prev && prev.steps === 0) {
      prev.text = `${prev.text} ${text}`;
      prev.steps = stepCount(prev.text);
      continue;
    }
    out.push({ text, steps });
  }
  // "turn left and wave" reads as two steps, so it becomes two prompts; "walks and waves" is one step
  // (the wave rides on the walk) and stays together.
  return out.flatMap((c) => {
    if (c.steps < 2 || !/\band\b/i.test(c.text)) return [c];
    const parts = c.text.split(/\s+and\s+/i).map((p) => p.trim()).filter(Boolean);
    return parts.every((p) => stepCount(p) > 0) ? parts.map((p) => ({ text: p, steps: 1 })) : [c];
  });
}

const DEFAULT_SUBJECT = 'a person';

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Rewrites one clause as "<Subject> <verb>s <adverbs> <rest>"; returns the subject it used. */
function rewrite(clause: string, inherited: string): { text: string; subject: string } {
  const words = clause.split(' ').filter(Boolean);
  const bare = words.map((w) => w.toLowerCase().replace(/[^a-z'-]/g, ''));
  const v = bare.findIndex((w, i) => isVerb(w) && !(w === 'back' && i > 0) && !AUXILIARY.has(w));
  if (v < 0) return { text: capitalise(`${inherited} ${clause}`), subject: inherited };

  // Who: an explicit subject before the verb ("an old man"), else the previous clause's.
  const pre = words.slice(0, v);
  const preBare = bare.slice(0, v);
  let lastNoun = -1;
  preBare.forEach((w, i) => {
    if (SUBJECT_NOUNS.has(w)) lastNoun = i;
  });
  let subject = inherited;
  let rest = pre;
  if (lastNoun >= 0) {
    rest = pre.slice(lastNoun + 1);
    const pronounOnly = lastNoun === 0 && PRONOUNS.has(preBare[0]!);
    // "…then she waves": keep the subject named earlier; a pronoun with nothing before it stays as written.
    if (!pronounOnly || inherited === DEFAULT_SUBJECT) subject = pre.slice(0, lastNoun + 1).join(' ');
  } else if (preBare[0] && ARTICLES.has(preBare[0])) {
    rest = pre.slice(1);
  }
  const adverbs = rest.filter((_, i) => !AUXILIARY.has(rest[i]!.toLowerCase()));
  const verb = thirdPerson(baseForm(bare[v]!));
  const after = words.slice(v + 1);
  const text = [subject, verb, ...adverbs, ...after].join(' ').replace(/\s+/g, ' ').trim();
  return { text: capitalise(text), subject };
}


/** Actionable sub-prompts for `prompt`, in order, without duplicates; at most `max`. */
export function suggestSubPrompts(prompt: string, max = 8): string[] {
  const clauses = clausesOf(prompt);
  const out: string[] = [];
  const seen = new Set<string>();
  let subject = DEFAULT_SUBJECT;
  for (const c of clauses) {
    const r = rewrite(c.text, subject);
    subject = r.subject.toLowerCase() === DEFAULT_SUBJECT ? DEFAULT_SUBJECT : r.subject.toLowerCase();
    const key = r.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r.text);
    if (out.length >= max) break;
  }
  return out;
}
