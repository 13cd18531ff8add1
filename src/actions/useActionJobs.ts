/**
 * Rig and textToMotion jobs of one provider, newest first, from the cached job list (kept live by the event
 * stream): the rigs an animation can drive and the clips it can use. `pick` resolves the panel's choice: the
 * chosen job while it is listed, else the newest that succeeded.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Job, JobKind, ProviderId } from '../../server/contract/api.ts';
import { jobsListQuery } from '../api/queries.ts';
import { flattenJobs } from '../api/jobCache.ts';

export function useActionJobs(provider: ProviderId, kind: JobKind): Job[] {
  const list = useInfiniteQuery(jobsListQuery());
  return useMemo(() => flattenJobs(list.data).filter((j) => j.kind === kind && j.provider === provider), [list.data, kind, provider]);
}

/** Canceled and failed jobs cannot be used; queued and running ones can be waited for. */
export function usableJobs(jobs: readonly Job[]): Job[] {
  return jobs.filter((j) => j.status !== 'failed' && j.status !== 'canceled');
}

export function pickJob(jobs: readonly Job[], chosenId: string | null): Job | undefined {
  const usable = usableJobs(jobs);
  return usable.find((j) => j.id === chosenId) ?? usable.find((j) => j.status === 'succeeded');
}
