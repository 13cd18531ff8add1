/** Label, star, collection and delete mutations for the job list; results go straight into the cache. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateJobRequest } from '../../server/contract/jobLibrary.ts';
import { api, describeError } from '../api/client.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { notify } from '../state/notices.ts';
import { applyJob } from '../api/applyJob.ts';
import { forgetJobs } from '../state/forgetJobs.ts';

export function useUpdateJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateJobRequest }) => api.updateJob(id, patch),
    onSuccess: (job, { patch }) => {
      applyJob(qc, job);
      if (patch.collectionId !== undefined) void qc.invalidateQueries({ queryKey: queryKeys.collections() });
    },
    onError: (err) => notify({ tone: 'error', title: 'Could not change the job', detail: describeError(err) }),
  });
}

/** Errors are left to the caller: a 409 has_children is a question for the user, not a failure. */
export function useDeleteJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, children }: { id: string; children?: 'delete' | 'keep' }) => api.deleteJob(id, children),
    onSuccess: ({ deleted }) => {
      forgetJobs(qc, deleted);
      // Kept children lost their parent link: refetch so lineage shows them as roots.
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.all() });
      void qc.invalidateQueries({ queryKey: queryKeys.collections() });
    },
  });
}

export function useCollectionMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: queryKeys.collections() });
  const onError = (title: string) => (err: unknown) => notify({ tone: 'error', title, detail: describeError(err) });
  return {
    create: useMutation({ mutationFn: (name: string) => api.createCollection(name), onSuccess: refresh }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) => api.renameCollection(id, name),
      onSuccess: refresh,
      onError: onError('Could not rename the collection'),
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.deleteCollection(id),
      onSuccess: () => {
        void refresh();
        void qc.invalidateQueries({ queryKey: queryKeys.jobs.lists() });
      },
      onError: onError('Could not delete the collection'),
    }),
  };
}
