/**
 * Whole numbers from URLs, parsed strictly: `Number()` accepts "0x10", "1e0", " 7", "+3" and "",
 * which let odd spellings through (and into cache keys and logs). Only plain decimal digits pass.
 */
const WHOLE = /^(0|[1-9][0-9]{0,14})$/;

/** The number, or NaN when `raw` is not plain decimal digits (so existing range checks reject it). */
export function wholeNumber(raw: string | undefined): number {
  return raw !== undefined && WHOLE.test(raw) ? Number(raw) : Number.NaN;
}
