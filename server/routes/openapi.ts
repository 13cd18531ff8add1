/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError, Character, CreateJobRequest, Health, Job, JobList, LibraryEntry, ProviderInfo } from '../contract/api.ts';
import { OptimizePromptRequest, OptimizePromptResponse } from '../contract/promptOptimize.ts';
import type { Services } from '../services.ts';
import { downloadOpenApiPaths } from './downloads.ts';

function schema(s: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(s, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
}

export function buildOpenApi(version: string): Record<string, unknown> {
  const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
  const err = (description: string) => ({ description, ...json('Error') });
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^job_[a-z0-9]{8,40}$' } };
  return {
    openapi: '3.1.0',
    info: { title: 'Kinema studio API', version, description: 'Prompt-to-animation jobs on the local engine, SayMotion and Meshy. Errors: {"error": {"code", "message", "field"?}}.' },
    paths: {
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/api/health': { get: { summary: 'Liveness and version', responses: { 200: { description: 'ok', ...json('Health') } } } },
      '/api/providers': { get: { summary: 'Providers with configuration state, capabilities and credits', responses: { 200: { description: 'providers', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/ProviderInfo' } } } } } } } },
      '/api/characters': {
        get: {
          summary: 'Characters of a provider',
          parameters: [{ name: 'provider', in: 'query', schema: { type: 'string', enum: ['local', 'saymotion', 'meshy'], default: 'local' } }],
          responses: { 200: { description: 'characters', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Character' } } } } }, 400: err('bad provider') },
        },
        post: {
          summary: 'Upload a rigged humanoid character (GLB, VRM or FBX, raw file body, at most 50 MiB); it appears in GET /api/characters?provider=local',
          description: 'Sent as POST /api/characters?name=… with the file as the body and a model Content-Type (model/gltf-binary, application/octet-stream…). The type is checked by the file\'s bytes.',
          parameters: [{ name: 'name', in: 'query', required: true, schema: { type: 'string', maxLength: 80 } }],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { 201: { description: 'stored', ...json('Character') }, 400: err('not a model, bad name, or over a model limit (size, depth, counts, inflated bytes)'), 413: err('over 50 MiB'), 415: err('not a model Content-Type'), 429: err('too many uploads'), 507: err('character quota full, or the disk is full') },
        },
      },
      '/api/characters/{characterId}': {
        delete: { summary: 'Delete an uploaded character', parameters: [{ name: 'characterId', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'deleted' }, 404: err('no such character') } },
      },
      '/api/characters/{characterId}/model': {
        get: { summary: 'The uploaded character file', parameters: [{ name: 'characterId', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'file bytes' }, 404: err('no such character') } },
      },
      '/api/library': {
        get: {
          summary: 'A provider\'s action library (local or meshy), searchable by name/key/category',
          parameters: [
            { name: 'provider', in: 'query', schema: { type: 'string', enum: ['local', 'meshy'], default: 'local' } },
            { name: 'search', in: 'query', schema: { type: 'string' } },
            { name: 'category', in: 'query', schema: { type: 'string' } },
            { name: 'subCategory', in: 'query', schema: { type: 'string' } },
          ],
          responses: { 200: { description: 'entries', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/LibraryEntry' } } } } }, 400: err('bad provider'), 503: err('provider catalog unavailable') },
        },
      },
      '/api/prompt/optimize': {
        post: {
          summary: 'Split a prompt into actionable sub-prompts (local rule-based, or SayMotion\'s optimiser)',
          requestBody: { required: true, ...json('OptimizePromptRequest') },
          responses: { 200: { description: 'suggestions', ...json('OptimizePromptResponse') }, 400: err('invalid request or provider without an optimiser') },
        },
      },
      '/api/jobs': {
        post: {
          summary: 'Create a job (text2motion or an edit of a variant)',
          parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', maxLength: 128 }, description: 'Retrying with the same key returns the first job instead of creating another.' }],
          requestBody: { required: true, ...json('CreateJobRequest') },
          responses: { 201: { description: 'created', ...json('Job') }, 200: { description: 'replayed (same Idempotency-Key)', ...json('Job') }, 400: err('invalid request (clip_too_long: an edit past 10 minutes)'), 404: err('unknown parent job'), 409: err('parent not succeeded'), 413: err('body too large'), 415: err('not JSON'), 422: err('Idempotency-Key reused with a different body'), 429: err('rate limited'), 503: err('data directory read-only'), 507: err('disk full') },
        },
        get: {
          summary: 'Jobs, newest first',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: { 200: { description: 'a page of jobs', ...json('JobList') }, 400: err('bad limit or cursor') },
        },
      },
      '/api/jobs/{id}': { get: { summary: 'One job', parameters: [idParam], responses: { 200: { description: 'job', ...json('Job') }, 404: err('no such job') } } },
      '/api/jobs/{id}/cancel': { post: { summary: 'Cancel a queued or running job', parameters: [idParam], responses: { 200: { description: 'job', ...json('Job') }, 404: err('no such job'), 409: err('already finished') } } },
      '/api/jobs/{id}/events': {
        get: {
          summary: 'SSE stream of one job: first the current Job, then one event per change; ends after a terminal state. Honours Last-Event-ID.',
          parameters: [idParam, { name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } }],
          responses: { 200: { description: 'text/event-stream of `event: job` with Job JSON data', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 404: err('no such job') },
        },
      },
      '/api/events': {
        get: {
          summary: 'SSE stream of every job change; never ends on its own. Honours Last-Event-ID.',
          parameters: [{ name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } }],
          responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
        },
      },
      '/api/jobs/{id}/variants/{variant}/files/{format}': {
        get: {
          summary: 'A variant file from the local cache (Range supported)',
          parameters: [idParam, { name: 'variant', in: 'path', required: true, schema: { type: 'integer', minimum: 1, maximum: 8 } }, { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['glb', 'fbx', 'bvh', 'mp4', 'usdz', 'zip'] } }],
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
      },
    },
  };
}

export function openApiRoutes(s: Services) {
  const doc = buildOpenApi(s.version);
  return new Hono().get('/openapi.json', (c) => c.json(doc));
}
