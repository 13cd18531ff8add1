/**
 * Turns a validated create-job request into a stored, queued job: checks the provider and its
 * capabilities, resolves the parent of an edit, fills defaults and fixes the seed so the job is
 * reproducible, and honours Idempotency-Key so a retried POST never submits twice.
 */
import crypto from 'node:crypto';
import type { CreateJobRequest, Job } from '../contract/api.ts';
import { characterStoreFor } from '../characters/characterStore.ts';
import { HttpError } from '../http/errors.ts';
import { requireProvider } from '../routes/requireProvider.ts';
import type { Services } from '../services.ts';
import { checkClipLimits } from './clipLimits.ts';
import { assertSameBody, checkIdempotencyKey, requestBodyHash, scopedIdempotencyKey } from './idempotency.ts';
import { isActionJobRequest, resolveActionJob } from './resolveActionJob.ts';
import { readPrompt, wouldBeIdle } from '../prompt/readPrompt.ts';
import { checkConstraints, checkConstraintsOnClip } from './checkConstraints.ts';
import type { Constraints } from '../engine/constraints/types.ts';

export async function createJob(s: Services, request: CreateJobRequest, idempotencyKey: string | null, client = 'local'): Promise<{ job: Job; replayed: boolean }> {
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

  let parentRequest: Record<string, unknown> | null = null;
  let actionRequest: CreateJobRequest | null = null;
  let parentJobId: string | null = null;
  let parentVariant: number | null = null;
  let postPass: { provider: string; constraints: unknown } | null = null;
  if (isVariantEdit(request)) {
    const parent = await s.store.get(request.parentJobId);
    if (!parent) throw new HttpError(404, 'not_found', `No job ${request.parentJobId}: pick the job to edit from the job list.`, 'parentJobId');
    if (parent.status !== 'succeeded') {
      throw new HttpError(409, 'parent_not_ready', `Job ${parent.id} is ${parent.status}; only a succeeded job can be edited.`, 'parentJobId');
    }
    if (!parent.variants.some((v) => v.index === request.variant)) {
      throw new HttpError(400, 'validation_error', `variant must be one of the parent's variants: 1–${parent.variants.length}.`, 'variant');
    }
    const source = await postPassSource(s, request, parent);
    if (source) {
      // Constraints on a provider take: solved locally on the provider's clip (providers/local/constrainProviderTake.ts).
      checkConstraintsOnClip(source.constraints as Constraints, source.durationSec);
      parentJobId = source.job.id;
      parentVariant = source.variant;
      parentRequest = source.job.request;
      postPass = { provider: source.job.provider, constraints: source.constraints };
    } else {
      checkEditAgainstParent(request, parent);
      parentJobId = parent.id;
      parentVariant = request.variant;
      parentRequest = parent.request;
    }
  } else if (isActionJobRequest(request)) {
    ({ parentJobId, parentVariant, request: actionRequest } = await resolveActionJob(s, request));
  }
  await checkLocalCharacter(s, request);
  if (request.provider === 'local' && request.kind === 'text2motion' && !request.acceptIdleTake && wouldBeIdle(request.prompt)) {
    const { notUnderstood } = readPrompt(request.prompt);
    const near = [...new Set(notUnderstood.flatMap((n) => n.suggestions.map((x) => `"${x.phrase}"`)))].slice(0, 4);
    throw new HttpError(
      422,
      'prompt_not_understood',
      `The local engine understands no action in this prompt, so every take would be standing idle. Try ${near.join(', ')}, use SayMotion if it is configured, or set acceptIdleTake to true to generate idle takes anyway.`,
      'prompt',
    );
  }
  checkConstraints(request);

  // Counted only for accepted submissions: a client fixing validation errors is not penalised.
  const rate = s.jobRateLimiter.take(client);
  if (!rate.allowed) {
    throw new HttpError(429, 'rate_limited', `Too many job submissions from this client; try again in ${rate.retryAfterSec} s.`, undefined, { 'Retry-After': String(rate.retryAfterSec) });
  }

  const resolved = actionRequest ?? (postPass ? postPassRequest(request, parentRequest, postPass) : withDefaults(request, parentRequest));
  try {
    const job = await s.store.create({ provider: request.provider, request: resolved, parentJobId, parentVariant, idempotencyKey: scopedKey, idempotencyBody: scopedKey ? bodyHash : null });
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

type VariantEdit = Extract<CreateJobRequest, { variant: number; parentJobId: string }>;
const VARIANT_EDIT_KINDS = new Set<string>(['inpaint', 'merge', 'loop', 'refine', 'rerun', 'render']);

/** Edits of one variant of a parent job (as opposed to new prompts or Meshy-style kinds). */
function isVariantEdit(r: CreateJobRequest): r is VariantEdit {
  return VARIANT_EDIT_KINDS.has(r.kind);
}

/** Edit parameters that only make sense against the parent's actual clip. */
function checkEditAgainstParent(r: VariantEdit, parent: Job): void {
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
  if (r.kind === 'rerun' && r.provider === 'local' && parent.kind !== 'text2motion' && parent.kind !== 'rerun') {
    throw new HttpError(400, 'unsupported_operation', `The local engine reruns prompt jobs; job ${parent.id} is a ${parent.kind} edit. Submit the ${parent.kind} again on its source: each submission uses a new seed.`, 'parentJobId');
  }
}

/**
 * On the local engine a characterId is the mannequin or an uploaded character, and the job puts its
 * motion on that character: an id that names neither is refused here rather than failing the job.
 */
async function checkLocalCharacter(s: Services, r: CreateJobRequest): Promise<void> {
  if (r.provider !== 'local' || (r.kind !== 'text2motion' && r.kind !== 'rerun')) return;
  const id = r.characterId;
  if (id === undefined || id === 'mannequin') return;
  if (!(await characterStoreFor(s.config.dataDir).get(id))) {
    throw new HttpError(400, 'validation_error', `characterId: no character ${id.slice(0, 64)}; use "mannequin" or an uploaded character from GET /api/characters?provider=local.`, 'characterId');
  }
}

const MOTION_OPTION_KEYS = ['characterId', 'variants', 'durationSec', 'footLocking', 'poseFiltering', 'physicsFilter', 'constraints'] as const;

/**
 * A local edit animates the same character as the job it edits; the request takes the character along
 * so an edit of an edit still knows it (the provider only sees one parent).
 */
function inheritedCharacter(r: CreateJobRequest, parentRequest: Record<string, unknown> | null): { characterId?: string } {
  const id = parentRequest?.characterId;
  return r.provider === 'local' && typeof id === 'string' ? { characterId: id } : {};
}

function inheritedConstraints(r: CreateJobRequest, parentRequest: Record<string, unknown> | null): { constraints?: unknown } {
  const c = parentRequest?.constraints;
  return r.provider === 'local' && c && typeof c === 'object' ? { constraints: c } : {};
}

/** The text2motion options every prompt job stores explicitly. */
function withMotionDefaults<T extends Extract<CreateJobRequest, { kind: 'text2motion' | 'rerun' }>>(r: T): T {
  return {
    ...r,
    characterId: r.characterId ?? 'mannequin',
    variants: r.variants ?? 1,
    durationSec: r.durationSec ?? 0,
    footLocking: r.footLocking ?? 'auto',
    poseFiltering: r.poseFiltering ?? 0,
    physicsFilter: r.physicsFilter ?? true,
  };
}

/**
 * Stores every option explicitly (and a concrete seed), so the job record alone reproduces the
 * output. A rerun starts from its parent's options and applies only what the user changed.
 */
function withDefaults(r: CreateJobRequest, parentRequest: Record<string, unknown> | null): CreateJobRequest {
  const seed = () => crypto.randomInt(0, 2 ** 31 - 1);
  switch (r.kind) {
    case 'rerun': {
      const inherited = Object.fromEntries(MOTION_OPTION_KEYS.filter((k) => parentRequest?.[k] !== undefined).map((k) => [k, parentRequest![k]]));
      // The prompt travels with the take, so a rerun of a rerun still knows what to synthesise.
      if (typeof parentRequest?.prompt === 'string') inherited.prompt = parentRequest.prompt;
      return { ...withMotionDefaults({ ...inherited, ...r } as typeof r), seed: r.seed ?? seed() };
    }
    case 'text2motion':
      return { ...withMotionDefaults(r), seed: r.seed ?? seed() };
    case 'refine':
      // A refine keeps the parent's constraints (the engine re-solves them on the refined clip).
      return { ...r, variants: r.variants ?? 1, ...({ seed: seed() } as object), ...inheritedCharacter(r, parentRequest), ...inheritedConstraints(r, parentRequest) } as CreateJobRequest;
    case 'inpaint':
    case 'merge':
      return { ...r, ...({ seed: seed() } as object), ...inheritedCharacter(r, parentRequest) } as CreateJobRequest;
    case 'loop':
      return { ...r, ...inheritedCharacter(r, parentRequest) } as CreateJobRequest;
    default:
      return r;
  }
}

/**
 * A local rerun with constraints of a provider (SayMotion, Meshy) take is a post-pass on that take's clip,
 * not a new synthesis. Rerunning a post-pass take goes back to the provider take it came from, so edited
 * constraints are solved on the provider's clip rather than on top of the previous solve.
 */
async function postPassSource(s: Services, r: VariantEdit, parent: Job): Promise<{ job: Job; variant: number; durationSec: number; constraints: unknown } | null> {
  if (r.kind !== 'rerun' || r.provider !== 'local') return null;
  let source = parent;
  let variant = r.variant;
  if (parent.provider === 'local') {
    const after = parent.request.constraintsAfter;
    if (typeof after !== 'string' || !parent.parentJobId || parent.parentVariant === null) return null;
    const original = await s.store.get(parent.parentJobId);
    if (!original) throw new HttpError(409, 'parent_not_ready', `The ${after} take job ${parent.id} was made from no longer exists; apply the constraints to another take.`, 'parentJobId');
    source = original;
    variant = parent.parentVariant;
  }
  const constraints = r.constraints ?? (parent.provider === 'local' ? parent.request.constraints : undefined);
  if (!constraints) return null;
  const v = source.variants.find((x) => x.index === variant);
  if (!v) return null;
  return { job: source, variant, durationSec: v.durationSec, constraints };
}

/** The stored request of a post-pass: one variant on the canonical rig, labelled with the provider it follows. */
function postPassRequest(r: CreateJobRequest, parentRequest: Record<string, unknown> | null, p: { provider: string; constraints: unknown }): CreateJobRequest {
  const prompt = typeof parentRequest?.prompt === 'string' ? { prompt: parentRequest.prompt } : {};
  return { ...r, ...prompt, characterId: 'mannequin', variants: 1, constraints: p.constraints, ...({ constraintsAfter: p.provider } as object), seed: (r as { seed?: number }).seed ?? 0 } as CreateJobRequest;
}
