import { describe, expect, it } from 'vitest';
import { applySuggestion } from './applySuggestion.ts';

describe('applySuggestion', () => {
  it('replaces the unread clause, whatever its case and punctuation', () => {
    expect(applySuggestion('Walk forward, then Levitate!', 'levitate', 'jumps', false)).toBe('Walk forward, then jumps!');
    expect(applySuggestion('She does a cartweel', 'she does a cartweel', 'does a cartwheel', true)).toBe('She does a cartwheel');
    expect(applySuggestion('an old man levitates', 'an old man levitates', 'jumps', true)).toBe('an old man jumps');
  });
  it('appends or replaces when the clause cannot be found', () => {
    expect(applySuggestion('walk forward.', 'zzz', 'waves', false)).toBe('walk forward, then waves');
    expect(applySuggestion('hmm', 'zzz', 'waves', true)).toBe('A person waves');
  });
});
