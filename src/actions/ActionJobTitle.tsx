/** The job-list title of a rig, animate or textToMotion job, with names instead of ids once they are known. */
import type { Job } from '../../server/contract/api.ts';
import { actionJobTitle } from './actionJobText.ts';
import { useActionLookups } from './useActionLookups.ts';

export function ActionJobTitle({ job, className }: { job: Job; className?: string }) {
  const lookups = useActionLookups(job.provider, { actions: job.kind === 'animate', characters: job.kind === 'rig' });
  const title = actionJobTitle(job, lookups);
  return (
    <p className={className} title={title} data-testid="action-job-title">
      {title}
    </p>
  );
}
