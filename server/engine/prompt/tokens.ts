/**
 * Text → tokens with lemmas and part-of-speech tags, using compromise (pure JS, so the engine stays free of
 * Node/DOM imports). compromise supplies the tags and the verb/noun roots ("picks" → pick, "knelt" → kneel,
 * "boxes" → box); the few forms it leaves unrooted (plural activity nouns like "ups", "lunges") get a plain
 * singular as an extra form.
 */
import nlp from 'compromise';

/** The fields read from compromise's internal term objects (`doc.docs`). */
interface CompromiseTerm {
  text: string;
  normal?: string;
  root?: string;
  tags?: Set<string>;
}

export interface Token {
  /** Lower-case surface form. */
  text: string;
  /** Every form a pattern may match: surface, lemma, singular. */
  forms: string[];
  lemma: string;
  tags: ReadonlySet<string>;
}

/** Normalises punctuation, units and contractions so clause splitting and number reading see plain words. */
export function normalizePrompt(prompt: string): string {
  return prompt
    .toLowerCase()
    .replace(/[“”"`]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\b(\w+)n't\b/g, '$1 not')
    .replace(/\bcan not\b/g, 'cannot')
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .replace(/°/g, ' degrees ')
    .replace(/(\d)\s*(s|sec|secs)\b/g, '$1 seconds')
    .replace(/(\d)\s*(m)\b/g, '$1 meters')
    .replace(/(\d)x\b/g, '$1 times')
    .replace(/[-_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const EXTRA_ROOTS: Record<string, string> = {
  was: 'be',
  is: 'be',
  are: 'be',
  were: 'be',
  been: 'be',
  being: 'be',
  ups: 'up',
  lay: 'lay',
  lying: 'lie',
  lies: 'lie',
  laid: 'lay',
  stairs: 'stairs',
  steps: 'step',
  knees: 'knee',
  does: 'do',
  did: 'do',
  fell: 'fall',
  fallen: 'fall',
  thrown: 'throw',
  threw: 'throw',
  shot: 'shoot',
  hit: 'hit',
  ran: 'run',
  swam: 'swim',
  sat: 'sit',
  rode: 'ride',
  caught: 'catch',
  drank: 'drink',
  ate: 'eat',
  dove: 'dive',
  dived: 'dive',
  spun: 'spin',
  sang: 'sing',
  wrote: 'write',
  stood: 'stand',
  knelt: 'kneel',
  kneeled: 'kneel',
  leapt: 'leap',
  struck: 'strike',
  swung: 'swing',
  fought: 'fight',
  crept: 'creep',
  snuck: 'sneak',
  slid: 'slide',
  got: 'get',
  went: 'go',
  gone: 'go',
  took: 'take',
  gave: 'give',
  held: 'hold',
  bent: 'bend',
  felt: 'feel',
  froze: 'freeze',
  woke: 'wake',
  lunges: 'lunge',
  burpees: 'burpee',
  jacks: 'jack',
  climbers: 'climber',
  situps: 'situp',
  pushups: 'pushup',
};

function singular(w: string): string | null {
  if (w.length <= 3 || !w.endsWith('s') || w.endsWith('ss')) return null;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(?:ches|shes|xes|zes|sses)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

function gerundBase(w: string): string[] {
  if (!w.endsWith('ing') || w.length < 5) return [];
  const s = w.slice(0, -3);
  const out = [s, s + 'e'];
  if (s.length > 2 && s.at(-1) === s.at(-2)) out.push(s.slice(0, -1));
  return out;
}

function pastBase(w: string): string[] {
  if (!w.endsWith('ed') || w.length < 4) return [];
  const s = w.slice(0, -2);
  const out = [s, s + 'e'];
  if (s.endsWith('i')) out.push(s.slice(0, -1) + 'y');
  if (s.length > 2 && s.at(-1) === s.at(-2)) out.push(s.slice(0, -1));
  return out;
}

/** Tokenises one clause. */
export function tokenize(text: string): Token[] {
  if (!text.trim()) return [];
  const doc = nlp(text);
  doc.compute('root');
  const out: Token[] = [];
  // `root` is set on each term by compute('root'); compromise's Term type does not declare it.
  for (const sentence of doc.docs as unknown as CompromiseTerm[][]) {
    for (const t of sentence) {
      const text = (t.normal || t.text).toLowerCase().replace(/[^a-z0-9.]/g, '');
      if (!text) continue;
      const lemma = EXTRA_ROOTS[text] ?? t.root ?? text;
      const forms = new Set([text, lemma]);
      const sing = singular(text);
      if (sing) forms.add(sing);
      // compromise roots most inflections; these catch the ones it tags as nouns or adjectives ("turns", "rolling").
      for (const f of [...gerundBase(text), ...pastBase(text)]) forms.add(f);
      out.push({ text, forms: [...forms], lemma, tags: t.tags ?? new Set() });
    }
  }
  return out;
}
