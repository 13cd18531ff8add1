/** The job history, newest first. Fed by GET /api/jobs, then kept live by the /api/events stream. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { describeError } from '../api/client.ts';
import { jobsListQuery } from '../api/queries.ts';
import { useEditor } from '../state/editorStore.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { flattenJobs } from './jobCache.ts';
import { JobCard } from './JobCard.tsx';

export function JobList() {
  const list = useInfiniteQuery(jobsListQuery());
  const selectedJobId = useEditor((s) => s.selectedJobId);
  const jobs = useMemo(() => flattenJobs(list.data), [list.data]);
  const running = jobs.filter((j) => j.status === 'running' || j.status === 'queued').length;

  return (
    <section aria-labelledby="jobs-title" className="flex min-h-0 flex-1 flex-col">
      <header className="flex h-9 shrink-0 items-center justify-between px-3">
        <h2 id="jobs-title" className="panel-title">
          Jobs
        </h2>
        <span className="text-[11px] text-faint">
          {running > 0 ? `${running} active · ` : ''}
          {list.data ? `${jobs.length}${list.hasNextPage ? '+' : ''}` : ''}
        </span>
      </header>

      <div className="min-h-0 flex-1 overflow-y-auto px-3 pb-3" data-testid="job-list">
        {list.isPending ? (
          <ul className="space-y-2" aria-label="Loading jobs">
            {[0, 1, 2].map((i) => (
              <li key={i} className="skeleton h-[74px] rounded-md" />
            ))}
          </ul>
        ) : list.isError ? (
          <div role="alert" data-testid="jobs-error" className="rounded-md border border-red-500/30 bg-red-500/10 p-3 text-[12px]">
            <p className="font-medium text-red-200">Couldn’t load your jobs</p>
            <p className="mt-1 text-red-200/75">{describeError(list.error)}</p>
            <Button size="xs" className="mt-2" onClick={() => void list.refetch()}>
              Retry
            </Button>
          </div>
        ) : jobs.length === 0 ? (
          <p data-testid="jobs-empty" className="rounded-md border border-dashed border-line px-3 py-4 text-center text-[12px] text-faint">
            No jobs yet. Each generation appears here with its live progress.
          </p>
        ) : (
          <ul className="space-y-2">
            {jobs.map((job) => (
              <JobCard key={job.id} job={job} selected={job.id === selectedJobId} />
            ))}
          </ul>
        )}

        {list.hasNextPage && (
          <Button
            className="mt-2 w-full"
            variant="ghost"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? <Spinner size={12} /> : null}
            Load older jobs
          </Button>
        )}
      </div>
    </section>
  );
}
