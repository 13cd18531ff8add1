/**
 * Zod schemas of SayMotion's responses (docs/contracts/saymotion.md). Every upstream reply is parsed
 * with one of these before anything reads it. They are lenient where the vendor's docs disagree with
 * themselves (numbers sent as strings, `id` vs `Id`, bare array vs `{list}`) and strict about what we rely on.
 */
import { z } from 'zod';

/** Accepts 3 and "3": the vendor's own example code calls float() on step/total, so strings occur. */
const num = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)
    .transform(Number),
]);

export const CreditBalance = z.object({
  credits: num,
  subscription: z
    .object({
      name: z.string().optional(),
      credits: num.optional(),
      featureLimits: z.object({ maxVariantsGeneration: num.optional() }).partial().optional(),
      currentPeriod: z.unknown().optional(),
    })
    .partial()
    .nullish(),
});
export type CreditBalance = z.infer<typeof CreditBalance>;

/** A request id goes into URL paths, so it must be a plain token. */
const Rid = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.:-]{1,200}$/, { error: 'request id has unexpected characters' });

export const ProcessReply = z.object({ rid: Rid });

export const StatusEntry = z.object({
  rid: z.string(),
  /** Known states are handled; anything else is treated as "still working" rather than failing the parse. */
  status: z.string(),
  details: z.record(z.string(), z.unknown()).nullish(),
  positionInQueue: num.nullish(),
  /** The Python SDK reads this spelling too. */
  position_in_queue: num.nullish(),
});
export type StatusEntry = z.infer<typeof StatusEntry>;

export const StatusReply = z.object({ count: num, status: z.array(StatusEntry).default([]) });
export type StatusReply = z.infer<typeof StatusReply>;

const UrlGroup = z.object({
  name: z.string().default(''),
  /** Each entry maps one extension to its URL: [{"bvh": "https://…"}, {"glb": "https://…"}]. */
  files: z.array(z.record(z.string(), z.string())).default([]),
});
type UrlGroup = z.infer<typeof UrlGroup>;

export const DownloadLink = z.object({
  rid: z.string(),
  parameters: z.unknown().optional(),
  renderJobList: z.unknown().optional(),
  variantDownloadStatus: z.boolean().optional(),
  urls: z.array(UrlGroup).optional(),
});
export type DownloadLink = z.infer<typeof DownloadLink>;

export const DownloadReply = z.object({ count: num, links: z.array(DownloadLink).default([]) });

export const ListedJob = z.object({
  rid: z.string(),
  processor: z.string().optional(),
  status: z.string().optional(),
  parameters: z.unknown().optional(),
  processingInfo: z.unknown().optional(),
  variants: z.record(z.string(), z.object({ download: z.boolean().optional() }).partial()).nullish(),
  chargedAmount: num.nullish(),
  ctime: num.nullish(),
  mtime: num.nullish(),
});
export type ListedJob = z.infer<typeof ListedJob>;

export const ListReply = z.object({ count: num.optional(), list: z.array(ListedJob).default([]) });

export const CancelReply = z.object({ result: z.boolean() });

export const CharacterModel = z
  .object({
    id: z.string().optional(),
    /** The README's listModels table spells it "Id". */
    Id: z.string().optional(),
    name: z.string().default(''),
    thumb: z.string().nullish(),
    glb: z.string().nullish(),
    rigId: z.unknown().optional(),
    ctime: z.unknown().optional(),
    mtime: z.unknown().optional(),
    platform: z.string().nullish(),
  })
  .transform((m, ctx) => {
    const id = m.id ?? m.Id;
    if (!id) {
      ctx.addIssue({ code: 'custom', message: 'character model without an id' });
      return z.NEVER;
    }
    return { id, name: m.name || id, thumb: m.thumb ?? null, glb: m.glb ?? null, platform: m.platform ?? null };
  });
export type CharacterModel = z.infer<typeof CharacterModel>;

/** Newer docs wrap the list in {"list": [...]}; older ones show a bare array. Both are accepted. */
export const ListModelsReply = z.union([z.array(CharacterModel), z.object({ list: z.array(CharacterModel).default([]) })]).transform((r) => (Array.isArray(r) ? r : r.list));

export const UploadUrlReply = z.object({ modelUrl: z.string().url(), thumbUrl: z.string().url().nullish() });

export const StoreModelReply = z.object({
  modelId: z.string().min(1),
  faceDataType: z.unknown().optional(),
  handDataType: z.unknown().optional(),
});

export const DeleteModelReply = z.object({ count: num });

/** SUCCESS details of a prompt optimisation: `out` is a JSON string holding an array of prompts. */
export const OptimizedPrompts = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'optimised prompts are not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.union([z.array(z.string()), z.string().transform((p) => [p])]));

/** How the API describes an error in a 4xx/5xx body. Only `message` is read by the official SDKs. */
export const ApiErrorBody = z
  .object({
    message: z.string().optional(),
    error: z.union([z.string(), z.object({ message: z.string().optional() }).partial()]).optional(),
    code: z.union([z.number(), z.string()]).optional(),
  })
  .partial();
