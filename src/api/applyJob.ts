/** Writes one Job into every cache entry that shows it (its detail and the job lists), or drops deleted ones. */
import type { QueryClient } from '@tanstack/react-query';
import type { Job } from '../../server/contract/api.ts';
import { queryKeys } from './queryKeys.ts';
import { isNewer, removeJobs, upsertJob } from './jobCache.ts';
import { filterOfListKey, matchesFilter } from './jobFilter.ts';
import type { JobPages } from './jobCache.ts';

export function applyJob(qc: QueryClient, job: Job): void {
  qc.setQueryData<Job>(queryKeys.jobs.detail(job.id), (old) => (old && !isNewer(job, old) ? old : job));
  // Each list keeps only the jobs its filter matches: a job that stops matching (unstarred, finished) leaves it.
  for (const [key, data] of qc.getQueriesData<JobPages>({ queryKey: queryKeys.jobs.lists() })) {
    const next = matchesFilter(job, filterOfListKey(key)) ? upsertJob(data, job) : removeJobs(data, new Set([job.id]));
    if (next !== data) qc.setQueryData(key, next);
  }
}

/** Drops deleted jobs from every list and forgets their details (the editor's selection is state's: forgetJobs). */
export function removeJobsFromCache(qc: QueryClient, ids: readonly string[]): void {
  const gone = new Set(ids);
  qc.setQueriesData<JobPages>({ queryKey: queryKeys.jobs.lists() }, (data) => removeJobs(data, gone));
  for (const id of ids) qc.removeQueries({ queryKey: queryKeys.jobs.detail(id) });
}
