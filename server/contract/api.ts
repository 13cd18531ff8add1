/**
 * The studio API contract (shared/design/api.md) as zod schemas.
 * The server validates every request with these, the OpenAPI document is generated from them,
 * and the SPA imports the inferred types, so the three can never drift apart.
 * This module must stay free of Node and React imports: both sides bundle it.
 */
import { z } from 'zod';

export const PROVIDER_IDS = ['local', 'saymotion', 'meshy'] as const;
export const ProviderId = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof ProviderId>;

export const CAPABILITIES = [
  'text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'render', 'optimizePrompt',
  'characters', 'rig', 'animate', 'library', 'textToMotion',
] as const;
export const Capability = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof Capability>;

export const FOOT_LOCKING = ['auto', 'always', 'never', 'grounding'] as const;
export const FootLocking = z.enum(FOOT_LOCKING);
export type FootLocking = z.infer<typeof FootLocking>;

export const MAX_PROMPT_CHARS = 1000;
export const MAX_DURATION_SEC = 60;

const prompt = z
  .string({ error: 'prompt is required: describe the motion, e.g. "a person walks forward slowly then waves"' })
  .trim()
  .min(1, { error: 'prompt must not be empty: describe the motion, e.g. "a person walks forward"' })
  .max(MAX_PROMPT_CHARS, { error: `prompt is too long: keep it under ${MAX_PROMPT_CHARS} characters` });

const variants = z
  .number({ error: 'variants must be a whole number from 1 to 8' })
  .int({ error: 'variants must be a whole number from 1 to 8' })
  .min(1, { error: 'variants must be at least 1' })
  .max(8, { error: 'variants must be at most 8' });

/** Options shared by text2motion and rerun. */
export const MotionOptions = z.object({
  characterId: z.string().min(1).max(200).optional(),
  variants: variants.optional(),
  durationSec: z
    .number({ error: 'durationSec must be a number of seconds (0 lets the engine decide)' })
    .min(0, { error: 'durationSec must be 0 (engine decides) or positive' })
    .max(MAX_DURATION_SEC, { error: `durationSec must be at most ${MAX_DURATION_SEC} seconds` })
    .optional(),
  footLocking: FootLocking.optional(),
  poseFiltering: z
    .number({ error: 'poseFiltering must be a number from 0 to 1' })
    .min(0, { error: 'poseFiltering must be between 0 and 1' })
    .max(1, { error: 'poseFiltering must be between 0 and 1' })
    .optional(),
  physicsFilter: z.boolean({ error: 'physicsFilter must be true or false' }).optional(),
  seed: z
    .number({ error: 'seed must be a whole number' })
    .int({ error: 'seed must be a whole number' })
    .min(0, { error: 'seed must be 0 or more' })
    .max(2 ** 31 - 1, { error: 'seed must be below 2^31' })
    .optional(),
});

const providerField = z.enum(PROVIDER_IDS, {
  error: `provider must be one of: ${PROVIDER_IDS.join(', ')}`,
});

const base = { provider: providerField };
const editBase = {
  provider: providerField,
  parentJobId: z.string({ error: 'parentJobId is required for edits: the job to edit' }).min(1).max(100),
  variant: z
    .number({ error: 'variant is required for edits: the 1-based variant of the parent job' })
    .int()
    .min(1, { error: 'variant is 1-based: the first variant is 1' })
    .max(8, { error: 'variant must be at most 8' }),
};

export const Interval = z
  .object({
    start: z.number({ error: 'start must be a time in seconds' }).min(0),
    end: z.number({ error: 'end must be a time in seconds' }).min(0),
  })
  .refine((i) => i.end > i.start, { error: 'an interval must end after it starts', path: ['end'] });

export const Text2MotionRequest = MotionOptions.extend({ ...base, kind: z.literal('text2motion'), prompt }).strict();
export const InpaintRequest = z.strictObject({
  ...editBase,
  kind: z.literal('inpaint'),
  prompt,
  intervals: z.array(Interval).min(1, { error: 'intervals needs at least one {start, end} range in seconds' }).max(16),
});
export const MergeRequest = z.strictObject({
  ...editBase,
  kind: z.literal('merge'),
  prompt,
  trimLeftFrames: z.number().int().min(0).max(100_000).optional(),
  trimRightFrames: z.number().int().min(0).max(100_000).optional(),
  blendSec: z.number().min(0).max(10).optional(),
});
export const LoopRequest = z.strictObject({
  ...editBase,
  kind: z.literal('loop'),
  prompt: z.string().max(MAX_PROMPT_CHARS).optional(),
  reps: z.number({ error: 'reps is required: how many times to repeat (1 or more)' }).int().min(1).max(50),
  blendSec: z.number().min(0).max(10).optional(),
  rootFixMode: z.enum(['INTERPOLATION', 'LOCKED']).optional(),
  fixAltitude: z.boolean().optional(),
  fixHorizontal: z.boolean().optional(),
  fixOrientation: z.boolean().optional(),
  acrossEntireMotion: z.boolean().optional(),
});
export const RefineRequest = z.strictObject({
  ...editBase,
  kind: z.literal('refine'),
  prompt: z.string().max(MAX_PROMPT_CHARS).optional(),
  creativity: z.number({ error: 'creativity is required: a number from 0 to 1' }).min(0).max(1),
  variants: variants.optional(),
});
export const RerunRequest = MotionOptions.extend({ ...editBase, kind: z.literal('rerun') }).strict();
export const RenderRequest = z.strictObject({
  ...editBase,
  kind: z.literal('render'),
  bgColor: z.tuple([z.number().int().min(0).max(255), z.number().int().min(0).max(255), z.number().int().min(0).max(255), z.number().int().min(0).max(255)]).optional(),
  backdrop: z.string().max(100).optional(),
  shadow: z.boolean().optional(),
  camMode: z.enum(['cinematic', 'fixed', 'face']).optional(),
  camAngleDeg: z.number().min(-90).max(90).optional(),
});

export const JOB_KINDS = ['text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'render'] as const;
export const JobKind = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKind>;

export const CreateJobRequest = z.discriminatedUnion(
  'kind',
  [Text2MotionRequest, InpaintRequest, MergeRequest, LoopRequest, RefineRequest, RerunRequest, RenderRequest],
  { error: `kind must be one of: ${JOB_KINDS.join(', ')}` },
);
export type CreateJobRequest = z.infer<typeof CreateJobRequest>;
export type Text2MotionRequest = z.infer<typeof Text2MotionRequest>;

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;
export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'canceled'];

export const FILE_FORMATS = ['glb', 'fbx', 'bvh', 'mp4', 'usdz', 'zip'] as const;
export const FileFormat = z.enum(FILE_FORMATS);
export type FileFormat = z.infer<typeof FileFormat>;

export const VariantFile = z.object({ format: FileFormat, url: z.string(), bytes: z.number().int() });
export type VariantFile = z.infer<typeof VariantFile>;
export const Variant = z.object({ index: z.number().int(), durationSec: z.number(), files: z.array(VariantFile) });
export type Variant = z.infer<typeof Variant>;

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

/** What the engine understood of the prompt; shown to the user so nothing is silently dropped. */
export const PromptReport = z.object({
  understood: z.array(z.string()),
  ignored: z.array(z.string()),
});
export type PromptReport = z.infer<typeof PromptReport>;

export const Job = z.object({
  id: z.string(),
  provider: ProviderId,
  kind: JobKind,
  status: JobStatus,
  progress: z.number().min(0).max(100),
  /** What the job is doing right now, for the progress bar ("variant 3/8: exporting GLB"). */
  stage: z.string().nullable(),
  queuePosition: z.number().int().nullable(),
  parentJobId: z.string().nullable(),
  parentVariant: z.number().int().nullable(),
  request: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  report: PromptReport.nullable(),
  variants: z.array(Variant),
});
export type Job = z.infer<typeof Job>;

export const JobList = z.object({ items: z.array(Job), nextCursor: z.string().nullable() });
export type JobList = z.infer<typeof JobList>;

export const ProviderInfo = z.object({
  id: ProviderId,
  name: z.string(),
  configured: z.boolean(),
  capabilities: z.array(Capability),
  credits: z.number().nullable(),
});
export type ProviderInfo = z.infer<typeof ProviderInfo>;

export const Character = z.object({
  id: z.string(),
  name: z.string(),
  provider: ProviderId,
  thumbnailUrl: z.string().optional(),
  modelUrl: z.string().optional(),
});
export type Character = z.infer<typeof Character>;

export const Health = z.object({ ok: z.literal(true), version: z.string() });
