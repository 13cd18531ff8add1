/**
 * Main-thread side of the local rig / animate / textToMotion jobs. The worker synthesises canonical
 * motions (actionMotions.ts) and, when the character is an uploaded humanoid rather than the
 * built-in mannequin, puts each on the character (runEngineTask.ts, retargetGlb.ts); here the
 * character file is looked up and each variant is saved. A rig job of an uploaded character keeps
 * the character file itself (an FBX upload: its GLB conversion) as variant 1.
 */
import type { CharacterStore } from '../../characters/characterStore.ts';
import type { JobContext } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import type { EnginePool } from './enginePool.ts';
import { runEngineJob } from './runEngineJob.ts';

const HUMANOID_HELP =
  'The local engine animates characters that are already rigged with a humanoid skeleton named the Mixamo, VRM, CMU or Unreal way; use Meshy to rig an unrigged mesh.';

/** Errors about the character file, from the worker or the store, with the character's name in them. */
export function explainCharacterError(err: unknown, name: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === 'not_humanoid') return new ProviderError(code, `"${name}": ${(err as Error).message}. ${HUMANOID_HELP}`);
  if (code === 'unreadable_character') return new ProviderError(code, `"${name}": ${(err as Error).message}`);
  return err;
}

/** The uploaded character a job animates, or null for the built-in mannequin. */
async function characterOf(ctx: JobContext, characters: CharacterStore | null): Promise<{ name: string; bytes: Uint8Array } | null> {
  const req = ctx.request;
  if (req.kind === 'rig') {
    if (req.sourceTaskId !== undefined) {
      throw new ProviderError('unsupported_source', 'sourceTaskId is a Meshy task id; the local engine rigs an uploaded character (characterId).');
    }
    if (!req.characterId || req.characterId === 'mannequin') return null;
    const found = characters ? await characters.read(req.characterId) : null;
    if (!found) throw new ProviderError('character_missing', `Character ${req.characterId} no longer exists (or its file is damaged); upload it again.`);
    return { name: found.meta.name, bytes: found.bytes };
  }
  if (req.kind === 'animate') {
    const parent = ctx.parent;
    if (parent?.request.kind !== 'rig') throw new ProviderError('parent_unsupported', 'An animate job needs a succeeded rig job as its parent.');
    const id = parent.request.characterId;
    if (!id || id === 'mannequin') return null;
    // The rig job's variant 1 is the character as a GLB (already converted when it was uploaded as FBX).
    const bytes = await parent.readFile('glb');
    if (!bytes) throw new ProviderError('parent_file_unavailable', 'The rig job has no character GLB in the cache; run the rig job again.');
    const meta = characters ? await characters.get(id) : null;
    return { name: meta?.name ?? id, bytes };
  }
  return null;
}

export async function runLocalActionJob(ctx: JobContext, pool: EnginePool, characters: CharacterStore | null): Promise<void> {
  const character = await characterOf(ctx, characters);
  try {
    await runEngineJob(pool, ctx, { request: ctx.request, parentMotion: null, parentRequest: null, character: character?.bytes ?? null });
  } catch (err) {
    throw character ? explainCharacterError(err, character.name) : err;
  }
}
