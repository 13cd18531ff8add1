/** Inspector "Settings" for rig, animate and textToMotion jobs: ids to reproduce them, and reuse in the panel. */
import type { Job } from '../../server/contract/api.ts';
import { Button } from '../ui/Button.tsx';
import { openActionJob } from './openActionJob.ts';

export function ActionJobSettings({ job }: { job: Job }) {
  const seed = job.request.seed;
  return (
    <div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[12px]">
        <dt className="text-faint">Job</dt>
        <dd className="truncate font-mono text-[11px] text-muted" title={job.id}>
          {job.id}
        </dd>
        <dt className="text-faint">Provider</dt>
        <dd className="text-muted">
          {job.provider} · {job.kind}
        </dd>
        {typeof seed === 'number' && (
          <>
            <dt className="text-faint">Seed</dt>
            <dd className="font-mono text-[11px] text-muted">{seed}</dd>
          </>
        )}
      </dl>
      <Button size="xs" variant="ghost" className="mt-2 -ml-2" data-testid="use-action-settings" onClick={() => openActionJob(job)}>
        Use these settings
      </Button>
    </div>
  );
}
