/**
 * The two takes of an A/B comparison: B is the selected take, A is the take it was made from (its parent job
 * and variant), or another take picked in the lineage view. Resolved against the cache; an A that is not
 * loaded yet is fetched by id.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job, Variant } from '../../server/contract/api.ts';
import { jobQuery, jobsListQuery } from '../api/queries.ts';
import { findJob } from '../api/jobCache.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { useStageView } from '../state/stageView.ts';

export interface Take {
  job: Job;
  variant: Variant;
  url: string;
}

export type CompareTakes = { ok: true; a: Take; b: Take; aIsParent: boolean } | { ok: false; reason: string; pending: boolean };

export function glbUrl(v: Variant | undefined): string | null {
  return v?.files.find((f) => f.format === 'glb')?.url ?? null;
}

export function useCompareTakes(): CompareTakes {
  const qc = useQueryClient();
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const against = useStageView((s) => s.against);
  const ref =
    against && !(job && against.jobId === job.id && against.variant === variant?.index)
      ? against
      : job?.parentJobId && job.parentVariant
        ? { jobId: job.parentJobId, variant: job.parentVariant }
        : null;
  const aQuery = useQuery({
    ...jobQuery(ref?.jobId ?? ''),
    enabled: ref !== null,
    initialData: () => (ref ? findJob(qc.getQueryData(jobsListQuery().queryKey), ref.jobId) : undefined),
  });

  if (!job) return { ok: false, reason: 'Select a job to compare.', pending: false };
  if (job.status !== 'succeeded' || !variant) {
    return { ok: false, reason: 'A/B compare needs a finished take: wait for this job to succeed.', pending: job.status === 'queued' || job.status === 'running' };
  }
  if (!ref) {
    return {
      ok: false,
      reason: 'This take is an original prompt, so it has no parent to compare with. Select an edit in the lineage, or compare variants in the grid.',
      pending: false,
    };
  }
  const aJob = aQuery.data;
  if (!aJob) {
    return aQuery.isError
      ? { ok: false, reason: `The take to compare with (${ref.jobId}) could not be loaded.`, pending: false }
      : { ok: false, reason: 'Loading the parent take…', pending: true };
  }
  const aVariant = aJob.variants.find((v) => v.index === ref.variant);
  const aUrl = glbUrl(aVariant);
  const bUrl = glbUrl(variant);
  if (!aVariant || !aUrl || !bUrl) return { ok: false, reason: 'One of the two takes has no GLB to show.', pending: false };
  return {
    ok: true,
    a: { job: aJob, variant: aVariant, url: aUrl },
    b: { job, variant, url: bUrl },
    aIsParent: aJob.id === job.parentJobId && ref.variant === job.parentVariant,
  };
}
