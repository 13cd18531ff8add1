/**
 * Create-time checks of the Meshy-style kinds (rig, animate, textToMotion) that hold for every provider:
 * the uploaded character a rig starts from exists, an animation drives a succeeded rig job of its own
 * provider (its parent, variant 1 = the rigged character), and its motionJobId is a succeeded textToMotion
 * job of that provider. Problems become 4xx answers naming the field, so a job is only queued when it can
 * run; what only one provider allows is that provider's `prepare`.
 *
 * For `motionJobId` the stored request gets a `motionSource` snapshot of that job (provider task id,
 * prompt, duration, seed): the provider sees only its own job and parent, and must not read the database.
 */
import { ACTION_JOB_KINDS, type ActionJobRequest, type AnimateRequest, type CreateJobRequest, type RigRequest } from '../contract/api.ts';
import type { MotionSource } from '../contract/storedRequest.ts';
import type { CharacterStore } from '../characters/characterStore.ts';
import { HttpError } from '../http/errors.ts';
import type { JobLookup, StoredJob } from '../providers/provider.ts';

export function isActionJobRequest(r: CreateJobRequest): r is ActionJobRequest {
  return (ACTION_JOB_KINDS as readonly string[]).includes(r.kind);
}

export interface ResolvedAction {
  /** The rig job an animation drives, at variant 1 (the rigged character). */
  parent: { job: StoredJob; variant: number } | null;
  motionSource: MotionSource | null;
}

export async function resolveActionJob(jobs: JobLookup, characters: CharacterStore, r: ActionJobRequest): Promise<ResolvedAction> {
  if (r.kind === 'rig') await checkRigCharacter(characters, r);
  if (r.kind !== 'animate') return { parent: null, motionSource: null };
  const rig = await checkRigParent(jobs, r);
  const motionSource = r.motionJobId ? await motionSourceOf(jobs, r, r.motionJobId) : null;
  return { parent: { job: rig, variant: 1 }, motionSource };
}

/** An uploaded character must exist (the mannequin is built in; whether a provider takes it is its rule). */
async function checkRigCharacter(characters: CharacterStore, r: RigRequest): Promise<void> {
  if (r.characterId === undefined || r.characterId === 'mannequin') return;
  if (!(await characters.get(r.characterId))) {
    throw new HttpError(404, 'not_found', `characterId: no uploaded character ${r.characterId}; see GET /api/characters?provider=local.`, 'characterId');
  }
}

async function checkRigParent(jobs: JobLookup, r: AnimateRequest): Promise<StoredJob> {
  const parent = await jobs.job(r.parentJobId);
  if (!parent) throw new HttpError(404, 'not_found', `No job ${r.parentJobId}: parentJobId must be a rig job from the job list.`, 'parentJobId');
  if (parent.kind !== 'rig') {
    throw new HttpError(400, 'validation_error', `parentJobId: job ${parent.id} is a ${parent.kind} job; animate needs a succeeded rig job (kind "rig").`, 'parentJobId');
  }
  if (parent.provider !== r.provider) {
    throw new HttpError(
      400,
      'validation_error',
      `parentJobId: rig job ${parent.id} ran on ${parent.provider}; animate it with provider "${parent.provider}" or rig the character on ${r.provider} first.`,
      'parentJobId',
    );
  }
  if (parent.status !== 'succeeded') {
    throw new HttpError(409, 'parent_not_ready', `parentJobId: rig job ${parent.id} is ${parent.status}; wait until it has succeeded.`, 'parentJobId');
  }
  return parent;
}

async function motionSourceOf(jobs: JobLookup, r: AnimateRequest, motionJobId: string): Promise<MotionSource> {
  const job = await jobs.job(motionJobId);
  if (!job) throw new HttpError(404, 'not_found', `No job ${motionJobId}: motionJobId must be a textToMotion job from the job list.`, 'motionJobId');
  if (job.kind !== 'textToMotion') {
    throw new HttpError(400, 'validation_error', `motionJobId: job ${job.id} is a ${job.kind} job; it must be a textToMotion job.`, 'motionJobId');
  }
  if (job.provider !== r.provider) {
    throw new HttpError(400, 'validation_error', `motionJobId: job ${job.id} ran on ${job.provider}; use a textToMotion job made with provider "${r.provider}".`, 'motionJobId');
  }
  if (job.status !== 'succeeded') {
    throw new HttpError(409, 'parent_not_ready', `motionJobId: job ${job.id} is ${job.status}; wait until it has succeeded.`, 'motionJobId');
  }
  const req = job.request;
  if (req?.kind !== 'textToMotion') {
    throw new HttpError(
      409,
      'parent_not_ready',
      `motionJobId: the stored request of job ${job.id} cannot be read by this version of the server; run a new textToMotion job.`,
      'motionJobId',
    );
  }
  return { jobId: job.id, externalId: job.externalId, prompt: req.prompt, durationSec: req.durationSec, mode: req.mode ?? 'prime', seed: req.seed ?? 0 };
}
