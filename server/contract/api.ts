/**
 * The studio API contract (docs/design/api.md) as zod schemas.
 * The server validates every request with these, the OpenAPI document is generated from them,
 * and the SPA imports the inferred types, so the three can never drift apart.
 * This module must stay free of Node and React imports: both sides bundle it.
 */
import { z } from 'zod';
import { Constraints } from './constraints.ts';

export const PROVIDER_IDS = ['local', 'saymotion', 'meshy'] as const;
export const ProviderId = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof ProviderId>;

const CAPABILITIES = ['text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'render', 'optimizePrompt', 'characters', 'rig', 'animate', 'library', 'textToMotion'] as const;
export const Capability = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof Capability>;

export const FOOT_LOCKING = ['auto', 'always', 'never', 'grounding'] as const;
export const FootLocking = z.enum(FOOT_LOCKING);
export type FootLocking = z.infer<typeof FootLocking>;

export const MAX_PROMPT_CHARS = 1000;
export const MAX_DURATION_SEC = 60;
const MIN_DURATION_SEC = 1;

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
    // Shorter than a second is a clip of a frame or two, which no edit or export can use.
    .refine((v) => v === 0 || v >= MIN_DURATION_SEC, { error: `durationSec must be 0 (engine decides) or at least ${MIN_DURATION_SEC} second` })
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
  /** Paths, key poses and pins (contract/constraints.ts); a rerun without them keeps its parent's. */
  constraints: Constraints.optional(),
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

const Interval = z
  .object({
    start: z.number({ error: 'start must be a time in seconds' }).min(0),
    end: z.number({ error: 'end must be a time in seconds' }).min(0),
  })
  .refine((i) => i.end > i.start, { error: 'an interval must end after it starts', path: ['end'] });

export const Text2MotionRequest = MotionOptions.extend({
  ...base,
  kind: z.literal('text2motion'),
  prompt,
  /**
   * Local engine only: generate even when the engine understands no action in the prompt (the takes will be
   * standing idle). Without it such a job is refused with a 422 naming `prompt`, so nobody waits for idle takes by accident.
   */
  acceptIdleTake: z.boolean({ error: 'acceptIdleTake must be true or false' }).optional(),
}).strict();
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
  /** Loop the best-matching window of the take (GET …/loop-window shows it) instead of the whole take. */
  autoWindow: z.boolean().optional(),
});
export const RefineRequest = z.strictObject({
  ...editBase,
  kind: z.literal('refine'),
  prompt: z.string().max(MAX_PROMPT_CHARS).optional(),
  creativity: z.number({ error: 'creativity is required: a number from 0 to 1' }).min(0).max(1),
  variants: variants.optional(),
});
export const RerunRequest = MotionOptions.extend({ ...editBase, kind: z.literal('rerun') }).strict();
/** SayMotion's named 2D backdrops (docs/contracts/saymotion.md); `studio` is the 3D stage. */
export const RENDER_BACKDROPS_2D = [
  'Checker_Cloudscape',
  'Golden_Age_Glitz',
  'Inferno_Stage',
  'Jungle_Grove',
  'Mystic_Brick',
  'Mystic_Concrete',
  'Rainbow_Spotlight',
  'Red_Carpet',
  'Retro_Revue',
  'Sakura_Dreamscape',
  'Spotlit_Stage',
  'Timbered_Retreat',
  'Urban_Rooftop',
] as const;
export const RENDER_RESOLUTIONS = ['720p', '1080p'] as const;
export const RENDER_FORMATS = ['mp4', 'webm', 'both'] as const;
export const RENDER_CAM_MODES = ['cinematic', 'fixed', 'face'] as const;
export const RenderRequest = z.strictObject({
  ...editBase,
  kind: z.literal('render'),
  bgColor: z.tuple([z.number().int().min(0).max(255), z.number().int().min(0).max(255), z.number().int().min(0).max(255), z.number().int().min(0).max(255)]).optional(),
  backdrop: z.string().max(100).optional(),
  shadow: z.boolean().optional(),
  camMode: z.enum(RENDER_CAM_MODES).optional(),
  camAngleDeg: z.number().min(-90).max(90).optional(),
  /** Local renderer only (SayMotion picks its own size and always makes MP4). Default 720p. */
  resolution: z.enum(RENDER_RESOLUTIONS, { error: `resolution must be one of: ${RENDER_RESOLUTIONS.join(', ')}` }).optional(),
  /** Local renderer only: which video files to make. Default both (WebM keeps transparency). */
  format: z.enum(RENDER_FORMATS, { error: `format must be one of: ${RENDER_FORMATS.join(', ')}` }).optional(),
});
export type RenderRequest = z.infer<typeof RenderRequest>;

// Meshy-style character jobs (docs/contracts/meshy.md): rig a character, animate a rig, or make a
// standalone clip from text. The local engine runs the same kinds offline.
const jobRef = (field: string, what: string) =>
  z.string({ error: `${field} is required: ${what}` }).regex(/^job_[a-z0-9]{8,40}$/, { error: `${field} must be a job id like job_… (${what})` });

export const MESHY_TEXT_TO_MOTION_MAX_PROMPT = 400;
export const DEFAULT_RIG_HEIGHT_METERS = 1.7;

export const RigRequest = z
  .strictObject({
    ...base,
    kind: z.literal('rig'),
    characterId: z
      .string({ error: 'characterId must be the id of a character from GET /api/characters' })
      .regex(/^(mannequin|chr_[a-z0-9]{8,40})$/, { error: 'characterId must be "mannequin" or an uploaded character id like chr_… (see GET /api/characters)' })
      .optional(),
    sourceTaskId: z
      .string({ error: 'sourceTaskId must be the id of a succeeded Meshy task with a humanoid model' })
      .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: 'sourceTaskId must be a Meshy task id (letters, digits, - and _)' })
      .optional(),
    heightMeters: z
      .number({ error: 'heightMeters must be the character height in metres, e.g. 1.7' })
      .gt(0, { error: 'heightMeters must be more than 0 metres, e.g. 1.7' })
      .max(20, { error: 'heightMeters must be at most 20 metres' })
      .optional(),
  })
  .refine((r) => (r.characterId === undefined) !== (r.sourceTaskId === undefined), {
    error: 'characterId: give exactly one source, either characterId (an uploaded character) or sourceTaskId (a Meshy task id)',
    path: ['characterId'],
  });

const POST_PROCESS_OPERATIONS = ['change_fps', 'fbx2usdz', 'extract_armature'] as const;
const PostProcess = z
  .strictObject({
    operation: z.enum(POST_PROCESS_OPERATIONS, { error: `postProcess.operation must be one of: ${POST_PROCESS_OPERATIONS.join(', ')}` }),
    fps: z.union([z.literal(24), z.literal(25), z.literal(30), z.literal(60)], { error: 'postProcess.fps must be 24, 25, 30 or 60' }).optional(),
  })
  .refine((p) => p.fps === undefined || p.operation === 'change_fps', {
    error: 'postProcess.fps only applies to operation "change_fps"; remove fps or change the operation',
    path: ['fps'],
  });

export const AnimateRequest = z
  .strictObject({
    ...base,
    kind: z.literal('animate'),
    parentJobId: jobRef('parentJobId', 'the succeeded rig job whose character to animate'),
    actionIds: z
      .array(z.number({ error: 'actionIds must hold action ids from GET /api/library' }).int({ error: 'actionIds must hold whole-number action ids' }), {
        error: 'actionIds must be a list of action ids from GET /api/library',
      })
      .min(1, { error: 'actionIds needs at least one action id from GET /api/library' })
      .max(10, { error: 'actionIds takes at most 10 actions per job' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'actionIds must not repeat an action' })
      .optional(),
    motionJobId: jobRef('motionJobId', 'a succeeded textToMotion job').optional(),
    postProcess: PostProcess.optional(),
  })
  .refine((r) => (r.actionIds === undefined) !== (r.motionJobId === undefined), {
    error: 'actionIds: give exactly one motion source, either actionIds (library actions) or motionJobId (a textToMotion job)',
    path: ['actionIds'],
  });

const MOTION_MODES = ['prime', 'swift'] as const;
export const TextToMotionRequest = z.strictObject({
  ...base,
  kind: z.literal('textToMotion'),
  prompt: z
    .string({ error: 'prompt is required: describe the motion, e.g. "a person jumps over a puddle"' })
    .trim()
    .min(1, { error: 'prompt must not be empty: describe the motion, e.g. "a person jumps"' })
    .max(MESHY_TEXT_TO_MOTION_MAX_PROMPT, { error: `prompt is too long for text-to-motion: keep it under ${MESHY_TEXT_TO_MOTION_MAX_PROMPT} characters` }),
  durationSec: z
    .number({ error: 'durationSec is required: the clip length in seconds, 2 to 10 in 0.5 s steps' })
    .min(2, { error: 'durationSec must be at least 2 seconds' })
    .max(10, { error: 'durationSec must be at most 10 seconds' })
    .refine((v) => Number.isInteger(v * 2), { error: 'durationSec must be in 0.5 s steps: 2, 2.5, 3 … 10' }),
  mode: z.enum(MOTION_MODES, { error: 'mode must be "prime" (best quality, FBX) or "swift" (faster, BVH)' }).optional(),
});

export type RigRequest = z.infer<typeof RigRequest>;
export type AnimateRequest = z.infer<typeof AnimateRequest>;
export type TextToMotionRequest = z.infer<typeof TextToMotionRequest>;
export const ACTION_JOB_KINDS = ['rig', 'animate', 'textToMotion'] as const;
export type ActionJobRequest = RigRequest | AnimateRequest | TextToMotionRequest;

/** One entry of an action library (GET /api/library), the same shape for every provider. */
export const LibraryEntry = z.object({
  id: z.number().int(),
  name: z.string(),
  key: z.string(),
  category: z.string(),
  subCategory: z.string(),
  previewUrl: z.string().optional(),
  /** Local engine: the text the action is synthesised from (what the studio shows as its description). */
  prompt: z.string().optional(),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

/** `import` jobs are made by POST /api/imports (a clip file), never by POST /api/jobs. */
export const JOB_KINDS = ['text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'render', ...ACTION_JOB_KINDS, 'import'] as const;
export const JobKind = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKind>;

export const CreateJobRequest = z.discriminatedUnion(
  'kind',
  [Text2MotionRequest, InpaintRequest, MergeRequest, LoopRequest, RefineRequest, RerunRequest, RenderRequest, RigRequest, AnimateRequest, TextToMotionRequest],
  { error: `kind must be one of: ${JOB_KINDS.filter((k) => k !== 'import').join(', ')} (clips are imported with POST /api/imports)` },
);
export type CreateJobRequest = z.infer<typeof CreateJobRequest>;
export type Text2MotionRequest = z.infer<typeof Text2MotionRequest>;

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;
export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'canceled'];

export const FILE_FORMATS = ['glb', 'fbx', 'bvh', 'vrma', 'mp4', 'webm', 'usdz', 'zip'] as const;
export const FileFormat = z.enum(FILE_FORMATS);
export type FileFormat = z.infer<typeof FileFormat>;

/** bytes is null for a file made on its first download (a local-engine variant's FBX and BVH). */
export const VariantFile = z.object({ format: FileFormat, url: z.string(), bytes: z.number().int().nullable() });
export type VariantFile = z.infer<typeof VariantFile>;
export const Variant = z.object({ index: z.number().int(), durationSec: z.number(), files: z.array(VariantFile) });
export type Variant = z.infer<typeof Variant>;

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

const Vec3 = z.tuple([z.number(), z.number(), z.number()]);

/**
 * The scene proxies (stairs, box, ladder, wall, …) and held props a variant's actions imply, in world
 * metres, so the viewport can draw the stairs a character climbs as simple geometry.
 */
export const VariantScene = z.object({
  scene: z.array(z.object({ kind: z.string(), position: Vec3, yaw: z.number(), size: Vec3, steps: z.number().int().optional() })),
  props: z.array(z.object({ kind: z.string(), attach: z.enum(['leftHand', 'rightHand', 'both']), startFrame: z.number().int(), endFrame: z.number().int() })),
});
export type VariantScene = z.infer<typeof VariantScene>;

/** What the engine understood of the prompt; shown to the user so nothing is silently dropped. */
const PlannedAction = z.object({ action: z.string(), label: z.string() });
export const PromptReport = z.object({
  understood: z.array(z.string()),
  ignored: z.array(z.string()),
  /** The planned steps in order (one chip each), with gestures layered on them ("walk while waving"). */
  steps: z.array(PlannedAction.extend({ with: z.array(PlannedAction) })).optional(),
  /** Clauses that became no action, with the nearest library action ids to use instead. */
  notUnderstood: z.array(z.object({ text: z.string(), suggestions: z.array(z.string()) })).optional(),
  /** Ambiguous words: the reading chosen and the one that was not. */
  alternatives: z.array(z.object({ text: z.string(), chosen: z.string(), alternative: z.string() })).optional(),
  /** Per variant (index − 1), when the engine's actions imply scene geometry or props. */
  scenes: z.array(VariantScene).optional(),
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
  /** The user's label (null: the list shows the prompt). Defaults keep events logged before labels parseable. */
  title: z.string().nullable().default(null),
  starred: z.boolean().default(false),
  collectionId: z.string().nullable().default(null),
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
