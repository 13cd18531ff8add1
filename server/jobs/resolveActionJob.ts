/**
 * Create-time checks and defaults for the Meshy-style kinds (rig, animate, textToMotion), called by
 * createJob: the character or task a rig starts from, the rig job an animation drives (its parent,
 * variant 1 = the rigged character) and the textToMotion job it may take its motion from. Problems
 * become 4xx answers naming the field, so a job is only queued when it can run.
 *
 * The stored request gets its defaults filled in, a seed on the local engine (so the record alone
 * reproduces the output), and for `motionJobId` a `motionSource` snapshot of that job (provider task
 * id, prompt, duration, seed): the provider sees only its own job and parent, and must not read the
 * database, so what it needs from the motion job travels in the request.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import {
  ACTION_JOB_KINDS,
  DEFAULT_RIG_HEIGHT_METERS,
  type ActionJobRequest,
  type AnimateRequest,
  type CreateJobRequest,
  type RigRequest,
} from '../contract/api.ts';
import { characterStoreFor } from '../characters/characterStore.ts';
import { HttpError } from '../http/errors.ts';
import { localAction } from '../providers/local/actionLibrary.ts';
import type { Services } from '../services.ts';

/** Variants a job can have (the file routes serve 1..8); local animate makes one per action. */
const MAX_LOCAL_ACTIONS = 8;

/** What an animate job stores about its motionJobId, read back by the providers. */
export const MotionSource = z.object({
  jobId: z.string(),
  externalId: z.string().nullable(),
  prompt: z.string(),
  durationSec: z.number(),
  mode: z.enum(['prime', 'swift']),
  seed: z.number().int(),
});
export type MotionSource = z.infer<typeof MotionSource>;

export function isActionJobRequest(r: CreateJobRequest): r is ActionJobRequest {
  return (ACTION_JOB_KINDS as readonly string[]).includes(r.kind);
}

const newSeed = () => crypto.randomInt(0, 2 ** 31 - 1);

export async function resolveActionJob(
  s: Services,
  r: ActionJobRequest,
): Promise<{ parentJobId: string | null; parentVariant: number | null; request: CreateJobRequest }> {
  // Meshy has no seed; the local engine is deterministic given one.
  const seeded = r.provider === 'local' ? { seed: newSeed() } : {};
  switch (r.kind) {
    case 'rig':
      await checkRigSource(s, r);
      return { parentJobId: null, parentVariant: null, request: { ...r, heightMeters: r.heightMeters ?? DEFAULT_RIG_HEIGHT_METERS, ...seeded } };
    case 'textToMotion':
      return { parentJobId: null, parentVariant: null, request: { ...r, mode: r.mode ?? 'prime', ...seeded } };
    case 'animate': {
      const parentJobId = await checkRigParent(s, r);
      checkActions(r);
      const motionSource = r.motionJobId ? await motionSourceOf(s, r, r.motionJobId) : undefined;
      return { parentJobId, parentVariant: 1, request: { ...r, ...(motionSource ? { motionSource } : {}), ...seeded } as CreateJobRequest };
    }
  }
}

async function checkRigSource(s: Services, r: RigRequest): Promise<void> {
  if (r.provider === 'local' && r.sourceTaskId !== undefined) {
    throw new HttpError(400, 'validation_error', 'sourceTaskId is a Meshy task id: with provider "local", rig an uploaded character with characterId instead.', 'sourceTaskId');
  }
  if (r.characterId === undefined) return;
  if (r.characterId === 'mannequin') {
    if (r.provider !== 'local') {
      throw new HttpError(400, 'validation_error', 'characterId: the built-in mannequin is already rigged; animate it with provider "local", or upload a character (POST /api/characters) to rig with Meshy.', 'characterId');
    }
    return;
  }
  const meta = await characterStoreFor(s.config.dataDir).get(r.characterId);
  if (!meta) throw new HttpError(404, 'not_found', `characterId: no uploaded character ${r.characterId}; see GET /api/characters?provider=local.`, 'characterId');
  // The local engine converts FBX characters to GLB itself (server/characters/fbxToGlb.ts).
  if (meta.format === 'fbx' && r.provider !== 'local') {
    throw new HttpError(400, 'unsupported_character', `characterId: "${meta.name}" is an FBX file. Meshy rigging takes a GLB model: export the character as GLB and upload it again.`, 'characterId');
  }
}

async function checkRigParent(s: Services, r: AnimateRequest): Promise<string> {
  const parent = await s.store.row(r.parentJobId);
  if (!parent) throw new HttpError(404, 'not_found', `No job ${r.parentJobId}: parentJobId must be a rig job from the job list.`, 'parentJobId');
  if (parent.kind !== 'rig') {
    throw new HttpError(400, 'validation_error', `parentJobId: job ${parent.id} is a ${parent.kind} job; animate needs a succeeded rig job (kind "rig").`, 'parentJobId');
  }
  if (parent.provider !== r.provider) {
    throw new HttpError(400, 'validation_error', `parentJobId: rig job ${parent.id} ran on ${parent.provider}; animate it with provider "${parent.provider}" or rig the character on ${r.provider} first.`, 'parentJobId');
  }
  if (parent.status !== 'succeeded') {
    throw new HttpError(409, 'parent_not_ready', `parentJobId: rig job ${parent.id} is ${parent.status}; wait until it has succeeded.`, 'parentJobId');
  }
  return parent.id;
}

function checkActions(r: AnimateRequest): void {
  if (r.provider !== 'local') return;
  if (r.postProcess) {
    throw new HttpError(400, 'validation_error', 'postProcess (FPS change, USDZ, armature-only FBX) is a Meshy feature; remove it for provider "local".', 'postProcess');
  }
  const ids = r.actionIds ?? [];
  if (ids.length > MAX_LOCAL_ACTIONS) {
    throw new HttpError(400, 'validation_error', `actionIds: the local engine makes one variant per action, at most ${MAX_LOCAL_ACTIONS}; split the actions over two jobs.`, 'actionIds');
  }
  for (const [i, id] of ids.entries()) {
    if (!localAction(id)) throw new HttpError(400, 'validation_error', `actionIds[${i}]: ${id} is not a local action; pick ids from GET /api/library?provider=local.`, `actionIds[${i}]`);
  }
}

async function motionSourceOf(s: Services, r: AnimateRequest, motionJobId: string): Promise<MotionSource> {
  const job = await s.store.row(motionJobId);
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
  const req = job.request as Extract<CreateJobRequest, { kind: 'textToMotion' }> & { seed?: number };
  if (r.provider === 'meshy' && !job.externalId) {
    throw new HttpError(409, 'parent_not_ready', `motionJobId: job ${job.id} has no Meshy task id; run a new textToMotion job.`, 'motionJobId');
  }
  return { jobId: job.id, externalId: job.externalId, prompt: req.prompt, durationSec: req.durationSec, mode: req.mode ?? 'prime', seed: req.seed ?? 0 };
}
