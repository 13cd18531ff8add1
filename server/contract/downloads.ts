/**
 * Download options (Mixamo/Uthana-style export dialog) as zod schemas, shared by the downloads route and the SPA.
 * Query strings carry everything as text, so booleans and fps are parsed from strings here, once.
 * Pure module: no Node or React imports (both sides bundle it).
 */
import { z } from 'zod';
import { FILE_FORMATS } from './api.ts';

/** Formats the server can compute from a local-engine variant's motion data. */
export const CONVERTIBLE_FORMATS = ['glb', 'fbx', 'bvh'] as const;
export type ConvertibleFormat = (typeof CONVERTIBLE_FORMATS)[number];

/** The frame rates animators ask for (Meshy, Mixamo and Uthana all offer a subset of these). */
export const DOWNLOAD_FPS = [24, 25, 30, 60] as const;
export type DownloadFps = (typeof DOWNLOAD_FPS)[number];

const flag = (name: string) =>
  z.enum(['1', '0', 'true', 'false'], { error: `${name} must be true or false (or 1/0)` }).transform((v) => v === '1' || v === 'true');

const fps = z
  .enum(DOWNLOAD_FPS.map(String) as [string, ...string[]], { error: `fps must be one of ${DOWNLOAD_FPS.join(', ')}` })
  .transform(Number);

/** Options that change the motion itself; the same for one file and for a whole job's zip. */
const conversion = {
  /** Resample to this rate; absent = the variant's own rate. */
  fps: fps.optional(),
  /** Remove the hips' horizontal travel so the character stays over the origin. */
  inPlace: flag('inPlace').optional(),
  /** false = armature and animation only (no mesh); BVH never has a skin. */
  skin: flag('skin').optional(),
};

export const VariantDownloadQuery = z.strictObject({
  format: z.enum(FILE_FORMATS, { error: `format must be one of: ${FILE_FORMATS.join(', ')}` }),
  ...conversion,
});
export type VariantDownloadQuery = z.output<typeof VariantDownloadQuery>;

export const JobZipQuery = z.strictObject({
  /** Comma-separated formats to put in the zip for every variant; default: glb and bvh. */
  formats: z
    .string()
    .transform((s) => [...new Set(s.split(',').map((f) => f.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.enum(FILE_FORMATS, { error: `formats must be a comma-separated list of: ${FILE_FORMATS.join(', ')}` }))
        .min(1, { error: 'formats needs at least one format, e.g. formats=glb,bvh' }),
    )
    .optional(),
  ...conversion,
});
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
}

/** URL of one variant file with options; omits defaults so the plain case shares the cache key. */
export function variantDownloadUrl(jobId: string, variant: number, format: string, opts: DownloadOptions = {}): string {
  const q = new URLSearchParams({ format });
  if (opts.fps !== undefined) q.set('fps', String(opts.fps));
  if (opts.inPlace) q.set('inPlace', '1');
  if (opts.skin === false) q.set('skin', '0');
  return `/api/jobs/${encodeURIComponent(jobId)}/variants/${variant}/download?${q.toString()}`;
}

export function jobZipUrl(jobId: string, formats: readonly string[], opts: DownloadOptions = {}): string {
  const q = new URLSearchParams({ formats: formats.join(',') });
  if (opts.fps !== undefined) q.set('fps', String(opts.fps));
  if (opts.inPlace) q.set('inPlace', '1');
  if (opts.skin === false) q.set('skin', '0');
  return `/api/jobs/${encodeURIComponent(jobId)}/download.zip?${q.toString()}`;
}
