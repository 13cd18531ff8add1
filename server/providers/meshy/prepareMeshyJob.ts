/**
 * Meshy's create-time rules (MeshyProvider.prepare): it rigs uploaded GLB/VRM models only (the mannequin is
 * already rigged, and FBX uploads are not accepted), and animates with a textToMotion job only once Meshy
 * has a task for it.
 */
import type { CharacterStore } from '../../characters/characterStore.ts';
import { HttpError } from '../../http/errors.ts';
import type { JobDraft } from '../provider.ts';

export async function prepareMeshyJob(draft: JobDraft, characters: CharacterStore | null): Promise<JobDraft> {
  const r = draft.stored;
  if (r.kind === 'rig' && r.characterId !== undefined) {
    if (r.characterId === 'mannequin') {
      throw new HttpError(
        400,
        'validation_error',
        'characterId: the built-in mannequin is already rigged; animate it with provider "local", or upload a character (POST /api/characters) to rig with Meshy.',
        'characterId',
      );
    }
    const meta = characters ? await characters.get(r.characterId) : null;
    if (meta?.format === 'fbx') {
      throw new HttpError(
        400,
        'unsupported_character',
        `characterId: "${meta.name}" is an FBX file. Meshy rigging takes a GLB model: export the character as GLB and upload it again.`,
        'characterId',
      );
    }
  }
  if (r.kind === 'animate' && r.motionSource && !r.motionSource.externalId) {
    const id = r.motionSource.jobId;
    throw new HttpError(409, 'parent_not_ready', `motionJobId: job ${id} has no Meshy task id; run a new textToMotion job.`, 'motionJobId');
  }
  return draft;
}
