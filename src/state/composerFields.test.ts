import { describe, expect, it } from 'vitest';
import { fieldForErrorPath, fieldsFromRequest } from './composerFields.ts';

describe('fieldsFromRequest', () => {
  it('skips values of the wrong type', () => {
    expect(fieldsFromRequest({ prompt: 3, footLocking: 'sometimes', variants: '2' })).toEqual({});
  });
});

describe('fieldForErrorPath', () => {
  it.each([
    ['prompt', 'prompt'],
    ['variants', 'variants'],
    ['body.durationSec', 'durationSec'],
    ['/seed', 'seed'],
    ['poseFiltering', 'poseFiltering'],
    ['intervals[0].end', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (path, field) => expect(fieldForErrorPath(path)).toBe(field));
});
