import type { JobStatus } from '../../server/contract/api.ts';
import { STATUS_LABEL } from '../lib/jobText.ts';

const TONE: Record<JobStatus, string> = {
  queued: 'bg-slate-500/15 text-slate-300 ring-slate-400/25',
  running: 'bg-sky-500/15 text-sky-300 ring-sky-400/30',
  succeeded: 'bg-emerald-500/15 text-emerald-300 ring-emerald-400/30',
  failed: 'bg-red-500/15 text-red-300 ring-red-400/30',
  canceled: 'bg-neutral-500/15 text-neutral-400 ring-neutral-400/20',
};

const DOT: Record<JobStatus, string> = {
  queued: 'bg-slate-400',
  running: 'bg-sky-400 animate-pulse',
  succeeded: 'bg-emerald-400',
  failed: 'bg-red-400',
  canceled: 'bg-neutral-500',
};

export function StatusChip({ status }: { status: JobStatus }) {
  return (
    <span
      data-testid="status-chip"
      className={`inline-flex items-center gap-1 rounded px-1.5 py-px text-[10px] font-semibold tracking-wide uppercase ring-1 ring-inset ${TONE[status]}`}
    >
      <span className={`size-1.5 rounded-full ${DOT[status]}`} />
      {STATUS_LABEL[status]}
    </span>
  );
}
