/**
 * The local engine's create-time rules (LocalProvider.prepare): what it refuses before anything is queued
 * (an unknown character, a prompt it understands no action in, a rerun of an edit, Meshy-only options,
 * actions not in its library) and what it adds to the stored request (a seed for the Meshy-style kinds,
 * the character and constraints an edit inherits). A rerun with constraints of another provider's take
 * becomes a post-pass on that take's clip.
 */
import type { CreateJobRequest } from '../../contract/api.ts';
import type { Constraints } from '../../contract/constraints.ts';
import { characterIdOf, type StoredRequest } from '../../contract/storedRequest.ts';
import type { CharacterStore } from '../../characters/characterStore.ts';
import { HttpError } from '../../http/errors.ts';
import { readPrompt, wouldBeIdle } from '../../prompt/readPrompt.ts';
import { checkConstraintsOnClip } from '../checkConstraints.ts';
import { newSeed } from '../newSeed.ts';
import type { JobDraft, JobLookup, StoredJob } from '../provider.ts';
import { localAction } from './actionLibrary.ts';

/** Variants a job can have (the file routes serve 1..8); local animate makes one per action. */
const MAX_LOCAL_ACTIONS = 8;

export async function prepareLocalJob(draft: JobDraft, jobs: JobLookup, characters: CharacterStore | null): Promise<JobDraft> {
  const r = draft.request;
  const postPass = r.kind === 'rerun' && draft.parent ? await postPassSource(jobs, r, draft.parent.job, draft.parent.variant) : null;
  if (postPass) checkConstraintsOnClip(postPass.constraints, postPass.durationSec);
  else if (draft.parent) checkRerunParent(r, draft.parent.job);
  await checkCharacter(characters, r);
  checkUnderstood(r);
  checkActionJob(r);
  if (postPass) return { request: r, stored: postPassRequest(postPass), parent: { job: postPass.job, variant: postPass.variant } };
  return { ...draft, stored: withLocalAdditions(draft.stored, draft.parent?.job.request ?? null) };
}

/** The local engine reruns prompt jobs only: an edit's rerun would synthesise a prompt the take no longer shows. */
function checkRerunParent(r: CreateJobRequest, parent: StoredJob): void {
  if (r.kind === 'rerun' && parent.kind !== 'text2motion' && parent.kind !== 'rerun') {
    throw new HttpError(
      400,
      'unsupported_operation',
      `The local engine reruns prompt jobs; job ${parent.id} is a ${parent.kind} edit. Submit the ${parent.kind} again on its source: each submission uses a new seed.`,
      'parentJobId',
    );
  }
}

/**
 * A characterId is the mannequin or an uploaded character, and the job puts its motion on that character:
 * an id that names neither is refused here rather than failing the job.
 */
async function checkCharacter(characters: CharacterStore | null, r: CreateJobRequest): Promise<void> {
  if (r.kind !== 'text2motion' && r.kind !== 'rerun') return;
  const id = r.characterId;
  if (id === undefined || id === 'mannequin') return;
  if (!(characters && (await characters.get(id)))) {
    throw new HttpError(
      400,
      'validation_error',
      `characterId: no character ${id.slice(0, 64)}; use "mannequin" or an uploaded character from GET /api/characters?provider=local.`,
      'characterId',
    );
  }
}

/** A prompt the engine understands no action in would make idle takes: refused unless asked for. */
function checkUnderstood(r: CreateJobRequest): void {
  if (r.kind !== 'text2motion' || r.acceptIdleTake || !wouldBeIdle(r.prompt)) return;
  const { notUnderstood } = readPrompt(r.prompt);
  const near = [...new Set(notUnderstood.flatMap((n) => n.suggestions.map((x) => `"${x.phrase}"`)))].slice(0, 4);
  throw new HttpError(
    422,
    'prompt_not_understood',
    `The local engine understands no action in this prompt, so every take would be standing idle. Try ${near.join(', ')}, use SayMotion if it is configured, or set acceptIdleTake to true to generate idle takes anyway.`,
    'prompt',
  );
}

function checkActionJob(r: CreateJobRequest): void {
  if (r.kind === 'rig' && r.sourceTaskId !== undefined) {
    throw new HttpError(400, 'validation_error', 'sourceTaskId is a Meshy task id: with provider "local", rig an uploaded character with characterId instead.', 'sourceTaskId');
  }
  if (r.kind !== 'animate') return;
  if (r.postProcess) {
    throw new HttpError(400, 'validation_error', 'postProcess (FPS change, USDZ, armature-only FBX) is a Meshy feature; remove it for provider "local".', 'postProcess');
  }
  const ids = r.actionIds ?? [];
  if (ids.length > MAX_LOCAL_ACTIONS) {
    throw new HttpError(
      400,
      'validation_error',
      `actionIds: the local engine makes one variant per action, at most ${MAX_LOCAL_ACTIONS}; split the actions over two jobs.`,
      'actionIds',
    );
  }
  for (const [i, id] of ids.entries()) {
    if (!localAction(id))
      throw new HttpError(400, 'validation_error', `actionIds[${i}]: ${id} is not a local action; pick ids from GET /api/library?provider=local.`, `actionIds[${i}]`);
  }
}

/**
 * A local edit animates the same character as the job it edits; the request takes the character along so
 * an edit of an edit still knows it (the provider only sees one parent). A refine also keeps the parent's
 * constraints (the engine solves them again on the refined clip). The engine is deterministic given a
 * seed, so the Meshy-style kinds get one too.
 */
function withLocalAdditions(stored: StoredRequest, parent: StoredRequest | null): StoredRequest {
  const characterId = characterIdOf(parent);
  const character = characterId !== undefined ? { characterId } : {};
  switch (stored.kind) {
    case 'refine': {
      const constraints = constraintsOf(parent);
      return { ...stored, ...character, ...(constraints ? { constraints } : {}) };
    }
    case 'inpaint':
    case 'merge':
    case 'loop':
      return { ...stored, ...character };
    case 'rig':
    case 'animate':
    case 'textToMotion':
      return { ...stored, seed: newSeed() };
    default:
      return stored;
  }
}

function constraintsOf(r: StoredRequest | null): Constraints | undefined {
  return r && 'constraints' in r ? r.constraints : undefined;
}

type RerunRequest = Extract<CreateJobRequest, { kind: 'rerun' }>;

interface PostPassSource {
  request: RerunRequest;
  job: StoredJob;
  variant: number;
  durationSec: number;
  constraints: Constraints;
}

/**
 * A local rerun with constraints of a provider (SayMotion, Meshy) take is a post-pass on that take's clip,
 * not a new synthesis. Rerunning a post-pass take goes back to the provider take it came from, so edited
 * constraints are solved on the provider's clip rather than on top of the previous solve.
 */
async function postPassSource(jobs: JobLookup, r: RerunRequest, parent: StoredJob, parentVariant: number): Promise<PostPassSource | null> {
  let source = parent;
  let variant = parentVariant;
  if (parent.provider === 'local') {
    const after = parent.request?.kind === 'rerun' ? parent.request.constraintsAfter : undefined;
    if (after === undefined || !parent.parentJobId || parent.parentVariant === null) return null;
    const original = await jobs.job(parent.parentJobId);
    if (!original)
      throw new HttpError(409, 'parent_not_ready', `The ${after} take job ${parent.id} was made from no longer exists; apply the constraints to another take.`, 'parentJobId');
    source = original;
    variant = parent.parentVariant;
  }
  const constraints = r.constraints ?? (parent.provider === 'local' ? constraintsOf(parent.request) : undefined);
  if (!constraints) return null;
  const v = source.variants.find((x) => x.index === variant);
  if (!v) return null;
  return { request: r, job: source, variant, durationSec: v.durationSec, constraints };
}

/** The stored request of a post-pass: one variant on the canonical rig, labelled with the provider it follows. */
function postPassRequest(p: PostPassSource): StoredRequest {
  const r = p.request;
  const from = p.job.request;
  const prompt = from && 'prompt' in from && from.prompt !== undefined ? { prompt: from.prompt } : {};
  return { ...r, ...prompt, characterId: 'mannequin', variants: 1, constraints: p.constraints, constraintsAfter: p.job.provider, seed: r.seed ?? 0 };
}
