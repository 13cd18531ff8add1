/**
 * The request a job stores: the create request as the API accepted it, plus what the server added when it
 * queued the job (every option made explicit, a seed, what a local edit inherits from its parent, the
 * snapshot of a motion source). The job store parses it on every typed read and the engine worker parses
 * it again at the thread boundary, so no reader re-asserts its type.
 *
 * Readers get the known fields only (unknown keys are dropped, not refused): a row written by an older
 * server still parses as long as the fields it shares with today's schema have today's types.
 * Free of Node and React imports: both sides bundle it.
 */
import { z } from 'zod';
import {
  AnimateRequest,
  InpaintRequest,
  LoopRequest,
  MergeRequest,
  ProviderId,
  RefineRequest,
  RenderRequest,
  RerunRequest,
  RigRequest,
  Text2MotionRequest,
  TextToMotionRequest,
} from './api.ts';
import { Constraints } from './constraints.ts';
import { ImportRequest } from './importClip.ts';

/**
 * What an animate job stores about its motionJobId (a textToMotion job): the provider sees only its own job
 * and parent and must not read the database, so what it needs of the motion job travels in the request.
 */
export const MotionSource = z.object({
  jobId: z.string(),
  externalId: z.string().nullable(),
  prompt: z.string(),
  durationSec: z.number(),
  mode: z.enum(['prime', 'swift']),
  seed: z.number().int(),
});
export type MotionSource = z.infer<typeof MotionSource>;

/** The seed the server fixed at creation, so the stored request alone reproduces the output. */
const seed = z.number().int().optional();
/** A local edit animates the same character as the job it edits; the request takes the character along. */
const characterId = z.string().optional();

export const StoredRequest = z.discriminatedUnion('kind', [
  Text2MotionRequest.strip(),
  RerunRequest.strip().safeExtend({
    /** The prompt travels with the take, so a rerun of a rerun still knows what to synthesise. */
    prompt: z.string().optional(),
    /** A local post-pass on another provider's take: the provider whose clip the constraints are solved on. */
    constraintsAfter: ProviderId.optional(),
  }),
  InpaintRequest.strip().safeExtend({ seed, characterId }),
  MergeRequest.strip().safeExtend({ seed, characterId }),
  LoopRequest.strip().safeExtend({ characterId }),
  /** A refine keeps the parent's constraints (the engine solves them again on the refined clip). */
  RefineRequest.strip().safeExtend({ seed, characterId, constraints: Constraints.optional() }),
  RenderRequest.strip(),
  RigRequest.strip().safeExtend({ seed }),
  AnimateRequest.strip().safeExtend({ seed, motionSource: MotionSource.optional() }),
  TextToMotionRequest.strip().safeExtend({ seed }),
  ImportRequest,
]);
export type StoredRequest = z.infer<typeof StoredRequest>;

/** The stored request of one kind. */
export type StoredOf<K extends StoredRequest['kind']> = Extract<StoredRequest, { kind: K }>;

/** The character a stored request names (prompt jobs, rigs and local edits carry one), if any. */
export function characterIdOf(r: StoredRequest | null | undefined): string | undefined {
  return r && 'characterId' in r ? r.characterId : undefined;
}
