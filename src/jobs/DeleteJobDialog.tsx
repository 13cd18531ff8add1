/**
 * Confirms deleting a job and its files. When edits or renders were made from it, the server answers 409
 * has_children and the dialog asks what to do with them: delete them too, or keep them as jobs of their own.
 */
import { useEffect, useState } from 'react';
import type { Job } from '../../server/contract/api.ts';
import { useQuery } from '@tanstack/react-query';
import { api, describeError, isApiRequestError } from '../api/client.ts';
import { Button } from '../ui/Button.tsx';
import { useDeleteJobPrompt } from './deleteJobStore.ts';
import { useDeleteJob } from './jobLibraryMutations.ts';
import { jobPrompt } from '../lib/jobText.ts';

export function DeleteJobDialog() {
  const job = useDeleteJobPrompt((s) => s.job);
  // Keyed by job: a fresh dialog (no leftover question or error) for each job asked about.
  return job ? <DeleteJobQuestion key={job.id} job={job} /> : null;
}

function DeleteJobQuestion({ job }: { job: Job }) {
  const close = useDeleteJobPrompt((s) => s.close);
  const del = useDeleteJob();
  const [conflict, setConflict] = useState(false);
  // Ask up front whether edits or renders were made from this job, so the question comes before any delete.
  const kids = useQuery({ queryKey: ['jobs', 'children', job.id], queryFn: ({ signal }) => api.jobs({ limit: 1, filter: { parent: job.id } }, signal), staleTime: 0 });
  const children = conflict || (kids.data?.items.length ?? 0) > 0;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
  const run = (mode?: 'delete' | 'keep') =>
    del.mutate(
      { id: job.id, ...(mode ? { children: mode } : {}) },
      {
        onSuccess: close,
        onError: (err) => {
          // Children made meanwhile (another tab): the server asks, and so does the dialog.
          if (isApiRequestError(err) && err.code === 'has_children') setConflict(true);
        },
      },
    );
  const otherError = del.error && !(isApiRequestError(del.error) && del.error.code === 'has_children') ? del.error : null;
  const name = job.title ?? jobPrompt(job);

  return (
    <div className="fixed inset-0 z-50 grid place-items-center bg-black/55 p-4" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="delete-job-title"
        data-testid="delete-job-dialog"
        className="w-[min(420px,100%)] rounded-lg border border-line bg-panel p-4 shadow-2xl shadow-black/60"
      >
        <h2 id="delete-job-title" className="text-[14px] font-semibold">
          Delete this job?
        </h2>
        <p className="mt-1.5 line-clamp-2 text-[12px] text-muted">“{name}”</p>
        {children ? (
          <>
            <p className="mt-3 text-[12px] text-fg" data-testid="delete-job-children">
              Edits or renders were made from this job. Delete them as well, or keep them as jobs of their own?
            </p>
            <div className="mt-4 flex flex-wrap justify-end gap-2">
              <Button variant="ghost" onClick={close}>
                Cancel
              </Button>
              <Button data-testid="delete-job-keep-children" disabled={del.isPending} onClick={() => run('keep')}>
                Keep the edits
              </Button>
              <Button variant="danger" data-testid="delete-job-with-children" disabled={del.isPending} onClick={() => run('delete')}>
                Delete all
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="mt-3 text-[12px] text-fg">Its variants and downloadable files are removed from this server. This cannot be undone.</p>
            <div className="mt-4 flex justify-end gap-2">
              <Button variant="ghost" onClick={close} autoFocus>
                Cancel
              </Button>
              <Button variant="danger" data-testid="delete-job-confirm" disabled={del.isPending || kids.isPending} onClick={() => run()}>
                Delete job
              </Button>
            </div>
          </>
        )}
        {otherError ? (
          <p role="alert" className="mt-2 text-[12px] text-red-300">
            {describeError(otherError)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
