/**
 * Maps a job request onto the engine's operations and exports each resulting variant.
 * Kept separate from the worker entry so it can be unit-tested on the main thread.
 *
 * With an uploaded character, each variant's GLB is that character driven by the motion, and its BVH
 * and FBX are on the character's skeleton (retargetGlb.ts); the native motion file stays canonical,
 * because edits operate on it. Retargeting runs here, in the worker, with synthesis: parsing and
 * writing a character GLB takes 0.1–0.3 s per variant and an FBX 0.4–0.6 s, which on the main thread
 * would stall every API request and event stream for that long.
 */
import type * as Engine from '../../engine/index.ts';
import type { StoredRequest } from '../../contract/storedRequest.ts';
import { actionClipNames, isActionRequest, synthesizeActionMotions } from './actionMotions.ts';
import type { EngineMessage, EngineTask } from './engineProtocol.ts';
import { constrainProviderTake, isProviderPostPass } from './constrainProviderTake.ts';
import { editMotion } from './editMotion.ts';
import { CharacterRetargeter, RetargetError } from './retargetGlb.ts';

type EngineApi = typeof Engine;

const encoder = new TextEncoder();

/** Synthesis takes this share of the progress bar; exports the rest. */
const SYNTH_SHARE = 60;

class EngineInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function runEngineTask(engine: EngineApi, task: EngineTask, post: (m: EngineMessage) => void): Promise<void> {
  const { taskId } = task;
  const req = task.request;
  const progress = (percent: number, stage: string) => post({ taskId, type: 'progress', percent, stage });
  // Read the character before synthesising, so an unusable one fails the job at once.
  const characterFile = task.character ?? null;
  const character = characterFile ? await loadCharacter(characterFile) : null;

  let motions: Engine.Motion[];
  if (task.parentMotion && isProviderPostPass(req, task.parentRequest)) {
    // A provider take with constraints: solve them on its clip rather than synthesising the prompt again.
    progress(10, 'applying constraints locally with IK');
    const result = constrainProviderTake(engine, req, engine.decodeMotion(task.parentMotion));
    post({ taskId, type: 'report', report: result.report });
    motions = result.motions;
  } else if (req.kind === 'text2motion' || req.kind === 'rerun') {
    const prompt = req.kind === 'rerun' ? promptOf(task.parentRequest) : req.prompt;
    const result = engine.text2motion(
      {
        prompt,
        variants: req.variants ?? 1,
        durationSec: req.durationSec ?? 0,
        footLocking: req.footLocking ?? 'auto',
        poseFiltering: req.poseFiltering ?? 0,
        physicsFilter: req.physicsFilter ?? true,
        seed: req.seed ?? 0,
        ...(req.constraints ? { constraints: req.constraints } : {}),
      },
      (p) => progress((p.done / Math.max(1, p.total)) * SYNTH_SHARE, p.stage),
    );
    post({ taskId, type: 'report', report: result.report });
    motions = result.motions;
  } else if (isActionRequest(req)) {
    const result = synthesizeActionMotions(engine, req, progress, SYNTH_SHARE);
    if (result.report) post({ taskId, type: 'report', report: result.report });
    motions = result.motions;
  } else if (task.parentMotion) {
    const result = editMotion(engine, req, engine.decodeMotion(task.parentMotion), (f, stage) => progress(f * SYNTH_SHARE, stage));
    post({ taskId, type: 'report', report: result.report });
    motions = result.motions;
  } else {
    throw new EngineInputError('unsupported_kind', `The local engine cannot run "${req.kind}" jobs without a source variant.`);
  }

  const n = motions.length;
  const clipNames = character && isActionRequest(req) ? actionClipNames(req) : [];
  for (const [i, motion] of motions.entries()) {
    const index = i + 1;
    const base = SYNTH_SHARE + ((100 - SYNTH_SHARE) * i) / n;
    const step = (100 - SYNTH_SHARE) / n;
    const clip = clipNames[i] ?? `variant-${index}`;
    // Only what the viewport needs is made now: FBX (and the mannequin's BVH) are made on first download and
    // cached (server/downloads/variantDownloads.ts), which took an 8 × 10 s job from ~510 ms to well under 300.
    // A character's BVH is on its own skeleton, which the download path does not rebuild, so it is made here.
    let glb: Uint8Array, bvh: Uint8Array | undefined;
    if (character && characterFile) {
      progress(base, `variant ${index}/${n}: putting the motion on the character`);
      // Variant 1 of a rig job is the rigged character itself (for an FBX upload, its GLB conversion).
      const itself = req.kind === 'rig' && index === 1;
      glb = itself ? (character.fromFbx ? await character.characterGlb() : characterFile) : await character.glb(motion, clip);
      progress(base + step * 0.35, `variant ${index}/${n}: exporting BVH on the character's skeleton`);
      bvh = encoder.encode(character.bvh(motion));
    } else {
      progress(base, `variant ${index}/${n}: exporting GLB`);
      glb = await engine.exportGlb(motion, { animationName: clip });
    }
    progress(base + step * 0.9, `variant ${index}/${n}: saving`);
    const encoded = engine.encodeMotion(motion);
    post({ taskId, type: 'variant', index, durationSec: engine.motionDurationSec(motion), files: { glb: copy(glb), motion: copy(encoded), ...(bvh ? { bvh } : {}) } });
  }
}

/** The prompt a rerun synthesises again: its parent's (a rerun stores the prompt it inherited). */
function promptOf(parent: StoredRequest | null): string {
  return parent && 'prompt' in parent && parent.prompt !== undefined ? parent.prompt : '';
}

/**
 * Characters this worker has measured, newest last. Users run many jobs and edits on one character,
 * and loading is the slow part for FBX uploads (1–2 s of FBXLoader); a retargeter restores its
 * document after every variant, so it can be reused.
 */
const loaded = new Map<string, CharacterRetargeter>();
const LOADED_MAX = 2;

/** FNV-1a over the file: cheap next to parsing it, and identifies the character across jobs. */
function keyOf(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}

async function loadCharacter(bytes: Uint8Array): Promise<CharacterRetargeter> {
  const key = keyOf(bytes);
  const hit = loaded.get(key);
  if (hit) {
    loaded.delete(key);
    loaded.set(key, hit);
    return hit;
  }
  try {
    const character = await CharacterRetargeter.load(bytes);
    loaded.set(key, character);
    if (loaded.size > LOADED_MAX) loaded.delete(loaded.keys().next().value!);
    return character;
  } catch (err) {
    // The code travels to the main thread, which names the character in the message.
    if (err instanceof RetargetError) throw Object.assign(new Error(err.message), { code: err.code });
    throw err;
  }
}

/** Variant files are transferred to the main thread; give each its own exactly-sized buffer. */
function copy(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
