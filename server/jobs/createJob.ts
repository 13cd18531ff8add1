/**
 * Turns a validated create-job request into a stored, queued job: checks the provider and its
 * capabilities, resolves the parent of an edit, fills defaults and fixes the seed so the job is
 * reproducible, lets the provider apply its own rules (Provider.prepare), and honours Idempotency-Key
 * so a retried POST never submits twice. Nothing here knows a particular provider.
 */
import type { CreateJobRequest, Job, ProviderId } from '../contract/api.ts';
import type { StoredRequest } from '../contract/storedRequest.ts';
import type { CharacterStore } from '../characters/characterStore.ts';
import { characterStoreFor } from '../characters/characterStore.ts';
import { HttpError } from '../http/errors.ts';
import type { RateLimiter } from '../http/rateLimiter.ts';
import { checkConstraints } from '../providers/checkConstraints.ts';
import type { JobDraft, JobLookup, Provider, StoredJob } from '../providers/provider.ts';
import { requireProvider } from '../providers/requireProvider.ts';
import { checkClipLimits } from './clipLimits.ts';
import { assertSameBody, checkIdempotencyKey, requestBodyHash, scopedIdempotencyKey } from './idempotency.ts';
import { withDefaults } from './jobDefaults.ts';
import type { JobStore } from './jobStore.ts';
import { isActionJobRequest, resolveActionJob } from './resolveActionJob.ts';

/** What creating a job needs of the server (the Services of server/services.ts fit). */
export interface JobServices {
  config: { dataDir: string };
  store: JobStore;
  runner: { enqueue(jobId: string, provider: ProviderId): void };
  providers: ReadonlyMap<ProviderId, Provider>;
  jobRateLimiter: RateLimiter;
}

export async function createJob(s: JobServices, request: CreateJobRequest, idempotencyKey: string | null, client = 'local'): Promise<{ job: Job; replayed: boolean }> {
  if (idempotencyKey !== null) checkIdempotencyKey(idempotencyKey);
  const scopedKey = idempotencyKey ? scopedIdempotencyKey(client, idempotencyKey) : null;
  const bodyHash = requestBodyHash(request);
  if (scopedKey) {
    const existing = await s.store.findByIdempotencyKey(scopedKey);
    if (existing) {
      assertSameBody(existing.bodyHash, bodyHash, existing.job.id);
      return { job: existing.job, replayed: true };
    }
  }
  const provider = requireProvider(s, request.provider);
  if (!provider.capabilities().includes(request.kind)) {
    throw new HttpError(400, 'unsupported_operation', `${provider.name} does not support "${request.kind}" jobs. Supported: ${provider.capabilities().join(', ')}.`, 'kind');
  }
  const jobs = jobLookup(s.store);
  const drafted = await draftOf(jobs, characterStoreFor(s.config.dataDir), request);
  const draft = provider.prepare ? await provider.prepare(drafted, jobs) : drafted;
  checkConstraints(request);

  // Counted only for accepted submissions: a client fixing validation errors is not penalised.
  const rate = s.jobRateLimiter.take(client);
  if (!rate.allowed) {
    throw new HttpError(429, 'rate_limited', `Too many job submissions from this client; try again in ${rate.retryAfterSec} s.`, undefined, {
      'Retry-After': String(rate.retryAfterSec),
    });
  }
  return store(s, draft, scopedKey, bodyHash);
}

async function store(s: JobServices, draft: JobDraft, scopedKey: string | null, bodyHash: string): Promise<{ job: Job; replayed: boolean }> {
  const parent = draft.parent;
  try {
    const job = await s.store.create({
      provider: draft.request.provider,
      request: draft.stored,
      parentJobId: parent?.job.id ?? null,
      parentVariant: parent?.variant ?? null,
      idempotencyKey: scopedKey,
      idempotencyBody: scopedKey ? bodyHash : null,
    });
    s.runner.enqueue(job.id, job.provider);
    return { job, replayed: false };
  } catch (err) {
    // Two concurrent POSTs with the same key: the unique index lets one win; return the winner.
    if (scopedKey && /UNIQUE|duplicate key/i.test(String((err as Error).message))) {
      const existing = await s.store.findByIdempotencyKey(scopedKey);
      if (existing) {
        assertSameBody(existing.bodyHash, bodyHash, existing.job.id);
        return { job: existing.job, replayed: true };
      }
    }
    throw err;
  }
}

/** Stored jobs as providers see them: the typed request with the variants' durations. */
function jobLookup(store: JobStore): JobLookup {
  return {
    async job(id: string): Promise<StoredJob | null> {
      const [row, job] = await Promise.all([store.row(id), store.get(id)]);
      return row && job ? { ...row, variants: job.variants } : null;
    },
  };
}

/** The parent checks every provider shares, and the request to store with the common defaults. */
async function draftOf(jobs: JobLookup, characters: CharacterStore, request: CreateJobRequest): Promise<JobDraft> {
  if (isVariantEdit(request)) {
    const parent = await editedJob(jobs, request);
    checkEditAgainstParent(request, parent);
    return { request, stored: withDefaults(request, parent.request, null), parent: { job: parent, variant: request.variant } };
  }
  if (isActionJobRequest(request)) {
    const { parent, motionSource } = await resolveActionJob(jobs, characters, request);
    return { request, stored: withDefaults(request, null, motionSource), parent };
  }
  return { request, stored: withDefaults(request, null, null), parent: null };
}

type VariantEdit = Extract<CreateJobRequest, { variant: number; parentJobId: string }>;
const VARIANT_EDIT_KINDS = new Set<string>(['inpaint', 'merge', 'loop', 'refine', 'rerun', 'render']);

/** Edits of one variant of a parent job (as opposed to new prompts or Meshy-style kinds). */
function isVariantEdit(r: CreateJobRequest): r is VariantEdit {
  return VARIANT_EDIT_KINDS.has(r.kind);
}

/** The job an edit starts from: it exists, has succeeded, has the variant, and its request is readable. */
async function editedJob(jobs: JobLookup, r: VariantEdit): Promise<StoredJob & { request: StoredRequest }> {
  const parent = await jobs.job(r.parentJobId);
  if (!parent) throw new HttpError(404, 'not_found', `No job ${r.parentJobId}: pick the job to edit from the job list.`, 'parentJobId');
  if (parent.status !== 'succeeded') {
    throw new HttpError(409, 'parent_not_ready', `Job ${parent.id} is ${parent.status}; only a succeeded job can be edited.`, 'parentJobId');
  }
  if (!parent.variants.some((v) => v.index === r.variant)) {
    throw new HttpError(400, 'validation_error', `variant must be one of the parent's variants: 1–${parent.variants.length}.`, 'variant');
  }
  const request = parent.request;
  if (!request)
    throw new HttpError(409, 'parent_not_ready', `The stored request of job ${parent.id} cannot be read by this version of the server; edit another take.`, 'parentJobId');
  return { ...parent, request };
}

/** Edit parameters that only make sense against the parent's actual clip. */
function checkEditAgainstParent(r: VariantEdit, parent: StoredJob): void {
  const variant = parent.variants.find((v) => v.index === r.variant);
  if (!variant) return;
  const dur = variant.durationSec;
  checkClipLimits(r, dur);
  if (r.kind === 'inpaint') {
    for (const [i, iv] of r.intervals.entries()) {
      if (iv.start >= dur) throw new HttpError(400, 'validation_error', `intervals[${i}].start is past the end of the clip (${dur.toFixed(2)} s).`, `intervals[${i}].start`);
      if (iv.end > dur + 1e-6) throw new HttpError(400, 'validation_error', `intervals[${i}].end must be at most the clip length, ${dur.toFixed(2)} s.`, `intervals[${i}].end`);
    }
  }
}
