/**
 * The job history, newest first. Fed by GET /api/jobs (searched, filtered and paged on the server), then kept
 * live by the /api/events stream. Only the cards in view are rendered (virtualised), so thousands of jobs stay
 * fast; the next page loads as the end of the list scrolls into view.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { describeError } from '../api/client.ts';
import { jobsListQuery } from '../api/queries.ts';
import { useEditor } from '../state/editorStore.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { DeleteJobDialog } from './DeleteJobDialog.tsx';
import { flattenJobs } from '../api/jobCache.ts';
import { JobCard } from './JobCard.tsx';
import { JobFilters } from './JobFilters.tsx';
import { markJobListShown } from '../lib/jobListShown.ts';
import { isFiltered } from '../api/jobFilter.ts';
import { useJobFilter } from '../state/jobFilterStore.ts';

/** A typical card (status row, two prompt lines, summary); real heights are measured once rendered. */
const ESTIMATED_CARD_PX = 92;
const CARD_GAP_PX = 8;

export function JobList() {
  const filter = useJobFilter((s) => s.filter);
  const list = useInfiniteQuery(jobsListQuery(filter));
  const selectedJobId = useEditor((s) => s.selectedJobId);
  const jobs = useMemo(() => flattenJobs(list.data), [list.data]);
  const running = jobs.filter((j) => j.status === 'running' || j.status === 'queued').length;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (i) => jobs[i]?.id ?? i,
    gap: CARD_GAP_PX,
    overscan: 6,
    // A first guess at the list's size, so the first page renders in the same commit as its data instead of
    // one frame later, after the scroll box has been measured.
    initialRect: { width: 300, height: 600 },
  });
  const items = virtualizer.getVirtualItems();

  // Near the end of what is loaded: fetch the next page.
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= jobs.length - 5) void fetchNextPage();
  }, [lastIndex, jobs.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // A newly selected job (a new generation, an edit, a pick from the lineage) is scrolled into view.
  const selectedIndex = selectedJobId ? jobs.findIndex((j) => j.id === selectedJobId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when the selection changes, not on every list update (that would fight the user's scrolling).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately narrower than the values it reads
  }, [selectedJobId, selectedIndex >= 0]);

  const filtered = isFiltered(filter);
  // After the commit that shows the first answer: the 3D chunk may load now (jobListShown.ts).
  useEffect(() => {
    if (list.status !== 'pending') markJobListShown();
  }, [list.status]);

  return (
    <section aria-labelledby="jobs-title" className="flex min-h-0 flex-1 flex-col">
      <header className="flex h-9 shrink-0 items-center justify-between px-3">
        <h2 id="jobs-title" className="panel-title">
          Jobs
        </h2>
        <span className="text-[11px] text-faint" data-testid="job-count">
          {running > 0 ? `${running} active · ` : ''}
          {list.data ? `${jobs.length}${list.hasNextPage ? '+' : ''}${filtered ? ' found' : ''}` : ''}
        </span>
      </header>
      <JobFilters />

      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto px-3 pb-3" data-testid="job-list">
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
            {filtered ? 'No jobs match this search or filter.' : 'No jobs yet. Each generation appears here with its live progress.'}
          </p>
        ) : (
          <div role="list" aria-label="Jobs" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((v) => {
              const job = jobs[v.index]!;
              return (
                <div
                  key={v.key}
                  data-index={v.index}
                  ref={virtualizer.measureElement}
                  // Each row's transform is a stacking context, so an open card menu would sit under the next row.
                  className="absolute top-0 left-0 w-full has-[[aria-expanded=true]]:z-10"
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  <JobCard job={job} selected={job.id === selectedJobId} />
                </div>
              );
            })}
          </div>
        )}

        {list.hasNextPage && (
          <Button className="mt-2 w-full" variant="ghost" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? <Spinner size={12} /> : null}
            Load older jobs
          </Button>
        )}
      </div>
      <DeleteJobDialog />
    </section>
  );
}
