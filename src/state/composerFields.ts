/**
 * The composer's form state (editor state: it survives the panel) and the mapping from a job's stored request.
 * Numbers are kept as the strings the user typed, so a half-typed value is never silently "fixed"; the server
 * validates and its message is shown next to the field.
 */
import type { FootLocking, ProviderId } from '../../server/contract/api.ts';

/** The motion options a text2motion job and its reruns share, numbers as typed. */
export interface MotionOptionsForm {
  variants: string;
  /** "0" = the engine decides. */
  durationSec: string;
  footLocking: FootLocking;
  poseFiltering: number;
  physicsFilter: boolean;
  seed: string;
}

export interface ComposerFields extends MotionOptionsForm {
  prompt: string;
  provider: ProviderId;
  characterId: string;
}

export type ComposerFieldName = keyof ComposerFields;

export const DEFAULT_COMPOSER: ComposerFields = {
  prompt: '',
  provider: 'local',
  characterId: '',
  variants: '2',
  durationSec: '0',
  footLocking: 'auto',
  poseFiltering: 0.3,
  physicsFilter: true,
  seed: '',
};

/** Map a job's stored request back onto the form ("use these settings"). Unknown shapes are skipped. */
export function fieldsFromRequest(request: Record<string, unknown>): Partial<ComposerFields> {
  const out: Partial<ComposerFields> = {};
  const r = request;
  if (typeof r.prompt === 'string') out.prompt = r.prompt;
  if (r.provider === 'local' || r.provider === 'saymotion' || r.provider === 'meshy') out.provider = r.provider;
  if (typeof r.characterId === 'string') out.characterId = r.characterId;
  if (typeof r.variants === 'number') out.variants = String(r.variants);
  if (typeof r.durationSec === 'number') out.durationSec = String(r.durationSec);
  if (r.footLocking === 'auto' || r.footLocking === 'always' || r.footLocking === 'never' || r.footLocking === 'grounding') {
    out.footLocking = r.footLocking;
  }
  if (typeof r.poseFiltering === 'number') out.poseFiltering = r.poseFiltering;
  if (typeof r.physicsFilter === 'boolean') out.physicsFilter = r.physicsFilter;
  if (typeof r.seed === 'number') out.seed = String(r.seed);
  return out;
}

const FIELD_NAMES: readonly ComposerFieldName[] = ['prompt', 'provider', 'characterId', 'variants', 'durationSec', 'footLocking', 'poseFiltering', 'physicsFilter', 'seed'];

/**
 * Which form field a server error names. The server may send a JSON path ("prompt", "body.variants",
 * "/durationSec", "intervals[0].end"); the last named segment decides. Null = show it under the button.
 */
export function fieldForErrorPath(path: string | undefined | null): ComposerFieldName | null {
  if (!path) return null;
  const segments = path.split(/[./[\]]+/).filter((s) => s !== '' && !/^\d+$/.test(s));
  const last = segments.at(-1);
  return last && (FIELD_NAMES as readonly string[]).includes(last) ? (last as ComposerFieldName) : null;
}
