/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError, Character, CreateJobRequest, Health, Job, JOB_KINDS, JOB_STATUSES, JobList, LibraryEntry, PROVIDER_IDS, ProviderInfo } from '../contract/api.ts';
import { Collection, CollectionBody, DELETE_CHILDREN_MODES, DeleteJobResult, UpdateJobRequest } from '../contract/jobLibrary.ts';
import { OptimizePromptRequest, OptimizePromptResponse } from '../contract/promptOptimize.ts';
import { ParsePromptRequest, ParsePromptResponse } from '../contract/promptParse.ts';
import { downloadOpenApiPaths } from './downloads.ts';

function schema(s: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
}

function buildOpenApi(version: string): Record<string, unknown> {
  const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
  const err = (description: string) => ({ description, ...json('Error') });
  const colParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^col_[a-z0-9]{8,40}$' } };
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^job_[a-z0-9]{8,40}$' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kinema studio API',
      version,
      description: 'Prompt-to-animation jobs on the local engine, SayMotion and Meshy. Errors: {"error": {"code", "message", "field"?}}.',
    },
    paths: {
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/api/health': { get: { summary: 'Liveness and version', responses: { 200: { description: 'ok', ...json('Health') } } } },
      '/api/providers': {
        get: {
          summary: 'Providers with configuration state, capabilities and credits',
          responses: { 200: { description: 'providers', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/ProviderInfo' } } } } } },
        },
      },
      '/api/characters': {
        get: {
          summary: 'Characters of a provider',
          parameters: [{ name: 'provider', in: 'query', schema: { type: 'string', enum: ['local', 'saymotion', 'meshy'], default: 'local' } }],
          responses: {
            200: { description: 'characters', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Character' } } } } },
            400: err('bad provider'),
          },
        },
        post: {
          summary: 'Upload a rigged humanoid character (GLB, VRM or FBX, raw file body, at most 50 MiB); it appears in GET /api/characters?provider=local',
          description:
            "Sent as POST /api/characters?name=… with the file as the body and a model Content-Type (model/gltf-binary, application/octet-stream…). The type is checked by the file's bytes.",
          parameters: [{ name: 'name', in: 'query', required: true, schema: { type: 'string', maxLength: 80 } }],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: {
            201: { description: 'stored', ...json('Character') },
            400: err('not a model, bad name, or over a model limit (size, depth, counts, inflated bytes)'),
            413: err('over 50 MiB'),
            415: err('not a model Content-Type'),
            429: err('too many uploads'),
            507: err('character quota full, or the disk is full'),
          },
        },
      },
      '/api/characters/{characterId}': {
        delete: {
          summary: 'Delete an uploaded character',
          parameters: [{ name: 'characterId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'deleted' }, 404: err('no such character') },
        },
      },
      '/api/characters/{characterId}/model': {
        get: {
          summary: 'The uploaded character file',
          parameters: [{ name: 'characterId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'file bytes' }, 404: err('no such character') },
        },
      },
      '/api/library': {
        get: {
          summary: "A provider's action library (local or meshy), searchable by name/key/category",
          parameters: [
            { name: 'provider', in: 'query', schema: { type: 'string', enum: ['local', 'meshy'], default: 'local' } },
            { name: 'search', in: 'query', schema: { type: 'string' } },
            { name: 'category', in: 'query', schema: { type: 'string' } },
            { name: 'subCategory', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            200: { description: 'entries', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/LibraryEntry' } } } } },
            400: err('bad provider'),
            503: err('provider catalog unavailable'),
          },
        },
      },
      '/api/prompt/optimize': {
        post: {
          summary: "Split a prompt into actionable sub-prompts (local rule-based, or SayMotion's optimiser)",
          requestBody: { required: true, ...json('OptimizePromptRequest') },
          responses: { 200: { description: 'suggestions', ...json('OptimizePromptResponse') }, 400: err('invalid request or provider without an optimiser') },
        },
      },
      '/api/prompt/parse': {
        post: {
          summary:
            'How the local engine reads a prompt: planned steps, ignored words, unread clauses with suggested library actions, ambiguities, and whether it understood all, part or nothing',
          requestBody: { required: true, ...json('ParsePromptRequest') },
          responses: { 200: { description: 'the reading', ...json('ParsePromptResponse') }, 400: err('invalid request'), 429: err('too many parse requests') },
        },
      },
      '/api/jobs': {
        post: {
          summary: 'Create a job (text2motion or an edit of a variant)',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              schema: { type: 'string', maxLength: 128 },
              description: 'Retrying with the same key returns the first job instead of creating another.',
            },
          ],
          requestBody: { required: true, ...json('CreateJobRequest') },
          responses: {
            201: { description: 'created', ...json('Job') },
            200: { description: 'replayed (same Idempotency-Key)', ...json('Job') },
            400: err('invalid request (clip_too_long: an edit past 10 minutes)'),
            404: err('unknown parent job'),
            409: err('parent not succeeded'),
            413: err('body too large'),
            415: err('not JSON'),
            422: err(
              'Idempotency-Key reused with a different body, or a local text2motion prompt with no action the engine understands (set acceptIdleTake to generate idle takes anyway)',
            ),
            429: err('rate limited'),
            503: err('data directory read-only'),
            507: err('disk full'),
          },
        },
        get: {
          summary: 'Jobs, newest first',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
            { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 }, description: "Text in the job's label or prompt (case-blind)." },
            { name: 'provider', in: 'query', schema: { type: 'string', enum: [...PROVIDER_IDS] } },
            { name: 'kind', in: 'query', schema: { type: 'string', enum: [...JOB_KINDS] } },
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...JOB_STATUSES] } },
            { name: 'character', in: 'query', schema: { type: 'string' }, description: 'A character id; "mannequin" also matches jobs made before characters existed.' },
            { name: 'starred', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
            { name: 'collection', in: 'query', schema: { type: 'string' }, description: 'A collection id (col_…), or "none" for jobs in no collection.' },
            { name: 'parent', in: 'query', schema: { type: 'string' }, description: 'Only the jobs made directly from this job (its edits and renders).' },
          ],
          responses: { 200: { description: 'a page of jobs', ...json('JobList') }, 400: err('bad limit, cursor or filter (the field is named)') },
        },
      },
      '/api/jobs/{id}': {
        get: { summary: 'One job', parameters: [idParam], responses: { 200: { description: 'job', ...json('Job') }, 404: err('no such job') } },
        patch: {
          summary: 'Label, star or file a job in a collection (title null shows the prompt again; collectionId null takes it out)',
          parameters: [idParam],
          requestBody: { required: true, ...json('UpdateJobRequest') },
          responses: { 200: { description: 'job', ...json('Job') }, 400: err('invalid field or unknown collection'), 404: err('no such job') },
        },
        delete: {
          summary: 'Delete a job and its files; a running job is canceled first. A job with edits made from it needs children=delete or children=keep.',
          parameters: [idParam, { name: 'children', in: 'query', schema: { type: 'string', enum: [...DELETE_CHILDREN_MODES] } }],
          responses: {
            200: { description: 'the deleted job ids', ...json('DeleteJobResult') },
            400: err('bad children value'),
            404: err('no such job'),
            409: err('has children: say what to do with them'),
          },
        },
      },
      '/api/imports': {
        post: {
          summary:
            'Use a clip as a source: a GLB, FBX or BVH file (raw body, at most 50 MiB) becomes a succeeded job of kind "import" whose variant is that motion on the canonical rig, ready for inpaint, merge, loop, render and every export',
          parameters: [
            { name: 'name', in: 'query', required: true, schema: { type: 'string', maxLength: 200 }, description: 'The file name, shown on the take.' },
            { name: 'take', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 }, description: 'Which animation of a file with several (0-based).' },
          ],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: {
            201: { description: 'the import job', ...json('Job') },
            400: err('bad name or take, empty body'),
            413: err('over 50 MiB'),
            415: err('not a GLB, FBX or BVH file'),
            422: err('no animation, or no humanoid skeleton'),
          },
        },
      },
      '/api/collections': {
        get: {
          summary: 'Collections (named groups of jobs) with their job counts, by name',
          responses: { 200: { description: 'collections', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Collection' } } } } } },
        },
        post: {
          summary: 'Create a collection',
          requestBody: { required: true, ...json('CollectionBody') },
          responses: { 201: { description: 'created', ...json('Collection') }, 400: err('bad name'), 409: err('name taken') },
        },
      },
      '/api/collections/{id}': {
        patch: {
          summary: 'Rename a collection',
          parameters: [colParam],
          requestBody: { required: true, ...json('CollectionBody') },
          responses: { 200: { description: 'renamed', ...json('Collection') }, 400: err('bad name'), 404: err('no such collection'), 409: err('name taken') },
        },
        delete: {
          summary: 'Delete a collection; its jobs stay, in no collection',
          parameters: [colParam],
          responses: { 200: { description: 'deleted' }, 404: err('no such collection') },
        },
      },
      '/api/jobs/{id}/cancel': {
        post: {
          summary: 'Cancel a queued or running job',
          parameters: [idParam],
          responses: { 200: { description: 'job', ...json('Job') }, 404: err('no such job'), 409: err('already finished') },
        },
      },
      '/api/jobs/{id}/events': {
        get: {
          summary: 'SSE stream of one job: first the current Job, then one event per change; ends after a terminal state or an `event: deleted`. Honours Last-Event-ID.',
          parameters: [idParam, { name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } }],
          responses: {
            200: { description: 'text/event-stream of `event: job` with Job JSON data', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            404: err('no such job'),
          },
        },
      },
      '/api/events': {
        get: {
          summary: 'SSE stream of every job change (`event: job`, Job JSON) and deletion (`event: deleted`, `{"id": jobId}`); never ends on its own. Honours Last-Event-ID.',
          parameters: [{ name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } }],
          responses: {
            200: {
              description: 'text/event-stream of `event: job` (Job JSON) and `event: deleted` ({"id": jobId})',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
          },
        },
      },
      '/api/jobs/{id}/variants/{variant}/files/{format}': {
        get: {
          summary: 'A variant file from the local cache (Range supported)',
          parameters: [
            idParam,
            { name: 'variant', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: 8 } },
            { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['glb', 'fbx', 'bvh', 'mp4', 'usdz', 'zip'] } },
          ],
          responses: { 200: { description: 'file bytes' }, 206: { description: 'partial content' }, 404: err('no such file'), 416: err('bad range') },
        },
      },
      ...downloadOpenApiPaths(),
    },
    components: {
      schemas: {
        Health: schema(Health),
        ProviderInfo: schema(ProviderInfo),
        Character: schema(Character),
        CreateJobRequest: schema(CreateJobRequest),
        Job: schema(Job),
        JobList: schema(JobList),
        Error: schema(ApiError),
        LibraryEntry: schema(LibraryEntry),
        OptimizePromptRequest: schema(OptimizePromptRequest),
        OptimizePromptResponse: schema(OptimizePromptResponse),
        UpdateJobRequest: schema(UpdateJobRequest),
        DeleteJobResult: schema(DeleteJobResult),
        Collection: schema(Collection),
        CollectionBody: schema(CollectionBody),
        ParsePromptRequest: schema(ParsePromptRequest),
        ParsePromptResponse: schema(ParsePromptResponse),
      },
    },
  };
}

export function openApiRoutes(s: { readonly version: string }) {
  const doc = buildOpenApi(s.version);
  return new Hono().get('/openapi.json', (c) => c.json(doc));
}
