/**
 * The centre viewport. This file is in the first chunk and must not import three.js: the 3D part is
 * `Viewport3D`, loaded with React.lazy so Vite splits three.js, R3F and drei into their own chunk.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Suspense, lazy, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { jobsListQuery } from '../api/queries.ts';
import { flattenJobs } from '../jobs/jobCache.ts';
import { useSelectedJob, useSelectedVariant } from '../jobs/useSelectedJob.ts';
import { useEditor } from '../state/editorStore.ts';
import { playhead, transport } from '../state/playhead.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { ViewportOverlay } from './ViewportOverlay.tsx';
import { ViewportToolbar } from './ViewportToolbar.tsx';

const Viewport3D = lazy(() => import('./Viewport3D.tsx'));

function Booting() {
  return (
    <div className="absolute inset-0 grid place-items-center bg-[#14161a]">
      <div className="flex items-center gap-2 text-[12px] text-faint">
        <Spinner size={14} /> Starting the 3D viewer…
      </div>
    </div>
  );
}

function ChunkFailed({ reset }: { reset: () => void }) {
  return (
    <div role="alert" data-testid="viewport-error" className="absolute inset-0 grid place-items-center bg-[#14161a] p-6 text-center">
      <div className="max-w-sm">
        <p className="font-medium text-red-200">The 3D viewer failed to start</p>
        <p className="mt-1 text-[12px] text-muted">
          Its code could not be downloaded, or WebGL is unavailable in this browser. Reload the page; if it persists,
          enable hardware acceleration or try another browser.
        </p>
        <div className="mt-3 flex justify-center gap-2">
          <Button onClick={reset}>Try again</Button>
          <Button variant="ghost" onClick={() => window.location.reload()}>
            Reload page
          </Button>
        </div>
      </div>
    </div>
  );
}

function ClipBadge({ jobId, variant }: { jobId: string; variant: number }) {
  const { status, duration, fps, clipName } = useStore(
    transport,
    useShallow((s) => ({ status: s.status, duration: s.duration, fps: s.fps, clipName: s.clipName })),
  );
  if (status !== 'ready') return null;
  return (
    <div className="pointer-events-none absolute top-2 left-2 rounded-md border border-line bg-panel/80 px-2 py-1 font-mono text-[11px] text-muted backdrop-blur">
      <span className="text-fg">variant {variant}</span> · {duration.toFixed(2)} s · {fps} fps
      <span className="ml-1 hidden text-faint xl:inline" title={`${jobId}${clipName ? ` · clip ${clipName}` : ''}`}>
        · {clipName ?? jobId}
      </span>
    </div>
  );
}

export function ViewportPanel() {
  const { jobId, job, query } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const list = useInfiniteQuery(jobsListQuery());
  const [showGrid, showSkeleton] = useEditor(useShallow((s) => [s.showGrid, s.showSkeleton]));
  const [reloadToken, setReloadToken] = useState(0);

  const glbUrl = job?.status === 'succeeded' ? (variant?.files.find((f) => f.format === 'glb')?.url ?? null) : null;
  const preloadUrls =
    job?.status === 'succeeded'
      ? job.variants.flatMap((v) => v.files.filter((f) => f.format === 'glb' && f.url !== glbUrl).map((f) => f.url))
      : [];
  const showEmpty = !jobId && list.isSuccess && flattenJobs(list.data).length === 0;

  // Before paint, so nothing (timeline, test handle) sees the previous clip as ready for the new selection.
  // Another variant of the same job continues at the same moment, so takes can be compared frame by frame.
  const lastJobId = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (glbUrl) playhead.beginLoad({ keepTime: lastJobId.current === jobId });
    else playhead.clear();
    lastJobId.current = glbUrl ? jobId : null;
  }, [glbUrl, jobId, reloadToken]);

  return (
    <div data-testid="viewport" className="relative h-full min-h-0 w-full overflow-hidden bg-[#14161a]">
      <ErrorBoundary fallback={(_e, reset) => <ChunkFailed reset={reset} />}>
        <Suspense fallback={<Booting />}>
          <Viewport3D
            url={glbUrl}
            frameKey={jobId}
            reloadToken={reloadToken}
            showGrid={showGrid}
            showSkeleton={showSkeleton}
            preloadUrls={preloadUrls}
          />
        </Suspense>
      </ErrorBoundary>
      <ViewportToolbar />
      {jobId && variant && glbUrl && <ClipBadge jobId={jobId} variant={variant.index} />}
      <ViewportOverlay
        showEmpty={showEmpty}
        listError={list.isError ? list.error : null}
        onRetryList={() => void list.refetch()}
        jobId={jobId}
        job={job}
        jobError={query.isError ? query.error : null}
        jobLoading={query.isPending && query.fetchStatus !== 'idle'}
        hasClipUrl={glbUrl !== null}
        onReload={() => setReloadToken((n) => n + 1)}
      />
    </div>
  );
}
