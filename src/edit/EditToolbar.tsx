/**
 * The edit actions for the selected take, as the provider allows them (editGates.ts): ready actions open
 * their dialog; blocked ones stay visible but dimmed and open with the reason; hidden ones are not drawn.
 * While the job runs, its progress and a Cancel button take their place.
 */
import { useQuery } from '@tanstack/react-query';
import type { Job } from '../../server/contract/api.ts';
import { providersQuery } from '../api/queries.ts';
import { useCancelJob } from '../state/jobMutations.ts';
import { JobProgress } from '../ui/JobProgress.tsx';
import { isActive } from '../lib/jobText.ts';
import { Button } from '../ui/Button.tsx';
import { XIcon } from '../ui/icons.tsx';
import { ACTION_HINTS, ACTION_LABELS, EDIT_ACTIONS, gateEditActions } from './editGates.ts';
import { useEdit } from './editStore.ts';

export function EditToolbar({ job }: { job: Job | undefined }) {
  const providers = useQuery(providersQuery());
  const tool = useEdit((s) => s.tool);
  const open = useEdit((s) => s.open);
  const close = useEdit((s) => s.close);
  const cancel = useCancelJob();

  if (job && isActive(job)) {
    return (
      <div className="flex min-w-0 flex-1 items-center gap-2" data-testid="edit-running">
        <span className="shrink-0 text-[11px] text-muted">{job.kind} running</span>
        <div className="max-w-[280px] min-w-0 flex-1">
          <JobProgress job={job} compact />
        </div>
        <Button size="xs" variant="danger" data-testid="edit-cancel-job" disabled={cancel.isPending} onClick={() => cancel.mutate(job.id)} title="Cancel this job">
          <XIcon width={12} height={12} /> Cancel
        </Button>
      </div>
    );
  }

  const { gates, note } = gateEditActions(job, providers.data);
  const shown = EDIT_ACTIONS.filter((a) => gates[a].state !== 'hidden');
  if (shown.length === 0) {
    return <p className="truncate text-[11px] text-faint">{note}</p>;
  }
  return (
    <div role="toolbar" aria-label="Edit this take" className="flex min-w-0 items-center gap-0.5">
      {shown.map((a) => {
        const g = gates[a];
        const blocked = g.state === 'blocked';
        const active = tool === a;
        return (
          <button
            key={a}
            type="button"
            data-testid={`edit-action-${a}`}
            data-state={g.state}
            aria-pressed={active}
            title={g.state === 'blocked' ? g.reason : ACTION_HINTS[a]}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (active ? close() : open(a))}
            className={`h-6 rounded px-2 text-[11px] font-medium transition-colors ${
              active
                ? 'bg-accent/20 text-accent'
                : blocked
                  ? 'text-faint underline decoration-dotted decoration-faint/60 underline-offset-4 hover:bg-white/5'
                  : 'text-muted hover:bg-white/8 hover:text-fg'
            }`}
          >
            {ACTION_LABELS[a]}
            {/* Still a button: it opens the explanation. Screen readers hear that it is unavailable. */}
            {blocked && <span className="sr-only"> (unavailable, opens the reason)</span>}
          </button>
        );
      })}
      {note && <span className="ml-2 truncate text-[11px] text-amber-200/80">{note}</span>}
    </div>
  );
}
