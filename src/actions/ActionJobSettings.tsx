/** Inspector "Settings" for rig, animate and textToMotion jobs: ids to reproduce them, and reuse in the panel. */
import type { Job } from '../../server/contract/api.ts';
import { Button } from '../ui/Button.tsx';
import { openActionJob } from './openActionJob.ts';
import { JobIdRows, SettingsList } from '../ui/SettingsList.tsx';

export function ActionJobSettings({ job }: { job: Job }) {
  const seed = job.request.seed;
  return (
    <div>
      <SettingsList>
        <JobIdRows id={job.id} provider={job.provider} kind={job.kind} />
        {typeof seed === 'number' && (
          <>
            <dt className="text-faint">Seed</dt>
            <dd className="font-mono text-[11px] text-muted">{seed}</dd>
          </>
        )}
      </SettingsList>
      <Button size="xs" variant="ghost" className="mt-2 -ml-2" data-testid="use-action-settings" onClick={() => openActionJob(job)}>
        Use these settings
      </Button>
    </div>
  );
}
