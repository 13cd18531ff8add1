/**
 * Splits a normalised prompt into clauses and says how each relates in time to the one before it:
 * sequence ("then", "after that", commas), concurrency ("while", "as"), or reversed order ("before jumping, he
 * crouches", "he waves after he sits"). "and" is split later, once the clause's actions are known, because it joins
 * nouns ("bow and arrow", "hands and knees") as often as verbs. Hand-written: compromise's `clauses()` splits on
 * commas and conjunctions but does not tell sequence from concurrency or reorder "before"/"after".
 */
type ClauseRelation = 'seq' | 'while' | 'before' | 'after';

export interface Clause {
  text: string;
  rel: ClauseRelation;
}

const CONNECTOR =
  /\s*(,\s*and then\b|,\s*then\b|,\s*and\s+(?=after\b)|[,;.!?:]+(?!\d)|\band then\b|\bthen\b|\bafter that\b|\bafterwards?\b|\bfollowed by\b|\band finally\b|\bfinally\b|\bwhile\b|\bwhilst\b|\bas (?=he |she |they |it |the |a |an |his |her |their )|\bbefore\b|\bafter\b(?! that\b| the\b| a\b| an\b| him\b| her\b| them\b| it\b)|\band also\b)\s*/;

function relationOf(connector: string): ClauseRelation {
  const c = connector.trim();
  if (c === 'while' || c === 'whilst' || c.startsWith('as')) return 'while';
  if (c === 'before') return 'before';
  if (c === 'after') return 'after';
  return 'seq';
}

/** Clauses in the order they happen, each with its relation to the previous one. */
export function splitClauses(text: string): Clause[] {
  const parts = text.split(new RegExp(CONNECTOR.source, 'g'));
  // split() with a capturing group alternates [text, connector, text, connector, …].
  const raw: Clause[] = [];
  let rel: ClauseRelation = 'seq';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 1) {
      const r = relationOf(part);
      if (r !== 'seq' || rel === 'seq') rel = r;
      // "walks forward, waving": a comma before a participle describes the same moment, not the next one.
      if (part.trim() === ',' && /^\w+ing\b/.test((parts[i + 1] ?? '').trim())) rel = 'while';
      continue;
    }
    const t = part.trim();
    if (!t) continue;
    raw.push({ text: t, rel });
    rel = 'seq';
  }
  // Reorder: "before X, Y" (leading) → Y then X; "X after Y" → Y then X; "after X, Y" → X then Y.
  const out: Clause[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c.rel === 'before' && i === 0 && raw[i + 1]) {
      out.push({ text: raw[i + 1]!.text, rel: 'seq' }, { text: c.text, rel: 'seq' });
      i++;
      continue;
    }
    if (c.rel === 'while' && i === 0 && raw[i + 1]) {
      out.push({ text: c.text, rel: 'seq' }, { text: raw[i + 1]!.text, rel: 'while' });
      i++;
      continue;
    }
    if (c.rel === 'after' && i === 0) {
      out.push({ text: c.text, rel: 'seq' });
      continue;
    }
    if (c.rel === 'after' && out.length) {
      const prev = out.pop()!;
      out.push({ text: c.text, rel: prev.rel }, { text: prev.text, rel: 'seq' });
      continue;
    }
    if (c.rel === 'before' || c.rel === 'after') {
      out.push({ text: c.text, rel: 'seq' });
      continue;
    }
    out.push(c);
  }
  return out;
}
