/**
 * The common defaults of a stored request: every option explicit and a concrete seed, so the job record
 * alone reproduces the output. A rerun starts from its parent's options and applies only what the user
 * changed. What one provider adds (the local engine's inherited character, its seeds for the Meshy-style
 * kinds) is that provider's `prepare`.
 */
import { DEFAULT_RIG_HEIGHT_METERS, MotionOptions, type CreateJobRequest } from '../contract/api.ts';
import type { MotionSource, StoredOf, StoredRequest } from '../contract/storedRequest.ts';
import { newSeed } from '../providers/newSeed.ts';

/** The options a rerun takes from its parent: all but the seed (a rerun is a new take). */
const InheritedOptions = MotionOptions.omit({ seed: true });

function inheritedOptions(parent: StoredRequest | null) {
  const options = parent ? InheritedOptions.safeParse(parent) : null;
  // The prompt travels with the take, so a rerun of a rerun still knows what to synthesise.
  const prompt = parent && 'prompt' in parent && parent.prompt !== undefined ? { prompt: parent.prompt } : {};
  return { ...(options?.success ? options.data : {}), ...prompt };
}

/** The text2motion options every prompt job stores explicitly. */
function withMotionDefaults<T extends StoredOf<'text2motion' | 'rerun'>>(r: T): T {
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
 * The request to store for `r`. `parent` is the request of the job it edits (a rerun inherits its options);
 * `motionSource` the snapshot of an animation's textToMotion job.
 */
export function withDefaults(r: CreateJobRequest, parent: StoredRequest | null, motionSource: MotionSource | null): StoredRequest {
  switch (r.kind) {
    case 'rerun':
      return { ...withMotionDefaults({ ...inheritedOptions(parent), ...r }), seed: r.seed ?? newSeed() };
    case 'text2motion':
      return { ...withMotionDefaults(r), seed: r.seed ?? newSeed() };
    case 'refine':
      return { ...r, variants: r.variants ?? 1, seed: newSeed() };
    case 'inpaint':
    case 'merge':
      return { ...r, seed: newSeed() };
    case 'rig':
      return { ...r, heightMeters: r.heightMeters ?? DEFAULT_RIG_HEIGHT_METERS };
    case 'textToMotion':
      return { ...r, mode: r.mode ?? 'prime' };
    case 'animate':
      return motionSource ? { ...r, motionSource } : r;
    default:
      return r;
  }
}
