import { describe, expect, it } from 'vitest';
import { optimizePrompt } from './promptOptimizer.ts';

describe('rule-based prompt optimiser', () => {
  it('splits a run-on description into one actionable prompt per action', () => {
    expect(optimizePrompt('walk forward slowly, then wave and then sit down', true)).toEqual(['A person walk forward slowly', 'A person wave', 'A person sit down']);
  });

  it('drops request filler and keeps a stated subject', () => {
    expect(optimizePrompt('Please make him jump twice; the woman should bow', true)).toEqual(['A person jump twice', 'The woman should bow']);
  });

  it('keeps "and" inside one action and splits on line breaks and "after that"', () => {
    expect(optimizePrompt('a man jumps and lands\nafter that he runs away', true)).toEqual(['A man jumps and lands', 'He runs away']);
  });

  it('without splitting returns one prompt with the sequence made explicit', () => {
    expect(optimizePrompt('walk, turn around then "run"', false)).toEqual(['A person walk, then turn around, then run']);
  });

  it('returns nothing for a prompt of separators only', () => {
    expect(optimizePrompt(' , then ; ', true)).toEqual([]);
  });
});
