/**
 * Our validated job requests → SayMotion's `POST /job/v1/process/{processor}` params list
 * (docs/contracts/saymotion.md). Pure functions: everything they need is passed in, so each mapping
 * is unit-tested param by param.
 */
import { RENDER_BACKDROPS_2D } from '../../contract/api.ts';
import type { StoredRequest } from '../../contract/storedRequest.ts';
import { ProviderError } from '../provider.ts';

/** SayMotion's named 2D backdrops: one list, in the contract, which the API validates against too. */
const BACKDROPS_2D = RENDER_BACKDROPS_2D;

const CAM_MODES = { cinematic: 0, fixed: 1, face: 2 } as const;

export type Processor = 'text2motion' | 'render';

export interface JobParams {
  processor: Processor;
  params: string[];
  /** How many variants the finished job will have to download. */
  variants: number;
}

export interface BuildTarget {
  /** SayMotion character model id for text2motion/rerun; null leaves `model=` out. */
  modelId: string | null;
  /** The parent's SayMotion request id, for edits and renders. */
  parentRid: string | null;
}

/**
 * Makes a prompt safe for the `prompt="…"` param.
 *
 * The wire format wraps the prompt in double quotes and documents no escape syntax; the official SDKs
 * paste the text in unescaped, so a prompt containing `"` produces an ambiguous param. A backslash
 * escape (`\"`) would only work if SayMotion's parser unescapes, which nothing documents, and a literal
 * backslash could then be eaten. So we sanitise instead of escaping, choosing replacements that keep the
 * meaning of a motion description and parse the same way under any plausible parser (strip the outer
 * quotes, JSON-decode, or shell-style split):
 *   - `"` becomes `'` (quoting inside a motion prompt is only emphasis);
 *   - `\` becomes `/` (never meaningful in a motion prompt; `/` reads as "or");
 *   - line breaks separate actions, so they become ", " (or a space after existing punctuation);
 *   - other control characters become spaces and runs of whitespace collapse to one.
 * Commas and `=` are kept: each param is its own array element and its key ends at the first `=`,
 * which is also how the JSON-valued edit params must be read.
 */
export function sanitizePrompt(prompt: string): string {
  const lines = prompt
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  let joined = '';
  for (const line of lines) {
    if (joined === '') joined = line;
    else joined += /[,.;:!?]$/.test(joined) ? ` ${line}` : `, ${line}`;
  }
  return joined
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function promptParam(prompt: string): string {
  return `prompt="${sanitizePrompt(prompt)}"`;
}

/** Numbers as plain decimals: String() never yields exponents for the ranges our schemas allow. */
function n(value: number): string {
  return String(value);
}

function bit(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

interface MotionOptionFields {
  characterId?: string | undefined;
  variants?: number | undefined;
  durationSec?: number | undefined;
  footLocking?: string | undefined;
  poseFiltering?: number | undefined;
  physicsFilter?: boolean | undefined;
}

/** The options text2motion and rerun share; numVariant is added by the caller (rerun may not send it). */
function motionOptionParams(o: MotionOptionFields, modelId: string | null): string[] {
  const out: string[] = [];
  if (modelId) out.push(`model=${modelId}`);
  // 0 means "the model decides", which is what leaving it out does.
  if (o.durationSec !== undefined && o.durationSec > 0) out.push(`requestedAnimationDuration=${n(o.durationSec)}`);
  if (o.physicsFilter === false) out.push('dis=s');
  if (o.footLocking !== undefined) out.push(`footLockingMode=${o.footLocking}`);
  if (o.poseFiltering !== undefined) out.push(`poseFilteringStrength=${n(o.poseFiltering)}`);
  return out;
}

function editHead(target: BuildTarget, variant: number): string[] {
  if (!target.parentRid) throw new ProviderError('parent_not_saymotion', 'This edit needs a parent job made by SayMotion.');
  return [`t2m_rid=${target.parentRid}`, `variant_id=${variant}`];
}

function jsonParam(name: string, value: Record<string, unknown>): string {
  return `${name}=${JSON.stringify(value)}`;
}

function canonicalBackdrop(name: string): string {
  if (name.toLowerCase() === 'studio') return 'studio';
  const hit = BACKDROPS_2D.find((b) => b.toLowerCase() === name.toLowerCase());
  if (!hit) throw new ProviderError('invalid_option', `backdrop must be "studio" or one of SayMotion's 2D backdrops: ${BACKDROPS_2D.join(', ')}.`);
  return hit;
}

export function buildJobParams(req: StoredRequest, target: BuildTarget): JobParams {
  switch (req.kind) {
    case 'text2motion':
      return {
        processor: 'text2motion',
        params: [promptParam(req.prompt), ...motionOptionParams(req, target.modelId), ...(req.variants !== undefined ? [`numVariant=${req.variants}`] : [])],
        variants: req.variants ?? 1,
      };
    case 'rerun':
      return {
        processor: 'text2motion',
        params: [...editHead(target, req.variant), ...motionOptionParams(req, target.modelId), jsonParam('rerunRequest', { rerun: 1 })],
        variants: 1,
      };
    case 'inpaint':
      return {
        processor: 'text2motion',
        params: [...editHead(target, req.variant), jsonParam('inPaintingRequest', { prompt: req.prompt, intervals: req.intervals.map((i) => ({ start: i.start, end: i.end })) })],
        variants: 1,
      };
    case 'merge': {
      const body: Record<string, unknown> = { t2m_rid: target.parentRid, variant_id: req.variant };
      if (req.trimLeftFrames !== undefined || req.trimRightFrames !== undefined) {
        body.editRequest = { numTrimLeft: req.trimLeftFrames ?? 0, numTrimRight: req.trimRightFrames ?? 0 };
      }
      body.prompt = req.prompt;
      if (req.blendSec !== undefined) body.blendDuration = req.blendSec;
      return { processor: 'text2motion', params: [...editHead(target, req.variant), jsonParam('mergingRequest', body)], variants: 1 };
    }
    case 'loop': {
      const body: Record<string, unknown> = {};
      if (req.prompt !== undefined && req.prompt.trim() !== '') body.prompt = req.prompt.trim();
      body.numReps = req.reps;
      if (req.blendSec !== undefined) body.blendDuration = req.blendSec;
      if (req.rootFixMode !== undefined) body.fixRootMode = req.rootFixMode;
      if (req.fixAltitude !== undefined) body.fixRootPositionAltitude = bit(req.fixAltitude);
      if (req.fixHorizontal !== undefined) body.fixRootPositionHorizontal = bit(req.fixHorizontal);
      if (req.fixOrientation !== undefined) body.fixRootOrientation = bit(req.fixOrientation);
      if (req.acrossEntireMotion !== undefined) body.fixAcrossEntireMotion = bit(req.acrossEntireMotion);
      return { processor: 'text2motion', params: [...editHead(target, req.variant), jsonParam('loopRequest', body)], variants: 1 };
    }
    case 'refine': {
      const body: Record<string, unknown> = {};
      if (req.prompt !== undefined && req.prompt.trim() !== '') body.prompt = req.prompt.trim();
      body.creativity = req.creativity;
      return {
        processor: 'text2motion',
        params: [...editHead(target, req.variant), ...(req.variants !== undefined ? [`numVariant=${req.variants}`] : []), jsonParam('refineRequest', body)],
        variants: req.variants ?? 1,
      };
    }
    case 'render': {
      const params = editHead(target, req.variant);
      if (req.bgColor) params.push(`bgColor=${req.bgColor.join(',')}`);
      const backdrop = req.backdrop !== undefined && req.backdrop.trim() !== '' ? canonicalBackdrop(req.backdrop.trim()) : null;
      if (backdrop) params.push(`backdrop=${backdrop}`);
      if (req.shadow !== undefined) {
        if (req.shadow && backdrop && backdrop !== 'studio') {
          throw new ProviderError('invalid_option', `Shadows are not available with the 2D backdrop ${backdrop}; use the studio backdrop or turn shadow off.`);
        }
        params.push(`shadow=${bit(req.shadow)}`);
      }
      if (req.camMode !== undefined) params.push(`camMode=${CAM_MODES[req.camMode]}`);
      if (req.camAngleDeg !== undefined) params.push(`camHorizontalAngle=${n(req.camAngleDeg)}`);
      return { processor: 'render', params, variants: 1 };
    }
    default:
      // Meshy-style kinds (rig, animate, textToMotion) and imports have no SayMotion equivalent; createJob refuses
      // them by capability, so reaching this is a routing bug, reported rather than sent upstream.
      throw new ProviderError('unsupported_operation', `SayMotion does not run "${req.kind}" jobs.`);
  }
}
