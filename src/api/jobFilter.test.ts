import { describe, expect, it } from 'vitest';
import type { Job } from '../../server/contract/api.ts';
import { queryKeys } from './queryKeys.ts';
import { filterOfListKey, isFiltered, matchesFilter } from './jobFilter.ts';

const job = (patch: Partial<Job> = {}): Job => ({
  id: 'job_aaaaaaaaaa',
  provider: 'local',
  title: null,
  starred: false,
  collectionId: null,
  kind: 'text2motion',
  status: 'succeeded',
  progress: 100,
  stage: null,
  queuePosition: null,
  parentJobId: null,
  parentVariant: null,
  request: { prompt: 'A person Waves' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  error: null,
  report: null,
  variants: [],
  ...patch,
});

describe('matchesFilter (the server filter, applied to live updates)', () => {
  it('searches label and prompt case-blind', () => {
    expect(matchesFilter(job(), { q: 'waves' })).toBe(true);
    expect(matchesFilter(job({ title: 'Hero take' }), { q: 'HERO' })).toBe(true);
    expect(matchesFilter(job(), { q: 'jump' })).toBe(false);
  });

  it('narrows by star, status, collection and character (mannequin matches jobs without one)', () => {
    expect(matchesFilter(job(), { starred: 'true' })).toBe(false);
    expect(matchesFilter(job({ starred: true }), { starred: 'true' })).toBe(true);
    expect(matchesFilter(job({ status: 'running' }), { status: 'succeeded' })).toBe(false);
    expect(matchesFilter(job(), { collection: 'none' })).toBe(true);
    expect(matchesFilter(job({ collectionId: 'col_abcdefgh12' }), { collection: 'none' })).toBe(false);
    expect(matchesFilter(job(), { character: 'mannequin' })).toBe(true);
    expect(matchesFilter(job({ request: { characterId: 'chr_abcdefgh12' } }), { character: 'mannequin' })).toBe(false);
  });

  it('reads the filter back from a list query key, which drops empty values', () => {
    const key = queryKeys.jobs.list(30, { q: 'walk', status: '', kind: undefined });
    expect(filterOfListKey(key)).toEqual({ q: 'walk' });
    expect(queryKeys.jobs.list(30, {})).toEqual(queryKeys.jobs.list(30));
    expect(isFiltered({})).toBe(false);
  });
});
