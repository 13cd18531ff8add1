/**
 * Picks one of the provider's rig or textToMotion jobs. Finished ones can be chosen; ones still running are listed
 * (so a just-submitted rig can be chosen and waited for) with their progress; the choice's state shows below.
 */
import type { Job } from '../../server/contract/api.ts';
import { formatRelativeTime } from '../lib/format.ts';
import { JobProgress } from '../ui/JobProgress.tsx';

interface Props {
  id: string;
  label: string;
  jobs: readonly Job[];
  value: Job | undefined;
  onChange: (jobId: string) => void;
  describe: (job: Job) => string;
  testId: string;
}

export function JobSelect({ id, label, jobs, value, onChange, describe, testId }: Props) {
  return (
    <div>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} data-testid={testId} className="field-input" value={value?.id ?? ''} onChange={(e) => onChange(e.target.value)}>
        {jobs.map((j) => (
          <option key={j.id} value={j.id}>
            {describe(j)} · {j.status === 'succeeded' ? formatRelativeTime(j.createdAt) : j.status === 'queued' ? 'queued' : `running ${Math.round(j.progress)}%`}
          </option>
        ))}
      </select>
      {value && value.status !== 'succeeded' && (
        <div className="mt-1.5 flex">
          <JobProgress job={value} compact />
        </div>
      )}
    </div>
  );
}
