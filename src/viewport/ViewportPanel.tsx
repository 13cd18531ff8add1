/**
 * The centre viewport. This file is in the first chunk and must not import three.js: the 3D part is
 * `Viewport3D`, loaded with React.lazy so Vite splits three.js, R3F and drei into their own chunk.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Suspense, lazy, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { jobsListQuery } from '../api/queries.ts';
import { flattenJobs } from '../api/jobCache.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { useEditor } from '../state/editorStore.ts';
import { playhead, transport } from '../state/playhead.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import type { Variant, VariantFile } from '../../server/contract/api.ts';
import { DropTarget, LocalFileBar, useLocalFiles } from '../dropzone/index.ts';
import { usePlayerOptions, resetSubjectInfo } from '../player/index.ts';
import type { SubjectSource } from './SubjectModel.tsx';
import { ViewportOverlay } from './ViewportOverlay.tsx';
import { ViewportToolbar } from './ViewportToolbar.tsx';
import { afterJobListShown } from '../lib/jobListShown.ts';

// After the job list's first page (jobListShown.ts): evaluating three.js must not hold that page back.
const Viewport3D = lazy(() => afterJobListShown().then(() => import('./Viewport3D.tsx')));

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
          Its code could not be downloaded, or WebGL is unavailable in this browser. Reload the page; if it persists, enable hardware acceleration or try another browser.
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
    // Below the view toolbar when the stage is too narrow for both on one line.
    <div className="pointer-events-none absolute top-12 left-2 rounded-md border border-line bg-panel/80 px-2 py-1 font-mono text-[11px] text-muted backdrop-blur @3xl:top-2">
      <span className="text-fg">variant {variant}</span> · {duration.toFixed(2)} s · {fps} fps
      <span className="ml-1 hidden text-faint xl:inline" title={`${jobId}${clipName ? ` · clip ${clipName}` : ''}`}>
        · {clipName ?? jobId}
      </span>
    </div>
  );
}

/** Formats the player can show, best first (a GLB carries mesh, skin and clip; BVH only a skeleton). */
const PREVIEW_FORMATS = ['glb', 'fbx', 'bvh'] as const;

function previewFile(v: Variant | undefined): VariantFile | null {
  if (!v) return null;
  for (const f of PREVIEW_FORMATS) {
    const file = v.files.find((x) => x.format === f);
    if (file) return file;
  }
  return null;
}

export function ViewportPanel() {
  const { jobId, job, query } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const list = useInfiniteQuery(jobsListQuery());
  const [showGrid, showSkeleton, selectedTake] = useEditor(useShallow((s) => [s.showGrid, s.showSkeleton, s.selectedTake]));
  const opts = usePlayerOptions();
  const { file: local, character: localCharacter, take } = useLocalFiles();
  const [reloadToken, setReloadToken] = useState(0);

  const jobFile = job?.status === 'succeeded' ? previewFile(variant) : null;
  const jobSource: SubjectSource | null =
    jobFile && variant && jobId ? { key: jobFile.url, url: jobFile.url, name: `variant ${variant.index}.${jobFile.format}`, take: selectedTake ?? undefined } : null;
  const source: SubjectSource | null = local ? { key: local.url, url: local.url, name: local.name, resources: local.resources ?? undefined, take: take ?? undefined } : jobSource;
  // A dropped motion-only clip plays on the dropped character, else on the selected job's character.
  const jobCharacter = typeof job?.request.characterId === 'string' ? job.request.characterId : 'mannequin';
  const characterFile = localCharacter ?? (jobSource ? { url: jobSource.url, name: `the job's ${jobCharacter}` } : null);
  const character = local && opts.retarget && characterFile && characterFile.url !== local.url ? { url: characterFile.url, name: characterFile.name } : null;
  const preload =
    !local && job?.status === 'succeeded'
      ? job.variants.flatMap((v) => {
          const f = previewFile(v);
          return f && f.url !== jobFile?.url ? [{ url: f.url, name: `variant ${v.index}.${f.format}` }] : [];
        })
      : [];
  const showEmpty = !local && !jobId && list.isSuccess && flattenJobs(list.data).length === 0;
  const display = { showSkeleton, wireframe: opts.wireframe, inPlace: opts.inPlace, showTrail: opts.showTrail, showContacts: opts.showContacts };
  const subjectKey = source ? `${source.key}#${source.take ?? ''}#${character?.url ?? ''}` : null;

  // Before paint, so nothing (timeline, test handle) sees the previous clip as ready for the new selection.
  // Another variant of the same job continues at the same moment, so takes can be compared frame by frame.
  const lastJobId = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (subjectKey) playhead.beginLoad({ keepTime: !local && lastJobId.current === jobId });
    else playhead.clear();
    resetSubjectInfo();
    lastJobId.current = !local && subjectKey ? jobId : null;
  }, [subjectKey, jobId, local, reloadToken]);

  return (
    <div data-testid="viewport" className="@container relative h-full min-h-0 w-full overflow-hidden bg-[#14161a]">
      <DropTarget>
        <ErrorBoundary fallback={(_e, reset) => <ChunkFailed reset={reset} />}>
          <Suspense fallback={<Booting />}>
            <Viewport3D
              source={source}
              character={character}
              frameKey={local ? local.url : jobId}
              reloadToken={reloadToken}
              showGrid={showGrid}
              showShadow={opts.showShadow}
              display={display}
              preload={preload}
              scene={!local && variant ? (job?.report?.scenes?.[variant.index - 1] ?? null) : null}
            />
          </Suspense>
        </ErrorBoundary>
        <ViewportToolbar />
        {!local && jobId && variant && jobFile && <ClipBadge jobId={jobId} variant={variant.index} />}
        {!local && (
          <ViewportOverlay
            showEmpty={showEmpty}
            listError={list.isError ? list.error : null}
            onRetryList={() => void list.refetch()}
            jobId={jobId}
            job={job}
            jobError={query.isError ? query.error : null}
            jobLoading={query.isPending && query.fetchStatus !== 'idle'}
            hasClipUrl={jobFile !== null}
            variant={variant}
            onReload={() => setReloadToken((n) => n + 1)}
          />
        )}
        <LocalFileBar characterName={characterFile && characterFile.url !== local?.url ? characterFile.name : null} />
      </DropTarget>
    </div>
  );
}
