/**
 * How the contract server reads a process params list: strictly, so a wrongly built or wrongly escaped
 * param makes the request fail (400 with a SayMotion error code) instead of passing unnoticed.
 */
export class ParamError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export const T2M_KEYS = ['prompt', 'model', 'requestedAnimationDuration', 'dis', 'footLockingMode', 'poseFilteringStrength', 'rootAtOrigin', 'skipFBX', 'numVariant'];
export const EDIT_KEYS = ['inPaintingRequest', 'mergingRequest', 'loopRequest', 'refineRequest', 'rerunRequest'] as const;
export const RENDER_KEYS = ['t2m_rid', 'variant_id', 'bgColor', 'backdrop', 'shadow', 'camMode', 'camHorizontalAngle'];
export const BACKDROPS = [
  'studio',
  'Checker_Cloudscape',
  'Golden_Age_Glitz',
  'Inferno_Stage',
  'Jungle_Grove',
  'Mystic_Brick',
  'Mystic_Concrete',
  'Rainbow_Spotlight',
  'Red_Carpet',
  'Retro_Revue',
  'Sakura_Dreamscape',
  'Spotlit_Stage',
  'Timbered_Retreat',
  'Urban_Rooftop',
];

/** key=value, split at the first "=" (values may contain "=", JSON ones do). Duplicate keys are refused. */
export function paramMap(params: unknown): Map<string, string> {
  if (!Array.isArray(params) || params.some((p) => typeof p !== 'string')) throw new ParamError('params must be an array of "key=value" strings', 1102);
  const map = new Map<string, string>();
  for (const p of params as string[]) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new ParamError(`malformed param "${p}"`, 1102);
    const key = p.slice(0, eq);
    if (map.has(key)) throw new ParamError(`param ${key} given twice`, 1102);
    map.set(key, p.slice(eq + 1));
  }
  return map;
}

/** The prompt must be exactly one double-quoted string with no quote inside: that is all the format allows. */
export function quotedPrompt(value: string | undefined): string {
  if (value === undefined) throw new ParamError('prompt is required', 1102);
  if (!/^"[^"\n\r]*"$/.test(value)) throw new ParamError('Error parsing motion generation parameters: prompt must be one double-quoted string', 502);
  const inner = value.slice(1, -1);
  if (inner.trim() === '') throw new ParamError('prompt is empty', 1102);
  return inner;
}

export function numberParam(map: Map<string, string>, key: string, min: number, max: number, integer = false): number | undefined {
  const raw = map.get(key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new ParamError(`${key} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, 1102);
  }
  return n;
}

export function jsonParam(map: Map<string, string>, key: string): Record<string, unknown> {
  const raw = map.get(key)!;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    throw new ParamError(`${key} is not valid JSON`, 502);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ParamError(`${key} must be a JSON object`, 502);
  return v as Record<string, unknown>;
}

function isNum(v: unknown, min: number, max: number, integer = false): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v));
}

/** Validates the one JSON edit request of an edit job against the documented fields. */
export function checkEditRequest(kind: (typeof EDIT_KEYS)[number], body: Record<string, unknown>, outer: { rid: string; variant: number }): void {
  const bad = (what: string) => new ParamError(`${kind}: ${what}`, 1102);
  const optionalPrompt = () => {
    if (body.prompt !== undefined && typeof body.prompt !== 'string') throw bad('prompt must be a string');
  };
  const flag = (k: string) => {
    if (body[k] !== undefined && body[k] !== 0 && body[k] !== 1) throw bad(`${k} must be 0 or 1`);
  };
  switch (kind) {
    case 'inPaintingRequest': {
      if (typeof body.prompt !== 'string' || body.prompt.trim() === '') throw bad('prompt is required');
      const iv = body.intervals;
      if (!Array.isArray(iv) || iv.length === 0) throw bad('intervals must be a non-empty array');
      for (const i of iv as Array<Record<string, unknown>>) {
        if (!isNum(i?.start, 0, 1e6) || !isNum(i?.end, 0, 1e6) || (i.end as number) <= (i.start as number)) throw bad('each interval needs start < end in seconds');
      }
      return;
    }
    case 'mergingRequest': {
      if (body.t2m_rid !== outer.rid || body.variant_id !== outer.variant) throw bad('t2m_rid and variant_id must match the job being merged');
      if (typeof body.prompt !== 'string' || body.prompt.trim() === '') throw bad('prompt is required');
      if (body.editRequest !== undefined) {
        const e = body.editRequest as Record<string, unknown>;
        if (!isNum(e?.numTrimLeft, 0, 1e6, true) || !isNum(e?.numTrimRight, 0, 1e6, true)) throw bad('editRequest needs numTrimLeft and numTrimRight frame counts');
      }
      if (body.blendDuration !== undefined && !isNum(body.blendDuration, 0, 100)) throw bad('blendDuration must be seconds');
      return;
    }
    case 'loopRequest': {
      optionalPrompt();
      if (!isNum(body.numReps, 1, 1000, true)) throw bad('numReps must be an integer >= 1');
      if (body.blendDuration !== undefined && !isNum(body.blendDuration, 0, 100)) throw bad('blendDuration must be seconds');
      if (body.fixRootMode !== undefined && body.fixRootMode !== 'INTERPOLATION' && body.fixRootMode !== 'LOCKED') throw bad('fixRootMode must be INTERPOLATION or LOCKED');
      for (const k of ['fixRootPositionAltitude', 'fixRootPositionHorizontal', 'fixRootOrientation', 'fixAcrossEntireMotion']) flag(k);
      return;
    }
    case 'refineRequest':
      optionalPrompt();
      if (!isNum(body.creativity, 0, 1)) throw bad('creativity must be 0..1');
      return;
    case 'rerunRequest':
      if (body.rerun !== 0 && body.rerun !== 1) throw bad('rerun must be 0 or 1');
      return;
  }
}
