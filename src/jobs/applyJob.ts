/** Writes one Job into every cache entry that shows it (its detail and the job lists), or forgets deleted ones. */
import type { QueryClient } from '@tanstack/react-query';
import type { Job } from '../../server/contract/api.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { useEditor } from '../state/editorStore.ts';
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

/**
 * Forgets deleted jobs everywhere: every list, their details, and the selection if it was one of them (the
 * deletion may come from this tab or, through the event stream, from another).
 */
export function forgetJobs(qc: QueryClient, ids: readonly string[]): void {
  const gone = new Set(ids);
  const { selectedJobId, selectJob } = useEditor.getState();
  if (selectedJobId && gone.has(selectedJobId)) selectJob(null);
  qc.setQueriesData<JobPages>({ queryKey: queryKeys.jobs.lists() }, (data) => removeJobs(data, gone));
  for (const id of ids) qc.removeQueries({ queryKey: queryKeys.jobs.detail(id) });
}
