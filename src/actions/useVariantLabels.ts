/** What each variant of a rig, animate or textToMotion job is, for the variant cards; null for other jobs. */
import type { Job } from '../../server/contract/api.ts';
import { actionVariantLabel, isActionJob } from './actionJobText.ts';
import { useActionLookups } from './useActionLookups.ts';

export function useVariantLabels(job: Job | undefined): ((index: number) => string | null) | null {
  const action = job !== undefined && isActionJob(job);
  const lookups = useActionLookups(job?.provider ?? 'local', { actions: action && job.kind === 'animate', characters: false });
  if (!job || !action) return null;
  return (index) => actionVariantLabel(job, index, lookups);
}
