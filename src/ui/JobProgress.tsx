import type { Job } from '../../server/contract/api.ts';
import { progressLabel } from '../lib/jobText.ts';

/** Progress bar with the server's stage text ("variant 2/4: synthesising"). Indeterminate while queued. */
export function JobProgress({ job, compact = false }: { job: Job; compact?: boolean }) {
  const pct = Math.round(Math.min(100, Math.max(0, job.progress)));
  const queued = job.status === 'queued';
  return (
    <div className="min-w-0 flex-1">
      <div
        data-testid="job-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}% · ${progressLabel(job)}`}
        className={`relative overflow-hidden rounded-full bg-white/8 ${compact ? 'h-1' : 'h-1.5'}`}
      >
        {queued ? (
          <div className="progress-indeterminate absolute inset-y-0 w-1/3 rounded-full bg-slate-400/50" />
        ) : (
          <div className="h-full rounded-full bg-sky-400 transition-[width] duration-300 ease-out" style={{ width: `${pct}%` }} />
        )}
      </div>
      <div className="mt-1 flex justify-between gap-2 text-[11px] text-muted">
        <span className="truncate" data-testid="job-stage">
          {progressLabel(job)}
        </span>
        {!queued && <span className="shrink-0 font-mono tabular-nums">{pct}%</span>}
      </div>
    </div>
  );
}
