/**
 * Words for rig, animate and textToMotion jobs, which have no prompt of their own to show: a title for the
 * job list, and a label per variant (what each file is: the rigged character, the free walk and run clips,
 * one clip per action on the local engine, one merged file on Meshy).
 */
import type { Job, ProviderId } from '../../server/contract/api.ts';

const ACTION_JOB_KINDS: ReadonlySet<string> = new Set(['rig', 'animate', 'textToMotion']);

export function isActionJob(job: Pick<Job, 'kind'>): boolean {
  return ACTION_JOB_KINDS.has(job.kind);
}

/** Names the UI knows from the server (library entries, uploaded characters); undefined when not loaded. */
export interface ActionLookups {
  actionName(provider: ProviderId, id: number): string | undefined;
  characterName(id: string): string | undefined;
}

export const NO_LOOKUPS: ActionLookups = { actionName: () => undefined, characterName: () => undefined };

type JobLike = Pick<Job, 'kind' | 'provider' | 'request'>;

const MANNEQUIN_NAME = 'Kinema mannequin';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

export function actionIdsOf(job: JobLike): number[] {
  const ids = job.request.actionIds;
  return Array.isArray(ids) ? ids.filter((x): x is number => typeof x === 'number') : [];
}

/** "Attack" for a known action, "#4" for one the library did not name (or that is not loaded yet). */
export function actionLabel(job: JobLike, id: number, lookups: ActionLookups): string {
  return lookups.actionName(job.provider, id)?.replace(/_/g, ' ') ?? `#${id}`;
}

export function characterLabel(id: string, lookups: ActionLookups): string {
  if (id === 'mannequin') return MANNEQUIN_NAME;
  return lookups.characterName(id) ?? id;
}

/** The prompt of the textToMotion job an animation took its motion from (stored with the request). */
function motionPromptOf(job: JobLike): string | undefined {
  const source = job.request.motionSource;
  return source && typeof source === 'object' ? str((source as { prompt?: unknown }).prompt) : undefined;
}

export function actionJobTitle(job: JobLike, lookups: ActionLookups): string {
  const r = job.request;
  switch (job.kind) {
    case 'rig': {
      const task = str(r.sourceTaskId);
      if (task) return `Rig Meshy model ${task}`;
      const id = str(r.characterId);
      return `Rig ${id ? characterLabel(id, lookups) : 'a character'}`;
    }
    case 'animate': {
      const ids = actionIdsOf(job);
      if (ids.length > 0) return `Animate: ${ids.map((id) => actionLabel(job, id, lookups)).join(', ')}`;
      const prompt = motionPromptOf(job);
      return prompt ? `Animate with text-to-motion: “${prompt}”` : `Animate with clip ${str(r.motionJobId) ?? ''}`.trim();
    }
    case 'textToMotion':
      return str(r.prompt) ?? 'Text-to-motion clip';
    default:
      return str(r.prompt) ?? job.kind;
  }
}

const POST_PROCESS_LABEL: Record<string, string> = {
  change_fps: 'FBX at another frame rate',
  fbx2usdz: 'USDZ for Apple AR',
  extract_armature: 'Armature-only FBX',
};

export function postProcessLabel(pp: unknown): string | null {
  if (!pp || typeof pp !== 'object') return null;
  const { operation, fps } = pp as { operation?: unknown; fps?: unknown };
  if (operation === 'change_fps') return `FBX at ${typeof fps === 'number' ? fps : 30} fps`;
  return typeof operation === 'string' ? (POST_PROCESS_LABEL[operation] ?? operation) : null;
}

/** What variant `index` (1-based) of an action job holds; null for other kinds (they are takes of one prompt). */
export function actionVariantLabel(job: JobLike, index: number, lookups: ActionLookups): string | null {
  switch (job.kind) {
    case 'rig':
      // Variant 1 is the rigged character; rigging also brings a walk and a run clip (Meshy's free clips).
      return ['Rigged character', 'Walking', 'Running'][index - 1] ?? null;
    case 'animate': {
      const ids = actionIdsOf(job);
      if (job.provider === 'meshy') {
        // Meshy bakes every action into one file (one clip each); variant 2 is the post-processed FBX.
        if (index === 2) return postProcessLabel(job.request.postProcess) ?? 'Post-processed file';
        if (ids.length > 1) return `${ids.length} actions in one file`;
      }
      if (ids.length === 0) return index === 1 ? 'Text-to-motion clip on the rig' : null;
      const id = ids[index - 1];
      return id === undefined ? null : actionLabel(job, id, lookups);
    }
    case 'textToMotion':
      return index === 1 ? 'Motion clip' : null;
    default:
      return null;
  }
}

/** The one-line result of a finished action job, for the job list. */
export function actionResultSummary(job: Pick<Job, 'kind' | 'provider' | 'request' | 'variants'>): string {
  const v1 = job.variants[0];
  if (!v1) return 'No files';
  const secs = (d: number) => `${d.toFixed(1)} s`;
  switch (job.kind) {
    case 'rig':
      return job.variants.length > 1 ? `Rigged character + ${job.variants.length - 1} clips (walk, run)` : 'Rigged character';
    case 'animate': {
      const n = actionIdsOf(job).length;
      if (job.provider === 'meshy' && n > 1) return `${n} actions in one file · ${secs(v1.durationSec)}`;
      return `${job.variants.length} clip${job.variants.length === 1 ? '' : 's'} · ${secs(Math.max(...job.variants.map((v) => v.durationSec)))}`;
    }
    case 'textToMotion': {
      const formats = v1.files.map((f) => f.format.toUpperCase()).join(' + ');
      return `${formats} clip · ${secs(v1.durationSec)}`;
    }
    default:
      return `${job.variants.length} variants`;
  }
}
