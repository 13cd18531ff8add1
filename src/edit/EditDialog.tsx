/**
 * The open edit's dialog, floating over the bottom-left of the stage so the take (and the lane below) stay
 * visible while setting it up. Not modal: scrubbing, dragging ranges and the seam preview work while it is open.
 * A blocked action opens with its reason instead of a form, so no button is ever a dead end.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { providersQuery } from '../api/queries.ts';
import { useCreateJob } from '../state/jobMutations.ts';
import { useSelectedJob, useSelectedVariant } from '../state/useSelectedJob.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { XIcon } from '../ui/icons.tsx';
import { estimateCost } from './costEstimate.ts';
import { buildEditRequest, rerunFormFrom } from './editForms.ts';
import { ACTION_HINTS, ACTION_LABELS, gateEditActions } from './editGates.ts';
import type { EditAction } from './editGates.ts';
import { useEdit } from './editStore.ts';
import { fieldErrorOf } from './fieldError.ts';
import type { FieldError } from './fieldError.ts';
import { InpaintFields } from './InpaintFields.tsx';
import { LoopFields } from './LoopFields.tsx';
import { MergeFields } from './MergeFields.tsx';
import { RefineFields } from './RefineFields.tsx';
import { RerunFields } from './RerunFields.tsx';
import { RenderDialog, useRenderProvider } from '../render/index.ts';

/** Form controls per action, so a server error naming one of them is shown there (others go by the button). */
const FIELDS: Record<EditAction, readonly string[]> = {
  inpaint: ['prompt', 'intervals'],
  merge: ['prompt', 'trimLeftFrames', 'trimRightFrames', 'blendSec'],
  loop: ['reps', 'blendSec', 'prompt'],
  refine: ['creativity', 'prompt', 'variants'],
  rerun: ['variants', 'durationSec', 'seed', 'poseFiltering'],
  render: [],
};

const SUBMIT_LABEL: Record<EditAction, string> = {
  inpaint: 'Inpaint ranges',
  merge: 'Merge',
  loop: 'Make loop',
  refine: 'Refine',
  rerun: 'Rerun',
  render: 'Render video',
};

function fields(tool: Exclude<EditAction, 'render'>, error: FieldError, clipUrl: string | null, take: { jobId: string; variant: number } | null): ReactNode {
  switch (tool) {
    case 'inpaint':
      return <InpaintFields error={error} />;
    case 'merge':
      return <MergeFields error={error} />;
    case 'loop':
      return <LoopFields error={error} clipUrl={clipUrl} take={take} />;
    case 'refine':
      return <RefineFields error={error} />;
    case 'rerun':
      return <RerunFields error={error} />;
  }
}

export function EditDialog() {
  const tool = useEdit((s) => s.tool);
  const close = useEdit((s) => s.close);
  const rangeCount = useEdit((s) => s.ranges.length);
  const forms = useEdit((s) => s.forms);
  const { job } = useSelectedJob();
  const variant = useSelectedVariant(job);
  const providers = useQuery(providersQuery());
  const create = useCreateJob();
  const { reset } = create;

  // Each opening starts without the previous attempt's error.
  useEffect(() => reset(), [tool, reset]);
  // A rerun starts from the options the job used.
  const jobId = job?.id;
  useEffect(() => {
    if (tool === 'rerun' && job) useEdit.setState((s) => ({ forms: { ...s.forms, rerun: rerunFormFrom(job.request) } }));
    // Only when the dialog opens or the job changes, not on every job update.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `job` changes on every poll; its id is the dependency
  }, [tool, jobId]);

  const gates = useMemo(() => gateEditActions(job, providers.data), [job, providers.data]);
  const renderProvider = useRenderProvider(job);
  if (!tool || !job) return null;
  const gate = gates.gates[tool];
  // One render dialog everywhere (all options: backdrop, camera, resolution, formats), whichever button opened it.
  if (tool === 'render' && gate.state === 'ready' && variant) {
    return <RenderDialog jobId={job.id} variant={variant.index} provider={renderProvider} onClose={close} />;
  }
  const info = providers.data?.find((p) => p.id === job.provider);
  const error = fieldErrorOf(create.error, FIELDS[tool]);
  const clipUrl = variant?.files.find((f) => f.format === 'glb')?.url ?? null;
  const take = variant && job.status === 'succeeded' ? { jobId: job.id, variant: variant.index } : null;

  const missing =
    tool === 'inpaint' && rangeCount === 0 ? 'Add a range first' : (tool === 'inpaint' || tool === 'merge') && !forms[tool].prompt.trim() ? 'Write a prompt first' : null;
  const cost = estimateCost(info, tool);

  const submit = () => {
    if (!variant || create.isPending || gate.state !== 'ready' || tool === 'render') return;
    const s = useEdit.getState();
    const body = buildEditRequest(tool, { jobId: job.id, variant: variant.index, provider: job.provider }, s.forms, s.ranges);
    create.mutate(body, {
      onSuccess: () => {
        useEdit.getState().close();
        if (tool === 'inpaint') useEdit.getState().clearRanges();
      },
    });
  };

  return (
    <section
      role="dialog"
      aria-label={`${ACTION_LABELS[tool]} dialog`}
      data-testid="edit-dialog"
      data-tool={tool}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          submit();
        }
      }}
      className="pointer-events-auto absolute bottom-3 left-3 z-20 flex max-h-[calc(100%-1.5rem)] w-[340px] flex-col rounded-lg border border-line-strong bg-panel/95 shadow-2xl shadow-black/60 backdrop-blur"
    >
      <header className="flex shrink-0 items-start gap-2 border-b border-line px-3 py-2">
        <div className="min-w-0 flex-1">
          <h2 className="text-[13px] font-semibold">{ACTION_LABELS[tool]}</h2>
          <p className="truncate text-[11px] text-faint" title={job.id}>
            from {job.kind} <span className="font-mono">{job.id.slice(0, 14)}…</span> · variant {variant?.index ?? '?'}
          </p>
        </div>
        <button
          type="button"
          aria-label="Close (Esc)"
          title="Close (Esc)"
          data-testid="edit-close"
          onClick={close}
          className="rounded p-1 text-faint hover:bg-white/8 hover:text-fg"
        >
          <XIcon />
        </button>
      </header>

      {gate.state !== 'ready' ? (
        <div className="px-3 py-3 text-[12px]" data-testid="edit-blocked">
          <p className="text-muted">{ACTION_HINTS[tool]}.</p>
          <p className="mt-2 rounded-md border border-amber-400/25 bg-amber-400/[0.07] px-2.5 py-2 text-amber-200">{gate.state === 'blocked' ? gate.reason : gates.note}</p>
        </div>
      ) : (
        <>
          <div className="min-h-0 flex-1 overflow-y-auto px-3 py-3">{tool !== 'render' && fields(tool, error, clipUrl, take)}</div>
          <footer className="shrink-0 border-t border-line px-3 pt-2 pb-3">
            <p data-testid="edit-cost" className={`mb-2 text-[11px] ${cost.affordable ? 'text-faint' : 'text-amber-200'}`}>
              {cost.text}
            </p>
            <Button
              variant="primary"
              size="md"
              className="w-full"
              data-testid="edit-submit"
              disabled={create.isPending || missing !== null}
              onClick={submit}
              title={missing ?? undefined}
            >
              {create.isPending ? <Spinner size={14} /> : null}
              {create.isPending ? 'Submitting…' : (missing ?? SUBMIT_LABEL[tool])}
            </Button>
            {error.general && (
              <div role="alert" data-testid="edit-error" className="mt-2 rounded-md border border-red-500/30 bg-red-500/10 px-2.5 py-2 text-[12px] text-red-200">
                {error.general}
              </div>
            )}
          </footer>
        </>
      )}
    </section>
  );
}
