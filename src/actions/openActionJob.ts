/**
 * Opens the "Characters & actions" panel on a job's settings ("Use these settings", "Edit settings" after a
 * failure, "Animate this rig", "Use this clip on a rig"), the way the prompt composer takes a text2motion job's.
 */
import type { Job } from '../../server/contract/api.ts';
import { FPS_CHOICES, POST_PROCESS_CHOICES, snapMotionDuration } from './actionRequests.ts';
import type { FpsChoice, PostProcessChoice } from './actionRequests.ts';
import { useActions } from './actionsStore.ts';
import type { ActionsState } from './actionsStore.ts';

type Patch = Partial<Omit<ActionsState, 'set' | 'setProvider'>>;

/** The panel fields a job's stored request maps to. Unknown shapes are skipped. */
export function fieldsFromActionJob(job: Pick<Job, 'id' | 'kind' | 'provider' | 'request' | 'parentJobId'>): Patch {
  const r = job.request;
  const out: Patch = {};
  if (job.kind === 'rig') {
    if (typeof r.characterId === 'string') out.characterId = r.characterId;
    if (typeof r.heightMeters === 'number') out.heightMeters = String(r.heightMeters);
  } else if (job.kind === 'animate') {
    if (job.parentJobId) out.rigJobId = job.parentJobId;
    if (Array.isArray(r.actionIds)) {
      out.source = 'library';
      out.actionIds = r.actionIds.filter((x): x is number => typeof x === 'number');
    } else if (typeof r.motionJobId === 'string') {
      out.source = 'motion';
      out.motionJobId = r.motionJobId;
    }
    const pp = r.postProcess as { operation?: unknown; fps?: unknown } | undefined;
    out.postProcess = (POST_PROCESS_CHOICES as readonly unknown[]).includes(pp?.operation) ? (pp!.operation as PostProcessChoice) : 'none';
    if ((FPS_CHOICES as readonly unknown[]).includes(pp?.fps)) out.fps = pp!.fps as FpsChoice;
  } else if (job.kind === 'textToMotion') {
    if (typeof r.prompt === 'string') out.motionPrompt = r.prompt;
    if (typeof r.durationSec === 'number') out.motionDurationSec = snapMotionDuration(r.durationSec);
    if (r.mode === 'prime' || r.mode === 'swift') out.motionMode = r.mode;
  }
  return out;
}

export function openActionJob(job: Pick<Job, 'id' | 'kind' | 'provider' | 'request' | 'parentJobId'>): void {
  const s = useActions.getState();
  s.setProvider(job.provider);
  s.set({ tab: 'actions', ...fieldsFromActionJob(job) });
}

/** Animate this rig next: the panel opens with the rig chosen. */
export function animateRig(job: Pick<Job, 'id' | 'provider'>): void {
  const s = useActions.getState();
  s.setProvider(job.provider);
  s.set({ tab: 'actions', rigJobId: job.id });
}

/** Put this text-to-motion clip on a rig next: the panel opens with the clip as the motion source. */
export function applyClipToRig(job: Pick<Job, 'id' | 'provider'>): void {
  const s = useActions.getState();
  s.setProvider(job.provider);
  s.set({ tab: 'actions', source: 'motion', motionJobId: job.id });
}
