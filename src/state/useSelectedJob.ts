/** The selected job and variant, resolved against the cache. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job, Variant } from '../../server/contract/api.ts';
import { jobQuery, jobsListQuery } from '../api/queries.ts';
import { useEditor } from './editorStore.ts';
import { findJob } from '../api/jobCache.ts';

export function useSelectedJob() {
  const qc = useQueryClient();
  const jobId = useEditor((s) => s.selectedJobId);
  const query = useQuery({
    ...jobQuery(jobId ?? ''),
    enabled: jobId !== null,
    // Already in the list? Show it at once instead of a spinner.
    initialData: () => (jobId ? findJob(qc.getQueryData(jobsListQuery().queryKey), jobId) : undefined),
  });
  return { jobId, job: jobId ? query.data : undefined, query };
}

/** The variant to show: the selected one if the job has it, else the first. */
function resolveVariant(job: Job | undefined, selected: number | null): Variant | undefined {
  if (!job || job.variants.length === 0) return undefined;
  return job.variants.find((v) => v.index === selected) ?? job.variants[0];
}

export function useSelectedVariant(job: Job | undefined): Variant | undefined {
  const selected = useEditor((s) => s.selectedVariant);
  return resolveVariant(job, selected);
}
