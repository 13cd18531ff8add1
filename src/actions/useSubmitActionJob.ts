/**
 * Creates a rig, animate or textToMotion job from the panel. The new job is selected (as Generate does), so the
 * inspector and the viewport follow it; `onCreated` lets the panel remember it (the rig to animate next, the
 * clip to apply). Each section has its own instance, so an error shows next to the button that caused it.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { Job } from '../../server/contract/api.ts';
import type { JobRequestDraft } from '../api/jobRequestDraft.ts';
import { useCreateJob } from '../state/jobMutations.ts';
import { queryKeys } from '../api/queryKeys.ts';

export function useSubmitActionJob() {
  const qc = useQueryClient();
  const create = useCreateJob();
  const submit = (body: JobRequestDraft, onCreated?: (job: Job) => void) => {
    if (create.isPending) return;
    create.mutate(body, {
      onSuccess: (job) => {
        onCreated?.(job);
        // A paid provider charged (or reserved) credits: show the new balance.
        if (job.provider !== 'local') void qc.invalidateQueries({ queryKey: queryKeys.providers() });
      },
    });
  };
  return { submit, isPending: create.isPending, error: create.error, reset: create.reset };
}
