import type { JobRequestDraft } from '../api/jobRequestDraft.ts';
import { typedNumbers } from '../lib/typedNumber.ts';
import type { ComposerFields } from '../state/composerFields.ts';

/**
 * The text2motion body for the current form. Unvalidated on purpose: the server owns validation and answers
 * with `{error: {field, message}}`, which the composer shows next to that field.
 */
export function buildText2MotionRequest(f: ComposerFields): JobRequestDraft {
  const body: JobRequestDraft = {
    provider: f.provider,
    kind: 'text2motion',
    prompt: f.prompt,
    footLocking: f.footLocking,
    poseFiltering: f.poseFiltering,
    physicsFilter: f.physicsFilter,
    ...(f.characterId ? { characterId: f.characterId } : {}),
    ...typedNumbers({ variants: f.variants, durationSec: f.durationSec, seed: f.seed }),
  };
  return body;
}
