/**
 * Main-thread side of the local rig / animate / textToMotion jobs. The worker synthesises canonical
 * motions (actionMotions.ts); here each variant is saved, and when the character is an uploaded
 * humanoid rather than the built-in mannequin, its GLB is rebuilt as the character driven by the
 * motion (retargetGlb.ts). A rig job of an uploaded character checks its skeleton first and keeps
 * the character file itself as variant 1.
 */
import { z } from 'zod';
import { decodeMotion } from '../../engine/index.ts';
import type { CharacterStore } from '../../characters/characterStore.ts';
import type { JobContext } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import { actionClipNames } from './actionMotions.ts';
import type { EnginePool } from './enginePool.ts';
import { checkHumanoid, RetargetError, retargetToGlb } from './retargetGlb.ts';

const RigSource = z.object({ kind: z.literal('rig'), characterId: z.string().optional(), sourceTaskId: z.string().optional() });

const HUMANOID_HELP =
  'The local engine animates characters that are already rigged with a humanoid skeleton named the Mixamo, VRM, CMU or Unreal way; use Meshy to rig an unrigged mesh.';

function fromRetarget(err: unknown, name: string): never {
  if (err instanceof RetargetError) {
    throw new ProviderError(err.code, err.code === 'not_humanoid' ? `"${name}": ${err.message}. ${HUMANOID_HELP}` : `"${name}": ${err.message}`);
  }
  throw err;
}

/** The uploaded character a job animates, or null for the built-in mannequin. */
async function characterOf(ctx: JobContext, characters: CharacterStore | null): Promise<{ name: string; bytes: Uint8Array } | null> {
  const req = ctx.request;
  if (req.kind === 'rig') {
    const src = RigSource.parse(req);
    if (src.sourceTaskId !== undefined) {
      throw new ProviderError('unsupported_source', 'sourceTaskId is a Meshy task id; the local engine rigs an uploaded character (characterId).');
    }
    if (!src.characterId || src.characterId === 'mannequin') return null;
    const found = characters ? await characters.read(src.characterId) : null;
    if (!found) throw new ProviderError('character_missing', `Character ${src.characterId} no longer exists (or its file is damaged); upload it again.`);
    if (found.meta.format === 'fbx') {
      throw new ProviderError('unsupported_character', `"${found.meta.name}" is an FBX file; the local engine reads GLB or VRM characters. Export the character as GLB and upload it again.`);
    }
    await checkHumanoid(found.bytes).catch((err: unknown) => fromRetarget(err, found.meta.name));
    return { name: found.meta.name, bytes: found.bytes };
  }
  if (req.kind === 'animate') {
    const parentRig = ctx.parent ? RigSource.safeParse(ctx.parent.request) : null;
    if (!parentRig?.success) throw new ProviderError('parent_unsupported', 'An animate job needs a succeeded rig job as its parent.');
    if (!parentRig.data.characterId || parentRig.data.characterId === 'mannequin') return null;
    const bytes = await ctx.parent!.readFile('glb');
    if (!bytes) throw new ProviderError('parent_file_unavailable', 'The rig job has no character GLB in the cache; run the rig job again.');
    return { name: parentRig.data.characterId, bytes };
  }
  return null;
}

export async function runLocalActionJob(ctx: JobContext, pool: EnginePool, characters: CharacterStore | null): Promise<void> {
  const character = await characterOf(ctx, characters);
  const clipNames = actionClipNames(ctx.request);
  await pool.run(
    { request: ctx.request as Record<string, unknown> & { kind: string }, parentMotion: null, parentRequest: null },
    async (m) => {
      if (m.type === 'progress') ctx.progress({ percent: m.percent, stage: m.stage });
      else if (m.type === 'report') ctx.setReport(m.report);
      else if (m.type === 'variant') {
        const clip = clipNames[m.index - 1] ?? `Motion_${m.index}`;
        let glb = m.files.glb;
        if (character) {
          // Variant 1 of a rig job is the character itself; every other variant is the character in motion.
          if (ctx.request.kind === 'rig' && m.index === 1) glb = character.bytes;
          else glb = await retargetToGlb(character.bytes, decodeMotion(m.files.motion), clip).catch((err: unknown) => fromRetarget(err, character.name));
        }
        ctx.setVariantDuration(m.index, m.durationSec);
        await ctx.saveFile(m.index, 'motion', m.files.motion);
        await ctx.saveFile(m.index, 'glb', glb);
        await ctx.saveFile(m.index, 'bvh', m.files.bvh);
      }
    },
    ctx.signal,
  );
}
