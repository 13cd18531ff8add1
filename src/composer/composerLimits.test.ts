import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPOSER } from '../state/composerFields.ts';
import { composerProblems, decimalText, wholeNumberText } from './composerLimits.ts';

describe('composer limits', () => {
  it('keeps only digits in whole-number fields and one point in durations', () => {
    expect(wholeNumberText('-1')).toBe('1');
    expect(wholeNumberText('2.5')).toBe('25');
    expect(wholeNumberText('1e3')).toBe('13');
    expect(decimalText('6.5.2s')).toBe('6.52');
    expect(decimalText('-3')).toBe('3');
  });

  it('names the fix for variants outside 1–8', () => {
    expect(composerProblems({ ...DEFAULT_COMPOSER, variants: '0' }).variants).toMatch(/at least 1/);
    expect(composerProblems({ ...DEFAULT_COMPOSER, variants: '100' }).variants).toMatch(/At most 8 variants/);
    expect(composerProblems({ ...DEFAULT_COMPOSER, variants: '8' }).variants).toBeUndefined();
  });

  it('reports an empty prompt only on submit, and a long one always', () => {
    expect(composerProblems(DEFAULT_COMPOSER).prompt).toBeUndefined();
    expect(composerProblems(DEFAULT_COMPOSER, true).prompt).toMatch(/Describe the motion/);
    expect(composerProblems({ ...DEFAULT_COMPOSER, prompt: 'x'.repeat(1003) }).prompt).toMatch(/3 characters too long/);
  });

  it('bounds duration and seed', () => {
    expect(composerProblems({ ...DEFAULT_COMPOSER, durationSec: '61' }).durationSec).toMatch(/at most 60 seconds/);
    expect(composerProblems({ ...DEFAULT_COMPOSER, durationSec: '.' }).durationSec).toMatch(/seconds/);
    expect(composerProblems({ ...DEFAULT_COMPOSER, seed: '9999999999' }).seed).toMatch(/whole number/);
  });
});
