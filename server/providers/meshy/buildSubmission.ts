/**
 * Turns a validated job request into the Meshy create request (docs/contracts/meshy.md §2–4):
 * rigging from an uploaded character (sent inline as a GLB data URI) or from a Meshy task,
 * animation of the parent rig task with library actions or a text-to-motion task, and
 * text-to-motion. Also says how to recognise the created task in Meshy's task list.
 */
import type { CharacterStore } from '../../characters/characterStore.ts';
import type { StoredOf } from '../../contract/storedRequest.ts';
import type { JobContext } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import type { ListedTask, Submission } from './submitTask.ts';
import { parseExternalId } from './externalId.ts';

/** Task `type` values Meshy reports per resource (text-to-motion's exact value is unconfirmed: not checked). */
const TASK_TYPES: Record<string, string | null> = { rigging: 'rig', animations: 'animate', 'text-to-motion': null };

/** Echoed inputs are not documented on task objects; when a field is there it must agree. */
function echoAgrees(task: ListedTask, body: Record<string, unknown>): boolean {
  for (const [key, sent] of Object.entries(body)) {
    if (key === 'model_url' || !(key in task)) continue;
    if (JSON.stringify(task[key]) !== JSON.stringify(sent)) return false;
  }
  return true;
}

function matcher(resource: Submission['resource'], body: Record<string, unknown>): Submission['matches'] {
  const type = TASK_TYPES[resource];
  return (task) => (!type || !task.type || task.type === type) && echoAgrees(task, body);
}

/** The Meshy task id behind a parent or motion job, or a clear failure when it has none. */
function meshyTaskOf(externalId: string | null, what: string): string {
  const parsed = parseExternalId(externalId);
  if (parsed?.kind !== 'task') throw new ProviderError('parent_unsupported', `The ${what} has no Meshy task id; run it again with provider "meshy".`);
  return parsed.id;
}

async function rigBody(req: StoredOf<'rig'>, characters: CharacterStore | null): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = { height_meters: req.heightMeters ?? 1.7 };
  if (req.sourceTaskId) return { input_task_id: req.sourceTaskId, ...body };
  const found = req.characterId && characters ? await characters.read(req.characterId) : null;
  if (!found) throw new ProviderError('character_missing', `Character ${req.characterId ?? ''} no longer exists (or its file is damaged); upload it again.`);
  if (found.meta.format === 'fbx') {
    throw new ProviderError('unsupported_character', `"${found.meta.name}" is an FBX file; Meshy rigging takes a GLB. Export the character as GLB and upload it again.`);
  }
  // Meshy accepts a data URI in model_url, so the character never needs a public URL.
  return { model_url: `data:model/gltf-binary;base64,${Buffer.from(found.bytes).toString('base64')}`, ...body };
}

function animateBody(req: StoredOf<'animate'>, ctx: JobContext): Record<string, unknown> {
  const body: Record<string, unknown> = { rig_task_id: meshyTaskOf(ctx.parent?.externalId ?? null, 'rig job') };
  if (req.actionIds) {
    // A single action goes as action_id, the form every API version accepts.
    if (req.actionIds.length === 1) body.action_id = req.actionIds[0];
    else body.action_ids = req.actionIds;
  } else {
    if (!req.motionSource) throw new ProviderError('parent_unsupported', 'The animation has no textToMotion source recorded; create it again with motionJobId.');
    body.motion_task_id = meshyTaskOf(req.motionSource.externalId, 'textToMotion job');
  }
  if (req.postProcess) {
    body.post_process = {
      operation_type: req.postProcess.operation,
      ...(req.postProcess.operation === 'change_fps' ? { fps: req.postProcess.fps ?? 30 } : {}),
    };
  }
  return body;
}

export async function buildSubmission(ctx: JobContext, characters: CharacterStore | null): Promise<Submission> {
  const req = ctx.request;
  switch (req.kind) {
    case 'rig': {
      const body = await rigBody(req, characters);
      return { op: 'rig', resource: 'rigging', body, matches: matcher('rigging', body) };
    }
    case 'animate': {
      const body = animateBody(req, ctx);
      return { op: 'animate', resource: 'animations', body, matches: matcher('animations', body) };
    }
    case 'textToMotion': {
      const body = { prompt: req.prompt, duration: req.durationSec, mode: req.mode ?? 'prime' };
      return { op: 'textToMotion', resource: 'text-to-motion', body, matches: matcher('text-to-motion', body) };
    }
    default:
      throw new ProviderError('unsupported_operation', `Meshy does not run "${req.kind}" jobs.`);
  }
}
