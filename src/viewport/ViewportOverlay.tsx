/**
 * Everything drawn over the canvas in DOM: loading spinner, job progress, errors, and the empty state.
 * No blank screens: each state says what is happening, or what went wrong and what to do.
 */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Job, Variant } from '../../server/contract/api.ts';
import { describeError } from '../api/client.ts';
import { useRetryJob } from '../state/jobMutations.ts';
import { JobProgress } from '../ui/JobProgress.tsx';
import { failureAdvice } from '../lib/jobText.ts';
import { transport } from '../state/playhead.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { EmptyState } from './EmptyState.tsx';
import { hasRenderVideo, RenderVideoPreview } from '../render/index.ts';

function Card({ tone = 'neutral', children, testId }: { tone?: 'neutral' | 'error'; children: ReactNode; testId?: string }) {
  return (
    <div
      data-testid={testId}
      role={tone === 'error' ? 'alert' : 'status'}
      className={`pointer-events-auto w-[min(420px,90%)] rounded-lg border p-4 [overflow-wrap:anywhere] shadow-2xl shadow-black/50 backdrop-blur ${
        tone === 'error' ? 'border-red-500/35 bg-[#1d1214]/92' : 'border-line bg-panel/90'
      }`}
    >
      {children}
    </div>
  );
}

export interface OverlayProps {
  showEmpty: boolean;
  /** The job list could not be loaded (server down): shown when nothing else explains the empty stage. */
  listError: unknown;
  onRetryList: () => void;
  jobId: string | null;
  job: Job | undefined;
  jobError: unknown;
  jobLoading: boolean;
  hasClipUrl: boolean;
  /** The selected variant, so a rendered video (no GLB) plays here instead of the 3D preview. */
  variant?: Variant | undefined;
  onReload: () => void;
}

export function ViewportOverlay(p: OverlayProps) {
  const status = useStore(transport, (s) => s.status);
  const clipError = useStore(transport, (s) => s.error);
  const retry = useRetryJob();

  let content: ReactNode = null;
  if (p.showEmpty) {
    content = <EmptyState />;
  } else if (!p.jobId && p.listError) {
    content = (
      <Card tone="error" testId="viewport-error">
        <p className="font-medium text-red-200">Nothing to show yet: the job list didn’t load</p>
        <p className="mt-1 text-[12px] text-red-200/75">{describeError(p.listError)}</p>
        <Button size="sm" className="mt-3" onClick={p.onRetryList}>
          Retry
        </Button>
      </Card>
    );
  } else if (p.jobId && p.jobError) {
    const notFound = typeof p.jobError === 'object' && p.jobError !== null && (p.jobError as { status?: number }).status === 404;
    content = (
      <Card tone="error" testId="viewport-error">
        <p className="font-medium text-red-200">{notFound ? 'Job not found' : 'Couldn’t load the job'}</p>
        <p className="mt-1 text-[12px] text-red-200/75">
          {notFound
            ? `There is no job “${p.jobId}” on this server (the link may be from another machine, or the data was reset). Pick a job from the list.`
            : describeError(p.jobError)}
        </p>
      </Card>
    );
  } else if (p.jobId && p.jobLoading) {
    content = (
      <div className="flex items-center gap-2 text-muted">
        <Spinner /> Loading job…
      </div>
    );
  } else if (p.job && (p.job.status === 'queued' || p.job.status === 'running')) {
    content = (
      <Card testId="viewport-progress">
        <p className="mb-2 flex items-center gap-2 text-[13px] font-medium">
          <Spinner size={14} className="text-sky-300" />
          {p.job.status === 'queued' ? 'Waiting in the queue' : p.job.kind === 'render' ? 'Rendering video' : 'Generating motion'}
        </p>
        <JobProgress job={p.job} />
      </Card>
    );
  } else if (p.job?.status === 'failed') {
    content = (
      <Card tone="error" testId="viewport-error">
        <p className="font-medium text-red-200">This job failed</p>
        <p className="mt-1 text-[12px] text-red-200/85">{p.job.error?.message ?? 'No reason was given.'}</p>
        <p className="mt-1 text-[12px] text-red-200/60">{failureAdvice(p.job.error?.code ?? '')}</p>
        <Button size="sm" className="mt-3" disabled={retry.isPending} onClick={() => p.job && retry.mutate(p.job.request)}>
          Retry
        </Button>
      </Card>
    );
  } else if (p.job?.status === 'canceled') {
    content = (
      <Card testId="viewport-canceled">
        <p className="font-medium">Canceled</p>
        <p className="mt-1 text-[12px] text-muted">This job was stopped before it produced motion.</p>
        <Button size="sm" className="mt-3" disabled={retry.isPending} onClick={() => p.job && retry.mutate(p.job.request)}>
          Run it again
        </Button>
      </Card>
    );
  } else if (p.job?.status === 'succeeded' && !p.hasClipUrl && p.variant && hasRenderVideo(p.variant)) {
    return <RenderVideoPreview variant={p.variant} />;
  } else if (p.job?.status === 'succeeded' && !p.hasClipUrl) {
    content = (
      <Card tone="error" testId="viewport-error">
        <p className="font-medium text-red-200">No previewable file</p>
        <p className="mt-1 text-[12px] text-red-200/75">
          This variant has no GLB, FBX or BVH file to preview. Use the downloads on the right, or regenerate with the local engine.
        </p>
      </Card>
    );
  } else if (p.hasClipUrl && status === 'error') {
    content = (
      <Card tone="error" testId="viewport-error">
        <p className="font-medium text-red-200">Preview failed</p>
        <p className="mt-1 text-[12px] text-red-200/75">{clipError}</p>
        <Button size="sm" className="mt-3" onClick={p.onReload}>
          Retry
        </Button>
      </Card>
    );
  } else if (p.hasClipUrl && status === 'loading') {
    content = (
      <div data-testid="viewport-loading" role="status" className="flex items-center gap-2 rounded-md bg-panel/80 px-3 py-2 text-muted backdrop-blur">
        <Spinner className="text-accent" /> Loading animation…
      </div>
    );
  }

  if (!content) return null;
  return <div className="pointer-events-none absolute inset-0 grid place-items-center p-4">{content}</div>;
}
