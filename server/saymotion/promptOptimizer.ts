/**
 * A small rule-based prompt optimiser for the local SayMotion-compatible endpoint. The local engine reads
 * actions in sequence, so the useful rewrite is to split a run-on description into one action per prompt
 * ("walk forward, then wave and sit down" → three prompts), drop request filler ("please make him…") and
 * give each action a subject, which is how the SayMotion prompt guide phrases its examples.
 */

/** Words that separate actions. Commas and semicolons too, but not "and" alone: "jumps and lands" is one action. */
const SEPARATORS = /\s*(?:[;.!?]+|,\s*(?:and\s+)?then\b|,\s*after\s+that\b|,|\band\s+then\b|\bthen\b|\bafter\s+that\b|\bafterwards\b)\s*/i;

const FILLER = [
  /^(?:please\s+)+/i,
  /^(?:can|could|would)\s+you\s+(?:please\s+)?(?:make|have|let)\s+(?:him|her|them|the\s+(?:character|person|man|woman))\s+/i,
  /^(?:i\s+want|i'd\s+like)\s+(?:him|her|them|the\s+(?:character|person|man|woman))\s+to\s+/i,
  /^(?:make|have|let)\s+(?:him|her|them|the\s+(?:character|person|man|woman))\s+/i,
];

const SUBJECT = /^(?:a|an|the|one|someone|somebody|person|people|man|woman|boy|girl|character|he|she|they|it|i)\b/i;

function tidy(part: string): string {
  let p = part
    .replace(/["\u201c\u201d]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const f of FILLER) p = p.replace(f, '');
  p = p.replace(/^(?:and|also|finally|first|next|lastly)\s+/i, '').replace(/[,\s]+$/, '');
  if (p === '') return '';
  return SUBJECT.test(p) ? p.charAt(0).toUpperCase() + p.slice(1) : `A person ${p}`;
}

/** The optimised prompt(s): several when `split` asks for actionable sub-prompts, else one. */
export function optimizePrompt(prompt: string, split: boolean): string[] {
  const parts = prompt
    .replace(/\r?\n+/g, ', ')
    .split(SEPARATORS)
    .map(tidy)
    .filter((p) => p !== '');
  if (parts.length === 0) return [];
  if (split) return parts;
  // One prompt: keep the sequence explicit, with the subject stated once.
  return [parts.map((p, i) => (i === 0 ? p : p.replace(/^A person\s+/, ''))).join(', then ')];
}
