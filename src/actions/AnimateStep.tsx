/**
 * Step 2: animate a rig. Motion comes from the action library (up to 10 actions on Meshy, baked into one file;
 * up to 8 on the local engine, one clip each) or from a text-to-motion clip (step 3). Meshy can post-process the
 * result (frame rate, USDZ, armature only). The job becomes the rig job's child in the lineage.
 */
import { useQuery } from '@tanstack/react-query';
import { useShallow } from 'zustand/react/shallow';
import type { Job, LibraryEntry, ProviderInfo } from '../../server/contract/api.ts';
import { libraryQuery } from '../api/queries.ts';
import { LibraryBrowser } from '../library/index.ts';
import { Button } from '../ui/Button.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { actionJobTitle } from './actionJobText.ts';
import { buildAnimateRequest, maxActions, toggleAction } from './actionRequests.ts';
import { useActions } from './actionsStore.ts';
import { CostLine } from './CostLine.tsx';
import { JobSelect } from './JobSelect.tsx';
import { PostProcessFields } from './PostProcessFields.tsx';
import { SelectedActions } from './SelectedActions.tsx';
import { StepHeading } from './StepHeading.tsx';
import { SubmitError } from './SubmitError.tsx';
import { pickJob, useActionJobs, usableJobs } from './useActionJobs.ts';
import { useActionLookups } from './useActionLookups.ts';
import { useSubmitActionJob } from './useSubmitActionJob.ts';

/** Why the Animate button cannot be pressed yet, or null. */
function blockedReason(rig: Job | undefined, source: 'library' | 'motion', actions: number, motion: Job | undefined): string | null {
  if (!rig) return 'Rig a character first (step 1).';
  if (rig.status !== 'succeeded') return 'Waiting for the rig job to finish…';
  if (source === 'library' && actions === 0) return 'Tick one or more actions in the library.';
  if (source === 'motion' && !motion) return 'Make a text-to-motion clip first (step 3).';
  if (source === 'motion' && motion!.status !== 'succeeded') return 'Waiting for the text-to-motion clip to finish…';
  return null;
}

export function AnimateStep({ provider }: { provider: ProviderInfo }) {
  const s = useActions(
    useShallow((x) => ({
      rigJobId: x.rigJobId,
      source: x.source,
      actionIds: x.actionIds,
      motionJobId: x.motionJobId,
      search: x.search,
      category: x.category,
      postProcess: x.postProcess,
      fps: x.fps,
      set: x.set,
    })),
  );
  const rigs = useActionJobs(provider.id, 'rig');
  const clips = useActionJobs(provider.id, 'textToMotion');
  const lookups = useActionLookups(provider.id, { actions: false, characters: true });
  const library = useQuery(libraryQuery(provider.id));
  const names = new Map((library.data ?? []).map((e) => [e.id, e.name]));
  const animate = useSubmitActionJob();
  const tryOne = useSubmitActionJob();

  const rig = pickJob(rigs, s.rigJobId);
  const motion = pickJob(clips, s.motionJobId);
  const canMotion = provider.capabilities.includes('textToMotion');
  const source = canMotion ? s.source : 'library';
  const max = maxActions(provider.id);
  const blocked = blockedReason(rig, source, s.actionIds.length, motion);

  const submit = () => {
    if (blocked || !rig) return;
    animate.submit(
      buildAnimateRequest({ provider: provider.id, rigJobId: rig.id, source, actionIds: s.actionIds, motionJobId: motion?.id ?? null, postProcess: s.postProcess, fps: s.fps }),
    );
  };

  // The local engine makes any action's clip for free: "Try" runs just that action on the chosen rig.
  const tryAction =
    provider.id === 'local'
      ? {
          blockedReason: !rig
            ? 'Rig a character first to try actions on it'
            : rig.status !== 'succeeded'
              ? 'Waiting for the rig job to finish'
              : tryOne.isPending
                ? 'Submitting…'
                : null,
          onTry: (e: LibraryEntry) => {
            if (rig)
              tryOne.submit(buildAnimateRequest({ provider: 'local', rigJobId: rig.id, source: 'library', actionIds: [e.id], motionJobId: null, postProcess: 'none', fps: 30 }));
          },
        }
      : undefined;

  return (
    <section className="space-y-2.5" data-testid="animate-step" aria-label="Animate">
      <StepHeading step={2} title="Animate" />
      {usableJobs(rigs).length === 0 ? (
        <p data-testid="no-rig" className="rounded-md border border-dashed border-line px-2.5 py-2 text-[12px] text-faint">
          No rig yet {provider.id === 'local' ? 'on the local engine' : `on ${provider.name}`}: rig a character in step 1.
        </p>
      ) : (
        <JobSelect
          id="rig-job-select"
          label="Rig to animate"
          testId="rig-job-select"
          jobs={usableJobs(rigs)}
          value={rig}
          onChange={(id) => s.set({ rigJobId: id })}
          describe={(j) => actionJobTitle(j, lookups).replace(/^Rig /, '')}
        />
      )}

      {canMotion && (
        <div role="radiogroup" aria-label="Motion from" className="grid grid-cols-2 gap-1 rounded-md border border-line bg-sunken p-0.5">
          {(['library', 'motion'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={source === m}
              data-testid={`animate-source-${m}`}
              onClick={() => s.set({ source: m })}
              className={`rounded px-2 py-1 text-[12px] transition-colors ${source === m ? 'bg-raised text-fg shadow-sm' : 'text-muted hover:text-fg'}`}
            >
              {m === 'library' ? 'Library actions' : 'Text-to-motion clip'}
            </button>
          ))}
        </div>
      )}

      {source === 'library' ? (
        <>
          <LibraryBrowser
            provider={provider.id}
            search={s.search}
            category={s.category}
            onSearch={(search) => s.set({ search })}
            onCategory={(category) => s.set({ category })}
            selected={s.actionIds}
            max={max}
            onToggle={(id) => s.set({ actionIds: toggleAction(s.actionIds, id, max) })}
            tryAction={tryAction}
          />
          <SubmitError error={tryOne.error} testId="try-error" />
          <SelectedActions provider={provider.id} selected={s.actionIds} max={max} names={names} onChange={(actionIds) => s.set({ actionIds })} />
        </>
      ) : usableJobs(clips).length === 0 ? (
        <p className="rounded-md border border-dashed border-line px-2.5 py-2 text-[12px] text-faint">No text-to-motion clip yet: make one in step 3.</p>
      ) : (
        <JobSelect
          id="motion-job-select"
          label="Clip to put on the rig"
          testId="motion-job-select"
          jobs={usableJobs(clips)}
          value={motion}
          onChange={(id) => s.set({ motionJobId: id })}
          describe={(j) => `“${actionJobTitle(j, lookups).slice(0, 60)}”`}
        />
      )}

      {provider.id === 'meshy' && <PostProcessFields value={s.postProcess} fps={s.fps} onChange={(p) => s.set(p)} />}

      <div>
        <CostLine provider={provider.id} kind="animate" actions={source === 'library' ? s.actionIds.length : 1} testId="animate-cost" />
        <Button variant="primary" className="w-full" data-testid="animate-button" disabled={blocked !== null || animate.isPending} title={blocked ?? undefined} onClick={submit}>
          {animate.isPending ? <Spinner size={12} /> : null}
          {source === 'library' ? `Animate with ${s.actionIds.length || 'no'} action${s.actionIds.length === 1 ? '' : 's'}` : 'Animate with the clip'}
        </Button>
        {blocked && <p className="mt-1 text-[11px] text-faint">{blocked}</p>}
        <SubmitError error={animate.error} testId="animate-error" />
      </div>
    </section>
  );
}
