/**
 * A number field as the user typed it: "3" → 3, "" → undefined (the server's default), "abc" → "abc". A value
 * that is not a number is sent as typed, never silently "fixed", so the server's message names the field.
 */
function typedNumber(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** Several number fields as typed, by name; the empty ones are left out (the server's defaults apply). */
export function typedNumbers<K extends string>(texts: Record<K, string>): Partial<Record<K, number | string>> {
  const out: Partial<Record<K, number | string>> = {};
  for (const [k, text] of Object.entries<string>(texts)) {
    const v = typedNumber(text);
    if (v !== undefined) out[k as K] = v;
  }
  return out;
}
