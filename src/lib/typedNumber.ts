/**
 * A number field as the user typed it: "3" → 3, "" → undefined (the server's default), "abc" → "abc". A value
 * that is not a number is sent as typed, never silently "fixed", so the server's message names the field.
 */
export function typedNumber(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
