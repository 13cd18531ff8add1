/**
 * The nearest library actions for words the reader could not place: semantic neighbours from WordNet
 * (synonyms and hypernyms of the word, generated into `wordnetMap.ts`), then fuzzy matches (fuse.js) against
 * every action's name and phrases, which catches typos ("cartweel") and partial phrases.
 */
import Fuse from 'fuse.js';
import { ACTION_IDS } from '../actions/actionIds.ts';
import type { ActionId } from '../actions/actionIds.ts';
import { ACTION_PATTERNS } from './lexicon.ts';
import { STOPWORDS } from './lexicon.ts';
import { WORDNET_NOUNS, WORDNET_VERBS } from './wordnetMap.ts';
import { tokenize } from './tokens.ts';

/** "stairsUp" → "stairs up". */
export function actionName(id: ActionId): string {
  return id.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

interface Entry { id: ActionId; phrase: string }

const ENTRIES: Entry[] = ACTION_IDS.flatMap((e) => [
  { id: e.id, phrase: actionName(e.id) },
  ...(ACTION_PATTERNS[e.id] ?? '').split(',').map((p) => ({ id: e.id, phrase: p.replace(/^(n:|a:|light:)/, '').replace(/\bPOSS\??\s*/g, '').replace(/[~?]/g, '').replace(/\|\S+/g, '').trim() })),
]);

let fuse: Fuse<Entry> | null = null;
function index(): Fuse<Entry> {
  fuse ??= new Fuse(ENTRIES, { keys: ['phrase'], includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 });
  return fuse;
}

/** Up to `max` action ids nearest to the text, best first. */
export function suggestActions(text: string, max = 4): ActionId[] {
  const out: ActionId[] = [];
  const add = (id: string | undefined): void => { if (id && !out.includes(id) && ACTION_IDS.some((e) => e.id === id)) out.push(id); };
  const words = tokenize(text).filter((t) => !STOPWORDS.has(t.text) && t.text.length > 2);
  for (const t of words) add(WORDNET_VERBS[t.lemma] ?? WORDNET_NOUNS[t.lemma] ?? WORDNET_NOUNS[t.text]);
  const scored = new Map<ActionId, number>();
  for (const q of [text, ...words.map((w) => w.text)]) {
    for (const r of index().search(q, { limit: 6 })) {
      const s = r.score ?? 1;
      scored.set(r.item.id, Math.min(scored.get(r.item.id) ?? 1, s));
    }
  }
  [...scored.entries()].sort((x, y) => x[1] - y[1]).forEach(([id]) => add(id));
  return out.slice(0, max);
}
