/**
 * Toolbar button that opens the render dialog for the selected variant. The variant's own provider renders
 * it when it can (SayMotion); anything else goes to the local renderer, which needs only the GLB.
 */
import { useEffect, useState } from 'react';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { RenderDialog } from './RenderDialog.tsx';
import { useRenderProvider } from './renderProvider.ts';
import { useLocalFiles } from '../dropzone/index.ts';

export function RenderVideoButton() {
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const [open, setOpen] = useState(false);
  const provider = useRenderProvider(job);
  // Submitting selects the new render job; the dialog belongs to the take it was opened on and must not come
  // back (with reset options) when that job finishes and has a variant again.
  const jobId = job?.id;
  useEffect(() => setOpen(false), [jobId]);
  const hasGlb = variant?.files.some((f) => f.format === 'glb') ?? false;
  // A dropped file is not a take: render it after "Use as source".
  const localFile = useLocalFiles((s) => s.file);
  const ready = !localFile && job?.status === 'succeeded' && variant !== undefined && (hasGlb || provider !== 'local');
  const label = ready
    ? 'Render video (MP4/WebM, frame-exact)…'
    : localFile
      ? 'Render video: use the dropped file as a source first'
      : 'Render video: select a finished take with a GLB first';
  return (
    <>
      <button
        type="button"
        title={label}
        aria-label={label}
        data-testid="render-video"
        disabled={!ready}
        onClick={() => setOpen(true)}
        onMouseDown={(e) => e.preventDefault()}
        className="grid size-7 place-items-center rounded-md text-muted transition-colors hover:bg-white/8 hover:text-fg disabled:opacity-40 disabled:hover:bg-transparent"
      >
        <svg width="15" height="15" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" aria-hidden>
          <rect x="1.5" y="3.5" width="9" height="9" rx="1.5" />
          <path d="M10.5 7 14.5 4.5v7L10.5 9" strokeLinejoin="round" />
        </svg>
      </button>
      {open && job && variant && <RenderDialog jobId={job.id} variant={variant.index} provider={provider} onClose={() => setOpen(false)} />}
    </>
  );
}
