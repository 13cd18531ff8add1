/**
 * SayMotion's process params (`["prompt=\"…\"", "numVariant=2", "loopRequest={…}"]`) → our job request,
 * for the local SayMotion-compatible endpoint. The result is validated by the studio's own zod schema,
 * so the wire endpoint accepts exactly what POST /api/jobs accepts, named the SayMotion way.
 */
import { CreateJobRequest, FOOT_LOCKING } from '../contract/api.ts';
import { INVALID_PARAMETER, WireError } from './wireError.ts';

const T2M_KEYS = new Set(['prompt', 'model', 'requestedAnimationDuration', 'dis', 'footLockingMode', 'poseFilteringStrength', 'rootAtOrigin', 'skipFBX', 'numVariant']);
const EDIT_KEYS = ['inPaintingRequest', 'mergingRequest', 'loopRequest', 'refineRequest', 'rerunRequest'] as const;
const RENDER_KEYS = new Set(['t2m_rid', 'variant_id', 'bgColor', 'backdrop', 'shadow', 'camMode', 'camHorizontalAngle']);
const CAM_MODES = ['cinematic', 'fixed', 'face'] as const;

/** Our field names → the wire names a SayMotion client used, for error messages. */
const WIRE_NAMES: Record<string, string> = {
  characterId: 'model',
  variants: 'numVariant',
  durationSec: 'requestedAnimationDuration',
  footLocking: 'footLockingMode',
  poseFiltering: 'poseFilteringStrength',
  physicsFilter: 'dis',
  parentJobId: 't2m_rid',
  variant: 'variant_id',
  intervals: 'inPaintingRequest.intervals',
  trimLeftFrames: 'mergingRequest.editRequest.numTrimLeft',
  trimRightFrames: 'mergingRequest.editRequest.numTrimRight',
  blendSec: 'blendDuration',
  reps: 'loopRequest.numReps',
  rootFixMode: 'loopRequest.fixRootMode',
  creativity: 'refineRequest.creativity',
  camAngleDeg: 'camHorizontalAngle',
};

function bad(message: string): WireError {
  return new WireError(400, message, INVALID_PARAMETER);
}

/** key=value split at the first "=": JSON-valued params contain more of them. */
export function paramMap(params: unknown): Map<string, string> {
  if (!Array.isArray(params) || params.some((p) => typeof p !== 'string')) {
    throw bad('The body must be {"params": ["key=value", ...]}: a list of strings.');
  }
  if (params.length > 50) throw bad('Too many params: at most 50.');
  const map = new Map<string, string>();
  for (const p of params as string[]) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw bad(`Param "${p.slice(0, 60)}" is not of the form key=value.`);
    const key = p.slice(0, eq).trim();
    if (map.has(key)) throw bad(`Param ${key} is given twice.`);
    map.set(key, p.slice(eq + 1));
  }
  return map;
}

/**
 * The prompt value. SayMotion's SDKs send `prompt="<text>"` without escaping inner quotes, so the outer
 * quotes are stripped as-is; a value that is a valid JSON string (a client that escaped properly) is decoded.
 */
export function decodePrompt(raw: string): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    try {
      const decoded = JSON.parse(v) as unknown;
      if (typeof decoded === 'string') return decoded;
    } catch {
      /* unescaped inner quotes: strip the outer pair below */
    }
    return v.slice(1, -1);
  }
  return v;
}

function num(map: Map<string, string>, key: string): number | undefined {
  const raw = map.get(key);
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n)) throw bad(`${key} must be a number, got "${raw.slice(0, 40)}".`);
  return n;
}

function json(map: Map<string, string>, key: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(map.get(key)!);
  } catch {
    throw bad(`${key} must be a JSON object, e.g. ${key}={"prompt": "..."}.`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(`${key} must be a JSON object.`);
  return v as Record<string, unknown>;
}

/** 0/1 flags of the loop request (booleans accepted too). */
function flag(body: Record<string, unknown>, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (v === 1 || v === true) return true;
  if (v === 0 || v === false) return false;
  throw bad(`loopRequest.${key} must be 0 or 1.`);
}

function motionOptions(map: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const model = map.get('model');
  if (model !== undefined) out.characterId = model.trim();
  const duration = num(map, 'requestedAnimationDuration');
  if (duration !== undefined) out.durationSec = duration;
  const dis = map.get('dis');
  if (dis !== undefined) {
    if (dis.trim() !== 's') throw bad('dis only takes the value s (dis=s turns the physics filter off).');
    out.physicsFilter = false;
  }
  const foot = map.get('footLockingMode');
  if (foot !== undefined) {
    if (!(FOOT_LOCKING as readonly string[]).includes(foot.trim())) throw bad(`footLockingMode must be one of ${FOOT_LOCKING.join(', ')}.`);
    out.footLocking = foot.trim();
  }
  const pose = num(map, 'poseFilteringStrength');
  if (pose !== undefined) out.poseFiltering = pose;
  const rootAtOrigin = map.get('rootAtOrigin');
  // Our exports always keep the root joint at the origin; the flag is accepted for compatibility.
  if (rootAtOrigin !== undefined && !['0', '1'].includes(rootAtOrigin.trim())) throw bad('rootAtOrigin must be 0 or 1.');
  const skip = map.get('skipFBX');
  if (skip !== undefined && !['0', '1'].includes(skip.trim())) throw bad('skipFBX must be 0 or 1.');
  return out;
}

function editTarget(map: Map<string, string>): { parentJobId: string; variant: number } {
  const rid = map.get('t2m_rid')?.trim();
  if (!rid) throw bad('t2m_rid is required: the rid of the job to edit.');
  const variant = num(map, 'variant_id') ?? 1;
  return { parentJobId: rid, variant };
}

/** Builds the (not yet validated) request object for a processor and its params. */
function wireToRequest(processor: string, params: unknown): Record<string, unknown> {
  const map = paramMap(params);
  const provider = 'local';
  if (processor === 'render') {
    for (const k of map.keys()) if (!RENDER_KEYS.has(k)) throw bad(`Unknown render param ${k}. Known: ${[...RENDER_KEYS].join(', ')}.`);
    const req: Record<string, unknown> = { provider, kind: 'render', ...editTarget(map) };
    const bg = map.get('bgColor');
    if (bg !== undefined) req.bgColor = bg.split(',').map((v) => Number(v.trim()));
    if (map.has('backdrop')) req.backdrop = map.get('backdrop')!.trim();
    const shadow = num(map, 'shadow');
    if (shadow !== undefined) req.shadow = shadow === 1;
    const cam = num(map, 'camMode');
    if (cam !== undefined) {
      if (!Number.isInteger(cam) || cam < 0 || cam > 2) throw bad('camMode must be 0 (cinematic), 1 (fixed) or 2 (face).');
      req.camMode = CAM_MODES[cam];
    }
    const angle = num(map, 'camHorizontalAngle');
    if (angle !== undefined) req.camAngleDeg = angle;
    return req;
  }
  if (processor !== 'text2motion') throw new WireError(404, `Unknown processor "${processor.slice(0, 40)}": use text2motion or render.`);

  const known = new Set<string>([...T2M_KEYS, 't2m_rid', 'variant_id', ...EDIT_KEYS]);
  for (const k of map.keys()) if (!known.has(k)) throw bad(`Unknown text2motion param ${k}. Known: ${[...known].join(', ')}.`);
  const edits = EDIT_KEYS.filter((k) => map.has(k));
  const variants = num(map, 'numVariant');

  if (!map.has('t2m_rid')) {
    if (edits.length > 0) throw bad(`${edits[0]} needs t2m_rid (the job to edit) and variant_id.`);
    const prompt = map.get('prompt');
    if (prompt === undefined) throw bad('prompt is required, e.g. prompt="a person walks forward then waves".');
    return { provider, kind: 'text2motion', prompt: decodePrompt(prompt), ...motionOptions(map), ...(variants !== undefined ? { variants } : {}) };
  }

  if (edits.length !== 1) throw bad(`An edit job (with t2m_rid) carries exactly one of ${EDIT_KEYS.join(', ')}.`);
  if (map.has('prompt')) throw bad('Edit prompts go inside the edit request (e.g. inPaintingRequest={"prompt": ...}), not in a prompt param.');
  const target = editTarget(map);
  const kind = edits[0]!;
  const body = json(map, kind);
  switch (kind) {
    case 'inPaintingRequest':
      return { provider, kind: 'inpaint', ...target, prompt: body.prompt, intervals: body.intervals };
    case 'mergingRequest': {
      if ((body.t2m_rid !== undefined && body.t2m_rid !== target.parentJobId) || (body.variant_id !== undefined && Number(body.variant_id) !== target.variant)) {
        throw bad('mergingRequest.t2m_rid and variant_id must name the same job and variant as the t2m_rid and variant_id params.');
      }
      const edit = (body.editRequest ?? {}) as Record<string, unknown>;
      return {
        provider,
        kind: 'merge',
        ...target,
        prompt: body.prompt,
        ...(edit.numTrimLeft !== undefined ? { trimLeftFrames: edit.numTrimLeft } : {}),
        ...(edit.numTrimRight !== undefined ? { trimRightFrames: edit.numTrimRight } : {}),
        ...(body.blendDuration !== undefined ? { blendSec: body.blendDuration } : {}),
      };
    }
    case 'loopRequest': {
      const flags = {
        fixAltitude: flag(body, 'fixRootPositionAltitude'),
        fixHorizontal: flag(body, 'fixRootPositionHorizontal'),
        fixOrientation: flag(body, 'fixRootOrientation'),
        acrossEntireMotion: flag(body, 'fixAcrossEntireMotion'),
      };
      return {
        provider,
        kind: 'loop',
        ...target,
        ...(body.prompt !== undefined ? { prompt: body.prompt } : {}),
        reps: body.numReps,
        ...(body.blendDuration !== undefined ? { blendSec: body.blendDuration } : {}),
        ...(body.fixRootMode !== undefined ? { rootFixMode: body.fixRootMode } : {}),
        ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
      };
    }
    case 'refineRequest':
      return {
        provider,
        kind: 'refine',
        ...target,
        ...(body.prompt !== undefined ? { prompt: body.prompt } : {}),
        creativity: body.creativity,
        ...(variants !== undefined ? { variants } : {}),
      };
    case 'rerunRequest':
      if (body.rerun !== undefined && body.rerun !== 0 && body.rerun !== 1) throw bad('rerunRequest.rerun must be 0 or 1.');
      if (variants !== undefined) throw bad('numVariant does not apply to a rerun.');
      return { provider, kind: 'rerun', ...target, ...motionOptions(map) };
  }
}

/** wireToRequest + the studio's schema; errors name the wire fields. */
export function parseWireJob(processor: string, params: unknown): CreateJobRequest {
  const raw = wireToRequest(processor, params);
  const parsed = CreateJobRequest.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : String(issue.path[0] ?? '');
  const wire = WIRE_NAMES[field] ?? field;
  const rest = issue.path.slice(1).map(String).join('.');
  throw bad(`${wire}${rest ? `.${rest}` : ''}: ${issue.message}`);
}
