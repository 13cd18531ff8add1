/**
 * Puts a suggested library phrase into the prompt in place of the clause the engine could not read.
 * The reader reports clauses in normalised form (lower case, punctuation dropped), so the clause is found
 * word by word, ignoring case and whatever separates the words; when it cannot be found the phrase is
 * appended as a next step (or becomes the prompt when nothing was understood).
 */
const SUBJECT = /^(?:(?:a|an|the)\s+(?:[a-z]+\s+)?(?:person|man|woman|guy|girl|boy|lady|character|dancer|child|kid)|he|she|they|someone|somebody)\s+/i;
const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function applySuggestion(prompt: string, unread: string, phrase: string, nothingUnderstood: boolean): string {
  // Keep who moves: only the words after the subject are replaced ("She does a cartweel" → "She does a cartwheel").
  const words = unread.replace(SUBJECT, '').split(/\s+/).filter(Boolean);
  if (words.length) {
    const re = new RegExp(words.map(escape).join(`[^a-z0-9]+`), 'i');
    const m = re.exec(prompt);
    if (m) {
      // "she does a cartweel" → "she does a cartwheel" would need grammar; the clause becomes the library phrase.
      return `${prompt.slice(0, m.index)}${phrase}${prompt.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
    }
  }
  if (nothingUnderstood || !prompt.trim()) return `A person ${phrase}`;
  return `${prompt.trim().replace(/[,.;\s]+$/, '')}, then ${phrase}`;
}
