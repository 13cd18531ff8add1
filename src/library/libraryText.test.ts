import { describe, expect, it } from 'vitest';
import { actionDisplayName, categoriesOf, categoryLabel } from './libraryText.ts';

describe('library text', () => {
  it('lists each category once, in catalog order, with its size', () => {
    const entries = ['Fighting', 'WalkAndRun', 'Fighting', 'Dancing', 'WalkAndRun', 'Fighting'].map((category) => ({ category }));
    expect(categoriesOf(entries)).toEqual([
      { name: 'Fighting', count: 3 },
      { name: 'WalkAndRun', count: 2 },
      { name: 'Dancing', count: 1 },
    ]);
  });

  it('turns catalog names into words', () => {
    expect(categoryLabel('WalkAndRun')).toBe('Walk and run');
    expect(categoryLabel('BodyMovements')).toBe('Body movements');
    expect(categoryLabel('Fighting')).toBe('Fighting');
    expect(actionDisplayName('Big_Wave_Hello')).toBe('Big Wave Hello');
  });
});
