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

interface Entry {
  id: ActionId;
  phrase: string;
}

const ALL_ENTRIES: Entry[] = ACTION_IDS.flatMap((e) => [
  { id: e.id, phrase: actionName(e.id) },
  ...(ACTION_PATTERNS[e.id] ?? '').split(',').map((p) => ({
    id: e.id,
    phrase: p
      .replace(/^(n:|a:|light:)/, '')
      .replace(/\bPOSS\??\s*/g, '')
      .replace(/[~?]/g, '')
      .replace(/\|\S+/g, '')
      .trim(),
  })),
]);

const MAX_SCORE = 0.45;

/** One entry per distinct phrase (the first action that uses it): a smaller index, the same answers. */
const ENTRIES: Entry[] = (() => {
  const byPhrase = new Map<string, Entry>();
  for (const e of ALL_ENTRIES) if (e.phrase.length > 1 && !byPhrase.has(e.phrase)) byPhrase.set(e.phrase, e);
  return [...byPhrase.values()];
})();

let fuse: Fuse<Entry> | null = null;
function index(): Fuse<Entry> {
  fuse ??= new Fuse(ENTRIES, { keys: ['phrase'], includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 });
  return fuse;
}

/** Recent answers: the preview asks again for the same unread clause on every pause in typing. */
const memo = new Map<string, ActionId[]>();
const MEMO_SIZE = 500;

/** Up to `max` action ids nearest to the text, best first. */
export function suggestActions(text: string, max = 4): ActionId[] {
  const key = `${max}\u0000${text}`;
  const hit = memo.get(key);
  if (hit) return [...hit];
  const out = computeSuggestions(text, max);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, out);
  return [...out];
}

function computeSuggestions(text: string, max: number): ActionId[] {
  const out: ActionId[] = [];
  const add = (id: string | undefined): void => {
    if (id && !out.includes(id) && ACTION_IDS.some((e) => e.id === id)) out.push(id);
  };
  const words = tokenize(text).filter((t) => !STOPWORDS.has(t.text) && t.text.length > 2);
  for (const t of words) add(WORDNET_VERBS[t.lemma] ?? WORDNET_NOUNS[t.lemma] ?? WORDNET_NOUNS[t.text]);
  // The verb says what the user wants done ("opens a box" → open door before anything about boxes), so verbs
  // rank ahead of the whole clause, which ranks ahead of its other words.
  const queries: [string, number][] = [
    ...words.filter((w) => w.tags.has('Verb')).map((w): [string, number] => [w.lemma, 0]),
    [text, 0.15],
    ...words.filter((w) => !w.tags.has('Verb')).map((w): [string, number] => [w.text, 0.3]),
  ];
  const scored = new Map<ActionId, number>();
  for (const [q, penalty] of queries) {
    for (const r of index().search(q, { limit: 6 })) {
      const s = (r.score ?? 1) + penalty;
      scored.set(r.item.id, Math.min(scored.get(r.item.id) ?? 2, s));
    }
  }
  // Past this score (fuse distance plus the query's rank) a match shares letters, not meaning.
  [...scored.entries()]
    .filter(([, sc]) => sc < MAX_SCORE)
    .sort((x, y) => x[1] - y[1])
    .forEach(([id]) => add(id));
  return out.slice(0, max);
}
