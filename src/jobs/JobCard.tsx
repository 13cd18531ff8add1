/** One job in the list: status, prompt, live progress, and what to do next. */
import { memo, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { Job } from '../../server/contract/api.ts';
import { ActionJobTitle, actionResultSummary, isActionJob, openActionJob } from '../actions/index.ts';
import { useCancelJob, useRetryJob } from '../state/jobMutations.ts';
import { fieldsFromRequest } from '../state/composerFields.ts';
import { focusPrompt } from '../composer/index.ts';
import { useEditor } from '../state/editorStore.ts';
import { formatRelativeTime } from '../lib/format.ts';
import { Button } from '../ui/Button.tsx';
import { RetryIcon, XIcon } from '../ui/icons.tsx';
import { JobCardMenu, RenameField, StarButton } from './JobCardMenu.tsx';
import { JobProgress } from '../ui/JobProgress.tsx';
import { failureAdvice, isActive, jobPrompt, resultSummary } from '../lib/jobText.ts';
import { StatusChip } from './StatusChip.tsx';

const stop = (e: MouseEvent) => e.stopPropagation();

export const JobCard = memo(function JobCard({ job, selected }: { job: Job; selected: boolean }) {
  const selectJob = useEditor((s) => s.selectJob);
  const setComposer = useEditor((s) => s.setComposer);
  const cancel = useCancelJob();
  const retry = useRetryJob();
  const active = isActive(job);
  const [renaming, setRenaming] = useState(false);

  const select = () => selectJob(job.id);
  const onKey = (e: KeyboardEvent) => {
    // Enter only: Space stays play/pause everywhere in the studio.
    if (e.target === e.currentTarget && e.key === 'Enter') {
      e.preventDefault();
      select();
    }
  };
  const editSettings = () => {
    // Rig, animate and textToMotion jobs are set up in the "Characters & actions" panel, not the prompt composer.
    if (isActionJob(job)) return openActionJob(job);
    setComposer(fieldsFromRequest(job.request));
    requestAnimationFrame(focusPrompt);
  };

  return (
    <div
      role="listitem"
      data-testid="job-card"
      data-status={job.status}
      data-job-id={job.id}
      aria-current={selected ? 'true' : undefined}
      tabIndex={0}
      onClick={select}
      onKeyDown={onKey}
      className={`group relative cursor-pointer rounded-md border px-2.5 py-2 transition-colors outline-none focus-visible:ring-2 focus-visible:ring-accent ${
        selected ? 'border-accent/60 bg-accent/[0.07]' : 'border-line bg-panel hover:border-line-strong hover:bg-raised'
      }`}
    >
      {selected && <span aria-hidden className="absolute inset-y-2 left-0 w-0.5 rounded-r bg-accent" />}
      <div className="flex items-center gap-2">
        <StatusChip status={job.status} />
        <span className="truncate text-[11px] text-faint">
          {job.kind}
          {job.provider !== 'local' && ` · ${job.provider}`}
        </span>
        <time className="ml-auto shrink-0 text-[11px] text-faint" dateTime={job.createdAt} title={new Date(job.createdAt).toLocaleString()}>
          {formatRelativeTime(job.createdAt)}
        </time>
        <StarButton job={job} />
        <JobCardMenu job={job} onRename={() => setRenaming(true)} />
      </div>

      {renaming ? (
        <RenameField job={job} onDone={() => setRenaming(false)} />
      ) : job.title ? (
        <>
          <p data-testid="job-title" className="mt-1.5 line-clamp-2 text-[13px] font-medium leading-snug text-fg">
            {job.title}
          </p>
          <p className="truncate text-[11px] text-faint" title={jobPrompt(job)}>
            {jobPrompt(job)}
          </p>
        </>
      ) : isActionJob(job) ? (
        <ActionJobTitle job={job} className="mt-1.5 line-clamp-2 text-[13px] leading-snug text-fg" />
      ) : (
        <p data-testid="job-title" className="mt-1.5 line-clamp-2 text-[13px] leading-snug text-fg" title={jobPrompt(job)}>
          {jobPrompt(job)}
        </p>
      )}

      {active && (
        <div className="mt-2 flex items-start gap-2">
          <JobProgress job={job} />
          <Button
            size="xs"
            variant="danger"
            data-testid="cancel-job"
            disabled={cancel.isPending}
            onClick={(e) => {
              stop(e);
              cancel.mutate(job.id);
            }}
            title="Cancel this job"
          >
            <XIcon width={12} height={12} />
            Cancel
          </Button>
        </div>
      )}

      {job.status === 'succeeded' && <p className="mt-1 text-[11px] text-muted">{isActionJob(job) ? actionResultSummary(job) : resultSummary(job)}</p>}

      {job.status === 'failed' && (
        <div data-testid="job-error" className="mt-2 rounded border border-red-500/25 bg-red-500/[0.08] px-2 py-1.5 text-[12px] [overflow-wrap:anywhere]">
          <p className="text-red-200">{job.error?.message ?? 'The job failed without a reason from the provider.'}</p>
          <p className="mt-1 text-red-200/65">{failureAdvice(job.error?.code ?? '')}</p>
          {job.error?.code && <p className="mt-1 font-mono text-[10px] text-red-300/50">{job.error.code}</p>}
        </div>
      )}

      {job.status === 'canceled' && <p className="mt-1 text-[11px] text-muted">Canceled before it finished.</p>}

      {(job.status === 'failed' || job.status === 'canceled') && (
        <div className="mt-2 flex gap-1.5" onClick={stop}>
          <Button size="xs" data-testid="retry-job" disabled={retry.isPending} onClick={() => retry.mutate(job.request)}>
            <RetryIcon width={12} height={12} />
            Retry
          </Button>
          <Button size="xs" variant="ghost" onClick={editSettings}>
            {isActionJob(job) ? 'Edit settings' : 'Edit prompt'}
          </Button>
        </div>
      )}
    </div>
  );
});
