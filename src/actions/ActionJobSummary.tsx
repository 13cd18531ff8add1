/**
 * Inspector section for rig, animate and textToMotion jobs: what the job started from and made, and the next
 * step (animate this rig, put this clip on a rig). Stands where text2motion jobs show the prompt report.
 */
import type { ReactNode } from 'react';
import type { Job } from '../../server/contract/api.ts';
import { useEditor } from '../state/editorStore.ts';
import { Button } from '../ui/Button.tsx';
import { actionIdsOf, actionLabel, characterLabel, postProcessLabel } from './actionJobText.ts';
import { animateRig, applyClipToRig } from './openActionJob.ts';
import { useActionLookups } from './useActionLookups.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-faint">{label}</dt>
      <dd className="min-w-0 text-muted [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

export function ActionJobSummary({ job }: { job: Job }) {
  const lookups = useActionLookups(job.provider, { actions: job.kind === 'animate', characters: job.kind === 'rig' });
  const selectJob = useEditor((s) => s.selectJob);
  const r = job.request;
  const done = job.status === 'succeeded';

  return (
    <div data-testid="action-job-summary" className="space-y-2.5">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[12px]">
        {job.kind === 'rig' && (
          <>
            <Row label="Character">{typeof r.characterId === 'string' ? characterLabel(r.characterId, lookups) : `Meshy model ${String(r.sourceTaskId ?? '')}`}</Row>
            {job.provider === 'meshy' && typeof r.heightMeters === 'number' && <Row label="Height">{r.heightMeters} m</Row>}
            <Row label="Makes">the rigged character, a walk and a run</Row>
          </>
        )}
        {job.kind === 'animate' && (
          <>
            <Row label="Rig">
              {job.parentJobId ? (
                <button type="button" className="font-mono text-[11px] text-accent hover:underline" onClick={() => selectJob(job.parentJobId)} title="Select the rig job">
                  {job.parentJobId}
                </button>
              ) : (
                '—'
              )}
            </Row>
            {actionIdsOf(job).length > 0 ? (
              <Row label="Actions">
                <ol className="list-inside list-decimal" data-testid="summary-actions">
                  {actionIdsOf(job).map((id) => (
                    <li key={id}>{actionLabel(job, id, lookups)}</li>
                  ))}
                </ol>
              </Row>
            ) : (
              <Row label="Motion">text-to-motion clip {typeof r.motionJobId === 'string' ? r.motionJobId : ''}</Row>
            )}
            {postProcessLabel(r.postProcess) && <Row label="Post-process">{postProcessLabel(r.postProcess)}</Row>}
            <Row label="Files">{job.provider === 'meshy' ? 'one file, one clip per action' : 'one variant per action'}</Row>
          </>
        )}
        {job.kind === 'textToMotion' && (
          <>
            <Row label="Prompt">“{String(r.prompt ?? '')}”</Row>
            <Row label="Duration">{typeof r.durationSec === 'number' ? `${r.durationSec} s` : '—'}</Row>
            {job.provider === 'meshy' && <Row label="Model">{r.mode === 'swift' ? 'swift → BVH' : 'prime → FBX'}</Row>}
          </>
        )}
      </dl>
      {job.kind === 'rig' && (
        <Button size="xs" data-testid="animate-this-rig" disabled={!done} title={done ? undefined : 'Available when the rig job has succeeded'} onClick={() => animateRig(job)}>
          Animate this rig
        </Button>
      )}
      {job.kind === 'textToMotion' && (
        <Button size="xs" data-testid="clip-on-rig" disabled={!done} title={done ? undefined : 'Available when the clip is ready'} onClick={() => applyClipToRig(job)}>
          Put this clip on a rig
        </Button>
      )}
    </div>
  );
}
