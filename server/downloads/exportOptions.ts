/**
 * Export options after presets and defaults: what actually decides a download's bytes. One place turns a
 * query (single file or zip) into an ExportSpec, names its cache key and its file-name suffix, so two spellings
 * of the same request (inPlace=1 vs rootMotion=inPlace, asking for the clip's own fps) share one cached file.
 *
 * Presets only fill options the request leaves out:
 *  - unreal:  travel on a root bone; FBX Z-up, centimetres (UnitScaleFactor 1), facing −Y (UE's +Y after its
 *             handedness flip), as the UE mannequin.
 *  - unity:   Y-up metres; bones named after Unity's HumanBodyBones (Hips, LeftUpperLeg, …) so the Humanoid
 *             avatar maps itself without manual fixing.
 *  - blender: Y-up metres (Blender's FBX importer turns it Z-up), travel on the hips.
 *  - godot:   Y-up metres, travel on a root bone (Godot's AnimationTree root-motion track).
 */
import type { ConvertibleFormat, ExportPreset, LockAxis, RootMotionMode } from '../contract/downloads.ts';

/** The FBX coordinate system and unit: what GlobalSettings declares and how the data are written. */
export interface FbxSpace {
  up: 'Y' | 'Z';
  /** Metres are written with UnitScaleFactor 100 (1 unit = 100 cm); centimetres with 1. */
  unit: 'm' | 'cm';
}

export interface ExportSpec {
  format: ConvertibleFormat;
  /** undefined = the motion's own rate. */
  fps: number | undefined;
  rootMotion: RootMotionMode;
  lock: LockAxis[];
  mirror: boolean;
  /** 0 = no keyframe reduction. */
  reduce: number;
  trimStart: number | undefined;
  trimEnd: number | undefined;
  skin: boolean;
  /** Bone names: as the engine exports them (Mixamo style) or Unity's HumanBodyBones. */
  names: 'mixamo' | 'unity';
  fbx: FbxSpace;
  preset: ExportPreset | undefined;
}

export interface ExportQuery {
  format: ConvertibleFormat;
  fps?: number | undefined;
  inPlace?: boolean | undefined;
  skin?: boolean | undefined;
  rootMotion?: RootMotionMode | undefined;
  lock?: LockAxis[] | undefined;
  mirror?: boolean | undefined;
  reduce?: number | undefined;
  preset?: ExportPreset | undefined;
  trimStart?: number | undefined;
  trimEnd?: number | undefined;
}

const PRESET_DEFAULTS: Record<ExportPreset, { rootMotion: RootMotionMode; names: ExportSpec['names']; fbx: FbxSpace }> = {
  unreal: { rootMotion: 'root', names: 'mixamo', fbx: { up: 'Z', unit: 'cm' } },
  unity: { rootMotion: 'hips', names: 'unity', fbx: { up: 'Y', unit: 'm' } },
  blender: { rootMotion: 'hips', names: 'mixamo', fbx: { up: 'Y', unit: 'm' } },
  godot: { rootMotion: 'root', names: 'mixamo', fbx: { up: 'Y', unit: 'm' } },
};

/** `sourceFps` is the motion's own rate: asking for it is the plain file. */
export function exportSpec(q: ExportQuery, sourceFps: number): ExportSpec {
  const preset = q.preset ? PRESET_DEFAULTS[q.preset] : undefined;
  return {
    format: q.format,
    fps: q.fps !== undefined && Math.abs(q.fps - sourceFps) > 1e-6 ? q.fps : undefined,
    rootMotion: q.rootMotion ?? (q.inPlace ? 'inPlace' : (preset?.rootMotion ?? 'hips')),
    lock: [...new Set(q.lock ?? [])].sort(),
    mirror: q.mirror === true,
    reduce: q.reduce ?? 0,
    trimStart: q.trimStart !== undefined && q.trimStart > 0 ? q.trimStart : undefined,
    trimEnd: q.trimEnd,
    // BVH and VRMA are skeleton-only formats: the skin option does not apply to them.
    skin: q.format === 'bvh' || q.format === 'vrma' ? true : q.skin !== false,
    names: preset?.names ?? 'mixamo',
    fbx: q.format === 'fbx' ? (preset?.fbx ?? { up: 'Y', unit: 'm' }) : { up: 'Y', unit: 'm' },
    preset: q.preset,
  };
}

/** True when the spec is the file as the job made it (or would make it): no option changes a byte. */
export function isPlain(s: ExportSpec): boolean {
  return (
    s.fps === undefined &&
    s.rootMotion === 'hips' &&
    s.lock.length === 0 &&
    !s.mirror &&
    s.reduce === 0 &&
    s.trimStart === undefined &&
    s.trimEnd === undefined &&
    s.skin &&
    s.names === 'mixamo' &&
    s.fbx.up === 'Y' &&
    s.fbx.unit === 'm'
  );
}

/** Cache key of a conversion: every field that changes the bytes, in a fixed order. */
export function specKey(s: ExportSpec): string {
  return [
    'conv',
    s.format,
    s.fps ?? 'src',
    s.rootMotion,
    s.lock.join('') || 'free',
    s.mirror ? 'mirror' : 'asis',
    s.reduce ? `r${s.reduce}` : 'keys',
    `t${s.trimStart ?? 0}-${s.trimEnd ?? 'end'}`,
    s.skin ? 'skin' : 'noskin',
    s.names,
    s.format === 'fbx' ? `${s.fbx.up}${s.fbx.unit}` : 'std',
  ].join(':');
}

/** File-name parts that tell two downloads of one variant apart. */
export function specFileParts(s: ExportSpec): string[] {
  const parts: string[] = [];
  if (s.preset) parts.push(s.preset);
  if (s.fps !== undefined) parts.push(`${s.fps}fps`);
  if (s.rootMotion === 'inPlace') parts.push('inplace');
  if (s.rootMotion === 'root') parts.push('rootbone');
  if (s.lock.length) parts.push(`lock${s.lock.join('')}`);
  if (s.mirror) parts.push('mirrored');
  if (s.reduce) parts.push('reduced');
  if (s.trimStart !== undefined || s.trimEnd !== undefined) parts.push(`${s.trimStart ?? 0}-${s.trimEnd ?? 'end'}s`);
  if (!s.skin) parts.push('noskin');
  return parts;
}

/** The export options beyond fps / inPlace / skin, as a zip passes them on to every variant. */
export type ExportOptionFields = Pick<ExportQuery, 'rootMotion' | 'lock' | 'mirror' | 'reduce' | 'preset' | 'trimStart' | 'trimEnd'>;

export function exportOptionFields(q: ExportOptionFields): ExportOptionFields {
  const out: ExportOptionFields = {};
  if (q.rootMotion !== undefined) out.rootMotion = q.rootMotion;
  if (q.lock?.length) out.lock = [...q.lock].sort();
  if (q.mirror) out.mirror = true;
  if (q.reduce) out.reduce = q.reduce;
  if (q.preset !== undefined) out.preset = q.preset;
  if (q.trimStart !== undefined) out.trimStart = q.trimStart;
  if (q.trimEnd !== undefined) out.trimEnd = q.trimEnd;
  return out;
}

/** Suffix of a zip's cache key for those options ('' when none is set, so older keys stay valid). */
export function exportOptionsKey(q: ExportOptionFields): string {
  const f = exportOptionFields(q);
  return Object.keys(f).length
    ? `:${Object.entries(f)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('') : String(v)}`)
        .join(':')}`
    : '';
}
