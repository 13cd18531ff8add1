/** Job mutations. Results go straight into the cache; the event stream will confirm them moments later. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../server/contract/api.ts';
import { NO_COLLECTION } from '../../server/contract/jobLibrary.ts';
import { useJobFilter } from './jobFilterStore.ts';
import { applyJob } from '../api/applyJob.ts';
import { useEditor } from './editorStore.ts';
import { notify } from './notices.ts';
import { api, describeError } from '../api/client.ts';
import type { JobRequestDraft } from '../api/jobRequestDraft.ts';
import { requestForResubmit } from '../api/resubmitRequest.ts';

function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * A job made while a collection is open in the job list goes into that collection (it is where the user is
 * working, like a project). Filing it is best effort: the job exists either way.
 */
async function intoOpenCollection(job: Job): Promise<Job> {
  const open = useJobFilter.getState().filter.collection;
  if (!open || open === NO_COLLECTION) return job;
  return api.updateJob(job.id, { collectionId: open }).catch(() => job);
}

export function useCreateJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['jobs', 'create'],
    mutationFn: async (body: JobRequestDraft) => intoOpenCollection(await api.createJob(body, newIdempotencyKey())),
    onSuccess: (job) => {
      applyJob(qc, job);
      useEditor.getState().selectJob(job.id);
    },
  });
}

export function useCancelJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['jobs', 'cancel'],
    mutationFn: (jobId: string) => api.cancelJob(jobId),
    onSuccess: (job) => applyJob(qc, job),
    onError: (err) => {
      notify({ tone: 'error', title: 'Could not cancel the job', detail: describeError(err) });
      // The job probably finished meanwhile; refresh what we show.
      void qc.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
}

/** Submit a job's stored request again (after a failure or cancel). */
export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['jobs', 'retry'],
    mutationFn: async (request: Job['request']) => intoOpenCollection(await api.resubmitJob(requestForResubmit(request), newIdempotencyKey())),
    onSuccess: (job) => {
      applyJob(qc, job);
      useEditor.getState().selectJob(job.id);
    },
    onError: (err) => notify({ tone: 'error', title: 'Could not resubmit the job', detail: describeError(err) }),
  });
}
