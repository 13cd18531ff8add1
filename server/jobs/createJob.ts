/**
 * Turns a validated create-job request into a stored, queued job: checks the provider and its
 * capabilities, resolves the parent of an edit, fills defaults and fixes the seed so the job is
 * reproducible, and honours Idempotency-Key so a retried POST never submits twice.
 */
import crypto from 'node:crypto';
import type { CreateJobRequest, Job } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import { requireProvider } from '../routes/requireProvider.ts';
import type { Services } from '../services.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

export async function createJob(s: Services, request: CreateJobRequest, idempotencyKey: string | null): Promise<{ job: Job; replayed: boolean }> {
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new HttpError(400, 'validation_error', 'Idempotency-Key must be 1–128 characters of letters, digits, _ . : or -.', 'Idempotency-Key');
  }
  if (idempotencyKey) {
    const existing = await s.store.findByIdempotencyKey(idempotencyKey);
    if (existing) return { job: existing, replayed: true };
  }
  const provider = requireProvider(s, request.provider);
  if (!provider.capabilities().includes(request.kind)) {
    throw new HttpError(400, 'unsupported_operation', `${provider.name} does not support "${request.kind}" jobs. Supported: ${provider.capabilities().join(', ')}.`, 'kind');
  }

  let parentJobId: string | null = null;
  let parentVariant: number | null = null;
  if (request.kind !== 'text2motion') {
    const parent = await s.store.get(request.parentJobId);
    if (!parent) throw new HttpError(404, 'not_found', `No job ${request.parentJobId}: pick the job to edit from the job list.`, 'parentJobId');
    if (parent.status !== 'succeeded') {
      throw new HttpError(409, 'parent_not_ready', `Job ${parent.id} is ${parent.status}; only a succeeded job can be edited.`, 'parentJobId');
    }
    if (!parent.variants.some((v) => v.index === request.variant)) {
      throw new HttpError(400, 'validation_error', `variant must be one of the parent's variants: 1–${parent.variants.length}.`, 'variant');
    }
    parentJobId = parent.id;
    parentVariant = request.variant;
  }

  const resolved = withDefaults(request);
  try {
    const job = await s.store.create({ provider: request.provider, request: resolved, parentJobId, parentVariant, idempotencyKey });
    s.runner.enqueue(job.id, job.provider);
    return { job, replayed: false };
  } catch (err) {
    // Two concurrent POSTs with the same key: the unique index lets one win; return the winner.
    if (idempotencyKey && /UNIQUE/i.test(String((err as Error).message))) {
      const existing = await s.store.findByIdempotencyKey(idempotencyKey);
      if (existing) return { job: existing, replayed: true };
    }
    throw err;
  }
}

/** Stores every option explicitly (and a concrete seed), so the job record alone reproduces the output. */
function withDefaults(r: CreateJobRequest): CreateJobRequest {
  const seed = () => crypto.randomInt(0, 2 ** 31 - 1);
  switch (r.kind) {
    case 'text2motion':
    case 'rerun':
      return {
        ...r,
        characterId: r.characterId ?? 'mannequin',
        variants: r.variants ?? (r.kind === 'rerun' ? 1 : 1),
        durationSec: r.durationSec ?? 0,
        footLocking: r.footLocking ?? 'auto',
        poseFiltering: r.poseFiltering ?? 0,
        physicsFilter: r.physicsFilter ?? true,
        seed: r.seed ?? seed(),
      };
    case 'refine':
      return { ...r, variants: r.variants ?? 1, ...({ seed: seed() } as object) } as CreateJobRequest;
    case 'inpaint':
    case 'merge':
      return { ...r, ...({ seed: seed() } as object) } as CreateJobRequest;
    default:
      return r;
  }
}
