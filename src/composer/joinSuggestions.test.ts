import { describe, expect, it } from 'vitest';
import { joinSuggestions } from './joinSuggestions.ts';

describe('joinSuggestions', () => {
  it('sequences with "then", keeping the subject once', () => {
    expect(joinSuggestions(['A person walks forward slowly', 'A person turns left', 'A person waves.'])).toBe('A person walks forward slowly, then turns left, then waves');
  });
  it('keeps named subjects, lower-cased mid-sentence', () => {
    expect(joinSuggestions(['A woman jogs', 'She waves'])).toBe('A woman jogs, then she waves');
  });
  it('handles one or none', () => {
    expect(joinSuggestions(['A person bows'])).toBe('A person bows');
    expect(joinSuggestions(['  ', ''])).toBe('');
  });
});
