/**
 * Downloads with options (formats, fps, in place, with/without skin), one variant at a time or a whole job as a zip.
 * Always served from the local cache, so they outlive the provider's expiring URLs.
 *   GET /api/jobs/:id/downloads                              → what is available (DownloadAvailability)
 *   GET /api/jobs/:id/variants/:variant/download?format=&fps=&inPlace=&skin=
 *   GET /api/jobs/:id/download.zip?formats=glb,fbx,bvh&fps=&inPlace=&skin=
 *   (both take rootMotion=, lock=, mirror=, reduce=, preset=, trimStart=, trimEnd= as well)
 *   GET /api/jobs/:id/variants/:variant/loop-window          → the take's best loop window (LoopWindow)
 */
import { wholeNumber } from '../http/strictNumber.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import { DOWNLOAD_FPS, DownloadAvailability, EXPORT_PRESETS, JobZipQuery, LoopWindow, REDUCE_MAX, ROOT_MOTION_MODES, VariantDownloadQuery } from '../contract/downloads.ts';
import type { DownloadServices } from '../downloads/downloadServices.ts';
import { JobZips } from '../downloads/jobZip.ts';
import { sendFile } from '../downloads/sendFile.ts';
import { VariantDownloads } from '../downloads/variantDownloads.ts';
import { fromZodError, HttpError } from '../http/errors.ts';
import { requireJobId } from './jobs.ts';

function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const r = schema.safeParse(query);
  if (!r.success) throw fromZodError(r.error, 'query string');
  return r.data;
}

export function downloadRoutes(s: DownloadServices) {
  const variants = VariantDownloads.of(s);
  const zips = new JobZips(s, variants);
  return new Hono()
    .get('/jobs/:id/downloads', async (c) => {
      const job = await variants.finishedJob(requireJobId(c.req.param('id')));
      return c.json(await variants.availability(job));
    })
    .get('/jobs/:id/variants/:variant/download', async (c) => {
      const id = requireJobId(c.req.param('id'));
      const variant = wholeNumber(c.req.param('variant'));
      if (!Number.isInteger(variant) || variant < 1 || variant > 8) throw new HttpError(404, 'not_found', 'variant must be a number from 1 to 8.', 'variant');
      const q = parseQuery(VariantDownloadQuery, c.req.query());
      const job = await variants.finishedJob(id);
      return sendFile(c, await variants.file(job, variant, q));
    })
    .get('/jobs/:id/variants/:variant/loop-window', async (c) => {
      const id = requireJobId(c.req.param('id'));
      const variant = Number(c.req.param('variant'));
      if (!Number.isInteger(variant) || variant < 1 || variant > 8) throw new HttpError(404, 'not_found', 'variant must be a number from 1 to 8.', 'variant');
      const job = await variants.finishedJob(id);
      return c.json(await variants.loopWindow(job, variant));
    })
    .get('/jobs/:id/download.zip', async (c) => {
      const id = requireJobId(c.req.param('id'));
      const q = parseQuery(JobZipQuery, c.req.query());
      const job = await variants.finishedJob(id);
      return sendFile(c, await zips.zip(job, q));
    });
}

/** OpenAPI paths of these routes, spliced into /api/openapi.json so the document keeps describing every route. */
export function downloadOpenApiPaths(): Record<string, unknown> {
  const err = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^job_[a-z0-9]{8,40}$' } };
  const options = [
    { name: 'fps', in: 'query', schema: { type: 'integer', enum: [...DOWNLOAD_FPS] }, description: 'Resample to this frame rate (default: as made).' },
    { name: 'inPlace', in: 'query', schema: { type: 'string', enum: ['1', '0', 'true', 'false'] }, description: 'Remove the hips’ horizontal travel.' },
    { name: 'skin', in: 'query', schema: { type: 'string', enum: ['1', '0', 'true', 'false'] }, description: '0 = armature and animation only.' },
    {
      name: 'rootMotion',
      in: 'query',
      schema: { type: 'string', enum: [...ROOT_MOTION_MODES] },
      description: 'hips (as made), root (travel on a root bone), inPlace (travel removed, sway kept).',
    },
    { name: 'lock', in: 'query', schema: { type: 'string', example: 'x,z' }, description: 'Axes whose travel stays at the first frame’s value.' },
    { name: 'mirror', in: 'query', schema: { type: 'string', enum: ['1', '0', 'true', 'false'] }, description: 'Swap left and right.' },
    { name: 'reduce', in: 'query', schema: { type: 'number', minimum: 0, maximum: REDUCE_MAX }, description: 'Keyframe reduction tolerance (GLB, FBX); 0 = every frame keyed.' },
    { name: 'preset', in: 'query', schema: { type: 'string', enum: [...EXPORT_PRESETS] }, description: 'Defaults for a target tool (axes, units, root bone, bone names).' },
    { name: 'trimStart', in: 'query', schema: { type: 'number', minimum: 0 }, description: 'Keep the clip from this time, seconds.' },
    { name: 'trimEnd', in: 'query', schema: { type: 'number', minimum: 0 }, description: 'Keep the clip up to this time, seconds.' },
  ];
  const file = {
    200: { description: 'file bytes' },
    206: { description: 'partial content' },
    400: err('invalid query'),
    404: err('no such job, variant or file'),
    409: err('job not finished'),
    416: err('bad range'),
    422: err('conversion not possible for this variant'),
  };
  return {
    '/api/jobs/{id}/downloads': {
      get: {
        summary: 'Download formats and options available for a finished job',
        parameters: [id],
        responses: {
          200: { description: 'availability', content: { 'application/json': { schema: z.toJSONSchema(DownloadAvailability) } } },
          404: err('no such job'),
          409: err('job not finished'),
        },
      },
    },
    '/api/jobs/{id}/variants/{variant}/download': {
      get: {
        summary: 'One variant file with options: as made, or converted from the local engine’s motion data (cached)',
        parameters: [
          id,
          { name: 'variant', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: 8 } },
          { name: 'format', in: 'query', required: true, schema: { type: 'string' } },
          ...options,
        ],
        responses: file,
      },
    },
    '/api/jobs/{id}/variants/{variant}/loop-window': {
      get: {
        summary: 'The best loop window of a take (pose and velocity match) and its seam error before and after closing',
        parameters: [id, { name: 'variant', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: 8 } }],
        responses: {
          200: { description: 'loop window', content: { 'application/json': { schema: z.toJSONSchema(LoopWindow) } } },
          404: err('no such job or variant'),
          409: err('job not finished'),
          422: err('no motion data, or too short'),
        },
      },
    },
    '/api/jobs/{id}/download.zip': {
      get: {
        summary: 'Every variant of a job in the chosen formats and options, with a manifest.json',
        parameters: [id, { name: 'formats', in: 'query', schema: { type: 'string', example: 'glb,fbx,bvh' } }, ...options],
        responses: file,
      },
    },
  };
}
