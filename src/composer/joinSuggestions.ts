/**
 * Accepted sub-prompts back into one prompt. Sequenced with ", then" (what both engines split on); the
 * repeated generic subject is dropped after the first, so the result reads as one description.
 */
export function joinSuggestions(list: readonly string[]): string {
  const parts = list.map((s) => s.trim().replace(/[.\s]+$/, '')).filter(Boolean);
  return parts
    .map((p, i) => {
      if (i === 0) return p;
      const rest = p.replace(/^(?:a person|the person|someone)\s+/i, '');
      return rest === p ? p.charAt(0).toLowerCase() + p.slice(1) : rest;
    })
    .join(', then ');
}
