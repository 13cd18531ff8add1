import { describe, expect, it, vi } from 'vitest';
import type { Job } from '../../server/contract/api.ts';
import { parseDeletedEvent } from './client.ts';
import { findJob, flattenJobs, upsertJob } from './jobCache.ts';
import type { JobPages } from './jobCache.ts';

function job(id: string, minute: number, patch: Partial<Job> = {}): Job {
  const at = new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();
  return {
    id,
    provider: 'local',
    title: null,
    starred: false,
    collectionId: null,
    kind: 'text2motion',
    status: 'queued',
    progress: 0,
    stage: null,
    queuePosition: null,
    parentJobId: null,
    parentVariant: null,
    request: { prompt: id },
    createdAt: at,
    updatedAt: at,
    error: null,
    report: null,
    variants: [],
    ...patch,
  };
}

function pages(...lists: Array<{ items: Job[]; nextCursor: string | null }>): JobPages {
  return { pages: lists, pageParams: lists.map((_, i) => (i === 0 ? null : `c${i}`)) };
}

describe('upsertJob', () => {
  it('leaves an unloaded list alone', () => {
    expect(upsertJob(undefined, job('a', 1))).toBeUndefined();
  });

  it('puts a new job at the top', () => {
    const data = pages({ items: [job('b', 2), job('a', 1)], nextCursor: null });
    const next = upsertJob(data, job('c', 3));
    expect(flattenJobs(next).map((j) => j.id)).toEqual(['c', 'b', 'a']);
  });

  it('replaces a listed job in place with a newer version', () => {
    const data = pages({ items: [job('b', 2), job('a', 1)], nextCursor: null });
    const running = job('a', 1, { status: 'running', progress: 40, updatedAt: '2025-01-01T12:05:00.000Z' });
    const next = upsertJob(data, running);
    expect(flattenJobs(next).map((j) => [j.id, j.status])).toEqual([
      ['b', 'queued'],
      ['a', 'running'],
    ]);
  });

  it('ignores a stale update', () => {
    const fresh = job('a', 1, { status: 'running', progress: 60, updatedAt: '2025-01-01T12:06:00.000Z' });
    const data = pages({ items: [fresh], nextCursor: null });
    const stale = job('a', 1, { status: 'running', progress: 20, updatedAt: '2025-01-01T12:03:00.000Z' });
    expect(upsertJob(data, stale)).toBe(data);
  });

  it('finds jobs on later pages', () => {
    const data = pages({ items: [job('c', 3)], nextCursor: 'x' }, { items: [job('b', 2)], nextCursor: null });
    const done = job('b', 2, { status: 'succeeded', updatedAt: '2025-01-01T12:09:00.000Z' });
    const next = upsertJob(data, done);
    expect(findJob(next, 'b')?.status).toBe('succeeded');
    expect(next?.pages[0]).toBe(data.pages[0]);
  });

  it('does not append a job older than a partially loaded list', () => {
    const data = pages({ items: [job('c', 3)], nextCursor: 'more' });
    expect(upsertJob(data, job('old', 0))).toBe(data);
  });

  it('appends an older job when the whole history is loaded', () => {
    const data = pages({ items: [job('c', 3)], nextCursor: null });
    expect(flattenJobs(upsertJob(data, job('old', 0))).map((j) => j.id)).toEqual(['c', 'old']);
  });
});

describe('flattenJobs', () => {
  it('drops duplicates across pages', () => {
    const data = pages({ items: [job('b', 2), job('a', 1)], nextCursor: 'x' }, { items: [job('a', 1)], nextCursor: null });
    expect(flattenJobs(data).map((j) => j.id)).toEqual(['b', 'a']);
  });
});

describe('deleted events', () => {
  it('reads a deleted event by its contract and ignores anything else', () => {
    expect(parseDeletedEvent('{"id":"job_abcdefgh1"}')).toBe('job_abcdefgh1');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(parseDeletedEvent('{"job":"x"}')).toBeNull();
    expect(parseDeletedEvent('not json')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});
