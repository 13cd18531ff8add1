/** The settings a job ran with, for reproducing or tweaking it. */
import { useQuery } from '@tanstack/react-query';
import type { Job } from '../../server/contract/api.ts';
import { charactersQuery } from '../api/queries.ts';
import { fieldsFromRequest } from '../state/composerFields.ts';
import { focusPrompt } from '../composer/index.ts';
import { useEditor } from '../state/editorStore.ts';
import { Button } from '../ui/Button.tsx';
import { JobIdRows, SettingsList } from '../ui/SettingsList.tsx';

const LABELS: Array<[key: string, label: string, fmt?: (v: unknown) => string]> = [
  ['characterId', 'Character'],
  ['variants', 'Variants'],
  ['durationSec', 'Duration', (v) => (v === 0 ? 'auto' : `${String(v)} s`)],
  ['footLocking', 'Foot locking'],
  ['poseFiltering', 'Pose filtering', (v) => (typeof v === 'number' ? v.toFixed(2) : String(v))],
  ['physicsFilter', 'Physics filter', (v) => (v ? 'on' : 'off')],
  ['seed', 'Seed'],
];

export function JobDetails({ job }: { job: Job }) {
  const setComposer = useEditor((s) => s.setComposer);
  const characters = useQuery(charactersQuery(job.provider));
  const rows = LABELS.filter(([k]) => job.request[k] !== undefined);
  // Characters are shown by name (an uploaded one's id means nothing to a person); the id stays in the tooltip.
  const show = (k: string, v: unknown) => (k === 'characterId' ? (characters.data?.find((c) => c.id === v)?.name ?? String(v)) : String(v));
  return (
    <div>
      <SettingsList>
        <JobIdRows id={job.id} provider={job.provider} kind={job.kind} />
        {rows.map(([k, label, fmt]) => (
          <div key={k} className="contents">
            <dt className="text-faint">{label}</dt>
            <dd className="font-mono text-[11px] text-muted" data-testid={`job-setting-${k}`} title={String(job.request[k])}>
              {fmt ? fmt(job.request[k]) : show(k, job.request[k])}
            </dd>
          </div>
        ))}
      </SettingsList>
      <Button
        size="xs"
        variant="ghost"
        className="mt-2 -ml-2"
        onClick={() => {
          setComposer(fieldsFromRequest(job.request));
          requestAnimationFrame(focusPrompt);
        }}
      >
        Use these settings
      </Button>
    </div>
  );
}
