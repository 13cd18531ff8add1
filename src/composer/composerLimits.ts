/**
 * The composer's input limits, checked as the user types: the same bounds the server enforces
 * (server/contract/api.ts), said in plain words that name the fix. The server still validates every request.
 */
import { MAX_DURATION_SEC, MAX_PROMPT_CHARS } from '../../server/contract/api.ts';
import type { ComposerFieldName, ComposerFields } from '../state/composerFields.ts';

export const MAX_VARIANTS = 8;
const MAX_SEED = 2 ** 31 - 1;

export type ComposerProblems = Partial<Record<ComposerFieldName, string>>;

/** Whole-number fields accept digits only: "-", "." and "e" never reach the form state. */
export function wholeNumberText(text: string): string {
  return text.replace(/[^0-9]/g, '').slice(0, 10);
}

/** Durations: digits and one decimal point. */
export function decimalText(text: string): string {
  const clean = text.replace(/[^0-9.]/g, '');
  const dot = clean.indexOf('.');
  return (dot === -1 ? clean : clean.slice(0, dot + 1) + clean.slice(dot + 1).replace(/\./g, '')).slice(0, 8);
}

/**
 * Problems with the form as it stands. An empty prompt is reported only when `submitting`: a fresh form is not
 * an error, but pressing Generate on it is.
 */
export function composerProblems(f: ComposerFields, submitting = false): ComposerProblems {
  const out: ComposerProblems = {};
  const prompt = f.prompt.trim();
  if (prompt.length > MAX_PROMPT_CHARS) out.prompt = `The prompt is ${prompt.length - MAX_PROMPT_CHARS} characters too long: shorten it to ${MAX_PROMPT_CHARS}.`;
  else if (submitting && prompt === '') out.prompt = 'Describe the motion first, e.g. “a person walks forward slowly, then waves”.';

  const v = f.variants.trim();
  if (v !== '') {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) out.variants = 'Ask for at least 1 variant.';
    else if (n > MAX_VARIANTS) out.variants = `At most ${MAX_VARIANTS} variants per job: lower the number.`;
  }

  const d = f.durationSec.trim();
  if (d !== '') {
    const n = Number(d);
    if (!Number.isFinite(n)) out.durationSec = 'Type the length in seconds, e.g. 4 or 6.5 (0 lets the engine decide).';
    else if (n > MAX_DURATION_SEC) out.durationSec = `Clips can be at most ${MAX_DURATION_SEC} seconds: shorten the duration.`;
  }

  const s = f.seed.trim();
  if (s !== '' && (!Number.isInteger(Number(s)) || Number(s) > MAX_SEED)) {
    out.seed = `Use a whole number up to ${MAX_SEED}, or leave it empty for a random seed.`;
  }
  return out;
}
