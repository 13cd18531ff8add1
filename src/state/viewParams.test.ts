import { describe, expect, it } from 'vitest';
import { formatSelection, parseSelection } from './urlSelection.ts';
import { DEFAULT_VIEW, formatViewParams, parseViewParams } from './viewParams.ts';
import type { ViewParams } from './viewParams.ts';

describe('view params', () => {
  it.each([
    ['', DEFAULT_VIEW],
    ['?view=grid', { view: 'grid', show: 'child', against: null }],
    ['?view=split&vs=job_abc123.2', { view: 'split', show: 'child', against: { jobId: 'job_abc123', variant: 2 } }],
    ['?view=toggle&show=parent', { view: 'toggle', show: 'parent', against: null }],
    // nonsense falls back to defaults instead of breaking the page
    ['?view=cube&show=parent&vs=x', DEFAULT_VIEW],
    ['?view=grid&show=parent&vs=job_a.1', { view: 'grid', show: 'child', against: null }],
    ['?view=split&vs=job_a.0', { view: 'split', show: 'child', against: null }],
  ] as Array<[string, ViewParams]>)('%s', (search, p) => expect(parseViewParams(search)).toEqual(p));

  it('round-trips every view and keeps the job selection next to it', () => {
    const all: ViewParams[] = [
      DEFAULT_VIEW,
      { view: 'grid', show: 'child', against: null },
      { view: 'split', show: 'child', against: null },
      { view: 'toggle', show: 'parent', against: { jobId: 'job_x9', variant: 3 } },
    ];
    for (const p of all) {
      const search = formatViewParams(formatSelection('', { jobId: 'job_1', variant: 2 }), p);
      expect(parseViewParams(search)).toEqual(p);
      expect(parseSelection(search)).toEqual({ jobId: 'job_1', variant: 2 });
    }
  });

  it('writes nothing for the default view', () => {
    expect(formatViewParams('?job=job_1&view=grid&show=parent', DEFAULT_VIEW)).toBe('?job=job_1');
  });
});
