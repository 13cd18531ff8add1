import { describe, expect, it } from 'vitest';
import { formatSelection, parseSelection } from './urlSelection.ts';

describe('parseSelection', () => {
  it.each([
    ['', { jobId: null, variant: null }],
    ['?job=job_1', { jobId: 'job_1', variant: null }],
    ['?job=job_1&variant=3', { jobId: 'job_1', variant: 3 }],
    ['?job=job_1&variant=0', { jobId: 'job_1', variant: null }],
    ['?job=job_1&variant=abc', { jobId: 'job_1', variant: null }],
    ['?variant=2', { jobId: null, variant: null }],
    ['?job=%20', { jobId: null, variant: null }],
  ])('%s', (search, sel) => expect(parseSelection(search)).toEqual(sel));
});

describe('formatSelection', () => {
  it('writes job and variant, keeping other params', () => {
    expect(formatSelection('?debug=1', { jobId: 'job_9', variant: 2 })).toBe('?debug=1&job=job_9&variant=2');
  });
  it('drops the variant without a job', () => {
    expect(formatSelection('?job=a&variant=2', { jobId: null, variant: 2 })).toBe('');
  });
  it('round-trips', () => {
    const sel = { jobId: 'job_abc', variant: 4 };
    expect(parseSelection(formatSelection('', sel))).toEqual(sel);
  });
});
