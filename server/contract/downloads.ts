/**
 * Download options (Mixamo/Uthana-style export dialog) as zod schemas, shared by the downloads route and the SPA.
 * Query strings carry everything as text, so booleans and fps are parsed from strings here, once.
 * Pure module: no Node or React imports (both sides bundle it).
 */
import { z } from 'zod';
import { FILE_FORMATS } from './api.ts';

/** Formats the server can compute from a local-engine variant's motion data (vrma: VRM Animation, for VRM characters). */
export const CONVERTIBLE_FORMATS = ['glb', 'fbx', 'bvh', 'vrma'] as const;
export type ConvertibleFormat = (typeof CONVERTIBLE_FORMATS)[number];

/** Formats a local-engine variant gets on its first download instead of at job time (cached from then on). */
export const LAZY_FORMATS = ['fbx', 'bvh'] as const satisfies readonly ConvertibleFormat[];

/** The frame rates animators ask for (Meshy, Mixamo and Uthana all offer a subset of these). */
export const DOWNLOAD_FPS = [24, 25, 30, 60, 120] as const;

const flag = (name: string) => z.enum(['1', '0', 'true', 'false'], { error: `${name} must be true or false (or 1/0)` }).transform((v) => v === '1' || v === 'true');

const fps = z.enum(DOWNLOAD_FPS.map(String) as [string, ...string[]], { error: `fps must be one of ${DOWNLOAD_FPS.join(', ')}` }).transform(Number);

/** Where the clip's travel goes: on the hips (as made), onto a root bone under them, or removed (sway kept). */
export const ROOT_MOTION_MODES = ['hips', 'root', 'inPlace'] as const;
export type RootMotionMode = (typeof ROOT_MOTION_MODES)[number];

/** Target tools: each picks defaults for the options below and the FBX axes/units (see server/downloads/exportOptions.ts). */
export const EXPORT_PRESETS = ['unreal', 'unity', 'blender', 'godot'] as const;
export type ExportPreset = (typeof EXPORT_PRESETS)[number];

export const LOCK_AXES = ['x', 'y', 'z'] as const;
export type LockAxis = (typeof LOCK_AXES)[number];

/** Keyframe reduction tolerance bounds (gltf-transform resample: relative error a removed key may introduce). */
export const REDUCE_MAX = 0.05;

const seconds = (name: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: `${name} must be a time in seconds, e.g. ${name}=1.5` })
    .transform(Number);

/** Options that change the motion itself; the same for one file and for a whole job's zip. */
const conversion = {
  /** Resample to this rate; absent = the variant's own rate. */
  fps: fps.optional(),
  /** Legacy spelling of rootMotion=inPlace. */
  inPlace: flag('inPlace').optional(),
  /** false = armature and animation only (no mesh); BVH never has a skin. */
  skin: flag('skin').optional(),
  rootMotion: z.enum(ROOT_MOTION_MODES, { error: `rootMotion must be one of: ${ROOT_MOTION_MODES.join(', ')}` }).optional(),
  /** Comma-separated axes whose travel is held at the first frame's value, e.g. lock=y or lock=x,z. */
  lock: z
    .string()
    .transform((s) =>
      [
        ...new Set(
          s
            .split(',')
            .map((a) => a.trim().toLowerCase())
            .filter(Boolean),
        ),
      ].sort(),
    )
    .pipe(z.array(z.enum(LOCK_AXES, { error: 'lock must be a comma-separated list of x, y, z (e.g. lock=x,z)' })))
    .optional(),
  /** Swap left and right. */
  mirror: flag('mirror').optional(),
  /** Keyframe reduction: drop keys a linear interpolation reproduces within this relative tolerance (0 = off). */
  reduce: z
    .string()
    .regex(/^\d+(\.\d+)?(e-?\d+)?$/i, { error: `reduce must be a number from 0 to ${REDUCE_MAX}, e.g. reduce=0.001` })
    .transform(Number)
    .pipe(z.number().max(REDUCE_MAX, { error: `reduce must be at most ${REDUCE_MAX} (larger tolerances visibly change the motion)` }))
    .optional(),
  preset: z.enum(EXPORT_PRESETS, { error: `preset must be one of: ${EXPORT_PRESETS.join(', ')}` }).optional(),
  /** Keep only this part of the clip, seconds from its start. */
  trimStart: seconds('trimStart').optional(),
  trimEnd: seconds('trimEnd').optional(),
};

const trimOrder = (q: { trimStart?: number | undefined; trimEnd?: number | undefined }) => q.trimStart === undefined || q.trimEnd === undefined || q.trimEnd > q.trimStart;
const trimOrderError = { error: 'trimEnd must be later than trimStart', path: ['trimEnd'] };

export const VariantDownloadQuery = z
  .strictObject({
    format: z.enum(FILE_FORMATS, { error: `format must be one of: ${FILE_FORMATS.join(', ')}` }),
    ...conversion,
  })
  .refine(trimOrder, trimOrderError);
export type VariantDownloadQuery = z.output<typeof VariantDownloadQuery>;

export const JobZipQuery = z
  .strictObject({
    /** Comma-separated formats to put in the zip for every variant; default: glb and bvh. */
    formats: z
      .string()
      .transform((s) => [
        ...new Set(
          s
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(z.enum(FILE_FORMATS, { error: `formats must be a comma-separated list of: ${FILE_FORMATS.join(', ')}` }))
          .min(1, { error: 'formats needs at least one format, e.g. formats=glb,bvh' }),
      )
      .optional(),
    ...conversion,
  })
  .refine(trimOrder, trimOrderError);
export type JobZipQuery = z.output<typeof JobZipQuery>;

/** What can be downloaded for one job: which files exist as made, and whether conversions are possible. */
export const DownloadAvailability = z.object({
  jobId: z.string(),
  fps: z.array(z.number()),
  variants: z.array(
    z.object({
      index: z.number().int(),
      /** Files as the provider (or the engine) made them. */
      native: z.array(z.enum(FILE_FORMATS)),
      /** The variant's own frame rate when known (local engine), else null. */
      fps: z.number().nullable(),
      /** Formats that can be produced with fps / in-place / skin options (empty for provider-made files). */
      convertible: z.array(z.enum(CONVERTIBLE_FORMATS)),
      /** Why conversions are limited, in words for the user; null when everything is available. */
      note: z.string().nullable(),
    }),
  ),
});
export type DownloadAvailability = z.infer<typeof DownloadAvailability>;

export interface DownloadOptions {
  fps?: number | undefined;
  inPlace?: boolean | undefined;
  skin?: boolean | undefined;
  rootMotion?: RootMotionMode | undefined;
  lock?: readonly LockAxis[] | undefined;
  mirror?: boolean | undefined;
  reduce?: number | undefined;
  preset?: ExportPreset | undefined;
  trimStart?: number | undefined;
  trimEnd?: number | undefined;
}

/** Query parameters of the options; omits defaults so the plain case shares the cache key. */
function setOptions(q: URLSearchParams, opts: DownloadOptions): void {
  if (opts.fps !== undefined) q.set('fps', String(opts.fps));
  if (opts.inPlace) q.set('inPlace', '1');
  if (opts.skin === false) q.set('skin', '0');
  if (opts.rootMotion !== undefined) q.set('rootMotion', opts.rootMotion);
  if (opts.lock?.length) q.set('lock', opts.lock.join(','));
  if (opts.mirror) q.set('mirror', '1');
  if (opts.reduce) q.set('reduce', String(opts.reduce));
  if (opts.preset !== undefined) q.set('preset', opts.preset);
  if (opts.trimStart !== undefined) q.set('trimStart', String(opts.trimStart));
  if (opts.trimEnd !== undefined) q.set('trimEnd', String(opts.trimEnd));
}

/** URL of one variant file with options. */
export function variantDownloadUrl(jobId: string, variant: number, format: string, opts: DownloadOptions = {}): string {
  const q = new URLSearchParams({ format });
  setOptions(q, opts);
  return `/api/jobs/${encodeURIComponent(jobId)}/variants/${variant}/download?${q.toString()}`;
}

export function jobZipUrl(jobId: string, formats: readonly string[], opts: DownloadOptions = {}): string {
  const q = new URLSearchParams({ formats: formats.join(',') });
  setOptions(q, opts);
  return `/api/jobs/${encodeURIComponent(jobId)}/download.zip?${q.toString()}`;
}

/** The best loop window of a take (auto loop), as GET /api/jobs/:id/variants/:variant/loop-window reports it. */
export const LoopWindow = z.object({
  jobId: z.string(),
  variant: z.number().int(),
  durationSec: z.number(),
  startSec: z.number(),
  endSec: z.number(),
  /** RMS over joints of the seam jump minus a normal frame step, degrees: before and after closing the seam. */
  seamErrorDeg: z.number(),
  closedSeamErrorDeg: z.number(),
});
export type LoopWindow = z.infer<typeof LoopWindow>;

export function loopWindowUrl(jobId: string, variant: number): string {
  return `/api/jobs/${encodeURIComponent(jobId)}/variants/${variant}/loop-window`;
}
