/**
 * Meshy's wire shapes (docs/contracts/meshy.md), parsed with zod at the boundary. Meshy's docs
 * drift, so every object is loose (extra fields pass), optional fields default, timestamps accept
 * null as well as 0, and the library accepts both a bare array and a `{result: …}` envelope.
 */
import { z } from 'zod';

export type MeshyResource = 'rigging' | 'animations' | 'text-to-motion';

const MESHY_STATUSES = ['PENDING', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'CANCELED'] as const;
export const MeshyStatus = z.enum(MESHY_STATUSES);
export type MeshyStatus = z.infer<typeof MeshyStatus>;
export const TERMINAL: ReadonlySet<MeshyStatus> = new Set(['SUCCEEDED', 'FAILED', 'CANCELED']);

/** Creative-Lab style `null` timestamps are normalised to 0 ("not set"). */
const timestamp = z
  .union([z.number(), z.null()])
  .optional()
  .transform((v) => v ?? 0);

const TaskError = z
  .looseObject({
    message: z.string().default(''),
    type: z.string().optional(),
    code: z.string().optional(),
    doc_url: z.string().optional(),
  })
  .nullable()
  .optional();

const url = z.string().min(1);

export const RigResult = z.looseObject({
  rigged_character_fbx_url: url.optional(),
  rigged_character_glb_url: url.optional(),
  basic_animations: z
    .looseObject({
      walking_glb_url: url.optional(),
      walking_fbx_url: url.optional(),
      walking_armature_glb_url: url.optional(),
      running_glb_url: url.optional(),
      running_fbx_url: url.optional(),
      running_armature_glb_url: url.optional(),
    })
    .nullable()
    .optional(),
});

export const AnimationResult = z.looseObject({
  animation_glb_url: url.optional(),
  animation_fbx_url: url.optional(),
  processed_usdz_url: url.optional(),
  processed_armature_fbx_url: url.optional(),
  processed_animation_fps_fbx_url: url.optional(),
});

export const MotionResult = z.looseObject({
  motion_url: url.optional(),
  motion_format: z.string().optional(),
  duration_ms: z.number().optional(),
  mode: z.string().optional(),
});

export const MeshyTask = z.looseObject({
  id: z.string().min(1),
  type: z.string().optional(),
  status: MeshyStatus,
  progress: z.number().min(0).max(100).catch(0).default(0),
  created_at: timestamp,
  started_at: timestamp,
  finished_at: timestamp,
  expires_at: timestamp,
  preceding_tasks: z.number().int().nullable().optional(),
  consumed_credits: z.number().nullable().optional(),
  task_error: TaskError,
  result: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type MeshyTask = z.infer<typeof MeshyTask>;

/** While a task runs, stream events carry only id, progress and status. */
export const StreamUpdate = z.looseObject({
  id: z.string().optional(),
  status: MeshyStatus,
  progress: z.number().min(0).max(100).catch(0).default(0),
  preceding_tasks: z.number().int().nullable().optional(),
});
export type StreamUpdate = z.infer<typeof StreamUpdate>;

/** `event: error` after HTTP 200: its status_code is treated like an HTTP status. */
export const StreamError = z.looseObject({ status_code: z.number().int().optional(), message: z.string().optional() });

export const CreateResponse = z.looseObject({ result: z.string().min(1) });

export const ErrorBody = z.looseObject({
  message: z.string().optional(),
  error_code: z.string().optional(),
  code: z.string().optional(),
});

export const TaskList = z.array(z.unknown());

export const Balance = z.looseObject({ balance: z.number() });

const LibraryItem = z.looseObject({
  action_id: z.number().int(),
  name: z.string(),
  key: z.string().optional(),
  category: z.string().default(''),
  sub_category: z.string().default(''),
  preview_url: z.string().optional(),
});
export const LibraryResponse = z.union([
  z.array(LibraryItem),
  z.looseObject({ result: z.array(LibraryItem) }).transform((r) => r.result),
  z.looseObject({ result: z.looseObject({ list: z.array(LibraryItem) }) }).transform((r) => r.result.list),
]);

/** The unauthenticated public catalog uses camelCase inside `{result: {total, list}}`. */
const PublicCatalogItem = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  key: z.string().optional(),
  category: z.string().default(''),
  subCategory: z.string().default(''),
  previewUrl: z.string().optional(),
});
export const PublicCatalogResponse = z.looseObject({ result: z.looseObject({ list: z.array(PublicCatalogItem) }) });
