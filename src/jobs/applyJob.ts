/** Writes one Job into every cache entry that shows it: its detail and the job list. */
import type { QueryClient } from '@tanstack/react-query';
import type { Job } from '../../server/contract/api.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { isNewer, upsertJob } from './jobCache.ts';
import type { JobPages } from './jobCache.ts';

export function applyJob(qc: QueryClient, job: Job): void {
  qc.setQueryData<Job>(queryKeys.jobs.detail(job.id), (old) => (old && !isNewer(job, old) ? old : job));
  qc.setQueriesData<JobPages>({ queryKey: queryKeys.jobs.lists() }, (data) => upsertJob(data, job));
}
