/**
 * Managing many takes: list filters, a job's label/star/collection, collections, and deletion.
 * Shared by the server (validation, OpenAPI) and the SPA (types, query strings). No Node or React imports.
 */
import { z } from 'zod';
import { JOB_KINDS, JOB_STATUSES, PROVIDER_IDS } from './api.ts';

export const MAX_JOB_TITLE_CHARS = 120;
export const MAX_COLLECTION_NAME_CHARS = 60;
export const MAX_SEARCH_CHARS = 200;
export const COLLECTION_ID_PATTERN = /^col_[a-z0-9]{8,40}$/;
/** `collection=none` lists the jobs that are in no collection. */
export const NO_COLLECTION = 'none';

const oneOf = (field: string, values: readonly string[]) => z.enum(values as [string, ...string[]], { error: `${field} must be one of: ${values.join(', ')}` });

/** GET /api/jobs query. Every filter is optional; together they narrow (AND). */
export const JobListQuery = z.object({
  // Strict digits: `Number()`-style coercion would accept 0x10, 1e1 or ' 5'.
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: 'limit must be a whole number from 1 to 200' })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: 'limit must be a whole number from 1 to 200' }).max(200, { error: 'limit must be a whole number from 1 to 200' }))
    .default(50),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'cursor must be the nextCursor value of a previous page' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  q: z
    .string()
    .trim()
    .max(MAX_SEARCH_CHARS, { error: `q (search text) must be at most ${MAX_SEARCH_CHARS} characters` })
    .optional(),
  provider: oneOf('provider', PROVIDER_IDS).optional(),
  kind: oneOf('kind', JOB_KINDS).optional(),
  status: oneOf('status', JOB_STATUSES).optional(),
  character: z.string().max(200, { error: 'character must be a character id from GET /api/characters' }).optional(),
  starred: z.enum(['true', 'false'], { error: 'starred must be true or false' }).optional(),
  parent: z
    .string()
    .regex(/^job_[a-z0-9]{8,40}$/, { error: 'parent must be a job id like job_… (lists the jobs made from it)' })
    .optional(),
  collection: z
    .string()
    .refine((v) => v === NO_COLLECTION || COLLECTION_ID_PATTERN.test(v), { error: 'collection must be a collection id like col_… (GET /api/collections) or "none"' })
    .optional(),
});
export type JobListQuery = z.infer<typeof JobListQuery>;
export type JobListFilter = Omit<JobListQuery, 'limit' | 'cursor'>;

const title = z
  .string({ error: 'title must be text, or null to show the prompt again' })
  .trim()
  .max(MAX_JOB_TITLE_CHARS, { error: `title is too long: keep it under ${MAX_JOB_TITLE_CHARS} characters` })
  .transform((t) => (t === '' ? null : t))
  .nullable();

/** PATCH /api/jobs/{id}: any of label, star and collection. */
export const UpdateJobRequest = z
  .strictObject({
    title: title.optional(),
    starred: z.boolean({ error: 'starred must be true or false' }).optional(),
    collectionId: z
      .string({ error: 'collectionId must be a collection id like col_…, or null to take the job out of its collection' })
      .regex(COLLECTION_ID_PATTERN, { error: 'collectionId must be a collection id like col_… (GET /api/collections), or null' })
      .nullable()
      .optional(),
  })
  .refine((r) => r.title !== undefined || r.starred !== undefined || r.collectionId !== undefined, {
    error: 'title: send at least one of title, starred or collectionId',
    path: ['title'],
  });
export type UpdateJobRequest = z.infer<typeof UpdateJobRequest>;

/** DELETE /api/jobs/{id}?children=…: what happens to jobs made from this one (edits, renders). */
export const DELETE_CHILDREN_MODES = ['delete', 'keep'] as const;
export const DeleteJobQuery = z.object({
  children: z.enum(DELETE_CHILDREN_MODES, { error: 'children must be "delete" (remove the edits made from this job too) or "keep" (keep them as jobs of their own)' }).optional(),
});

export const DeleteJobResult = z.object({ deleted: z.array(z.string()) });

/** The data of an SSE `event: deleted` on /api/events and /api/jobs/:id/events: the deleted job's id. */
export const JobDeletedEvent = z.object({ id: z.string().min(1) });
export type DeleteJobResult = z.infer<typeof DeleteJobResult>;

export const Collection = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), jobCount: z.number().int() });
export type Collection = z.infer<typeof Collection>;

export const CollectionBody = z.strictObject({
  name: z
    .string({ error: 'name is required: what the collection groups, e.g. "Boss fight"' })
    .trim()
    .min(1, { error: 'name must not be empty: give the collection a name, e.g. "Boss fight"' })
    .max(MAX_COLLECTION_NAME_CHARS, { error: `name is too long: keep it under ${MAX_COLLECTION_NAME_CHARS} characters` }),
});
export type CollectionBody = z.infer<typeof CollectionBody>;
