import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../server/contract/api.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { flattenJobs } from '../api/jobCache.ts';
import type { JobPages } from '../api/jobCache.ts';
import { useEditor } from './editorStore.ts';
import { forgetJobs } from './forgetJobs.ts';

function job(id: string, minute: number): Job {
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
  };
}

function pages(...lists: Array<{ items: Job[]; nextCursor: string | null }>): JobPages {
  return { pages: lists, pageParams: lists.map((_, i) => (i === 0 ? null : `c${i}`)) };
}

describe('forgetJobs (a deletion from this tab or from the event stream)', () => {
  it('drops the job from every list and its detail, and clears the selection only when it was the deleted job', () => {
    const qc = new QueryClient();
    const listKey = queryKeys.jobs.list(50);
    qc.setQueryData(listKey, pages({ items: [job('b', 2), job('a', 1)], nextCursor: null }));
    qc.setQueryData(queryKeys.jobs.detail('a'), job('a', 1));
    useEditor.getState().selectJob('b');

    forgetJobs(qc, ['a']);
    expect(flattenJobs(qc.getQueryData<JobPages>(listKey)).map((j) => j.id)).toEqual(['b']);
    expect(qc.getQueryData(queryKeys.jobs.detail('a'))).toBeUndefined();
    expect(useEditor.getState().selectedJobId).toBe('b');

    forgetJobs(qc, ['b']);
    expect(flattenJobs(qc.getQueryData<JobPages>(listKey))).toEqual([]);
    expect(useEditor.getState().selectedJobId).toBeNull();
  });
});
