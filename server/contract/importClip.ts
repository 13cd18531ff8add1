/** POST /api/imports: a clip file (raw body) becomes a take of kind `import` ("Use as source"). */
import { z } from 'zod';

const IMPORT_FORMATS = ['glb', 'fbx', 'bvh'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const ImportQuery = z.object({
  name: z
    .string({ error: 'name is required: add ?name=<the file name> so the take says where it came from' })
    .trim()
    .min(1, { error: 'name must not be empty: send the file name, e.g. ?name=walk.bvh' })
    .max(200, { error: 'name is too long: keep it under 200 characters' }),
  take: z.coerce
    .number({ error: 'take must be the 0-based index of the animation in the file' })
    .int({ error: 'take must be a whole number (0 is the first animation)' })
    .min(0, { error: 'take must be 0 or more (0 is the first animation)' })
    .max(999, { error: 'take must be at most 999' })
    .default(0),
});

/** What an import job's request records (the job list and lineage show it). */
export const ImportRequest = z.object({
  provider: z.literal('local'),
  kind: z.literal('import'),
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  take: z.number().int(),
  clipName: z.string(),
  durationSec: z.number(),
  fps: z.number(),
});
export type ImportRequest = z.infer<typeof ImportRequest>;
