/**
 * Fetch helpers for the studio API (docs/design/api.md). Every response is parsed with the contract's zod
 * schemas where it enters the app, and every failure becomes an ApiRequestError the UI can explain.
 */
import { Collection as CollectionSchema, DeleteJobResult, JobDeletedEvent } from '../../server/contract/jobLibrary.ts';
import type { Collection, JobListFilter, UpdateJobRequest } from '../../server/contract/jobLibrary.ts';
import { z } from 'zod';
import { LoopWindow, loopWindowUrl } from '../../server/contract/downloads.ts';
import type { LoopWindow as LoopWindowT } from '../../server/contract/downloads.ts';
import { ApiError, Character, Health, Job, JobList, LibraryEntry, ProviderInfo } from '../../server/contract/api.ts';
import { OptimizePromptResponse } from '../../server/contract/promptOptimize.ts';
import type { OptimizePromptRequest, OptimizePromptResponse as OptimizePromptResponseT } from '../../server/contract/promptOptimize.ts';
import { ParsePromptResponse } from '../../server/contract/promptParse.ts';
import type { ParsePromptResponse as ParsePromptResponseT } from '../../server/contract/promptParse.ts';
import type { Character as CharacterT, Job as JobT, JobList as JobListT, LibraryEntry as LibraryEntryT, ProviderInfo as ProviderInfoT } from '../../server/contract/api.ts';
import type { JobRequestDraft } from './jobRequestDraft.ts';

/** A failed API call, carrying the server's `{error: {code, message, field}}` when there was one. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(init: { status: number; code: string; message: string; field?: string | undefined }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
  }

  /** True when the server could not be reached at all (down, restarting, offline). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export function isApiRequestError(e: unknown): e is ApiRequestError {
  return e instanceof ApiRequestError;
}

/** One sentence for any error, for places that only have room for a message. */
export function describeError(e: unknown): string {
  if (e instanceof ApiRequestError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

const NETWORK_MESSAGE = "Can't reach the Kinema server. Check that it is running (npm start) and that this page's address is right, then retry.";

async function readError(res: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: a proxy page or an empty body. Fall through to a generic message.
  }
  const parsed = ApiError.safeParse(body);
  if (parsed.success) {
    return new ApiRequestError({ status: res.status, ...parsed.data.error });
  }
  const generic =
    res.status >= 500 ? `The server failed (HTTP ${res.status}). Retry in a moment; if it keeps happening, check the server log.` : `The request was refused (HTTP ${res.status}).`;
  return new ApiRequestError({ status: res.status, code: `http_${res.status}`, message: generic });
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as the raw request body (character uploads), with its Content-Type. */
  file?: { data: Blob; contentType: string };
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** The response of a call that succeeded (2xx); anything else becomes an ApiRequestError. */
async function send(path: string, opts: RequestOptions = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers: {
        Accept: 'application/json',
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(opts.file ? { 'Content-Type': opts.file.contentType } : {}),
        ...opts.headers,
      },
      body: opts.file ? opts.file.data : opts.body !== undefined ? JSON.stringify(opts.body) : null,
      signal: opts.signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiRequestError({ status: 0, code: 'network_error', message: NETWORK_MESSAGE });
  }
  if (!res.ok) throw await readError(res);
  return res;
}

async function request<S extends z.ZodType>(path: string, schema: S, opts: RequestOptions = {}): Promise<z.infer<S>> {
  const res = await send(path, opts);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ApiRequestError({
      status: res.status,
      code: 'bad_response',
      message: `The server answered ${path} with something that is not JSON. Is another program using this port?`,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // The server and the SPA share one contract; a mismatch means they are from different versions.
    console.error(`Unexpected response from ${path}`, parsed.error.issues, json);
    throw new ApiRequestError({
      status: res.status,
      code: 'bad_response',
      message: `The server's answer to ${path} does not match this studio version (${parsed.error.issues[0]?.path.join('.') ?? '?'}: ${parsed.error.issues[0]?.message ?? 'invalid'}). Reload the page; if it persists, rebuild the app.`,
    });
  }
  return parsed.data;
}

const ProviderList = z.array(ProviderInfo);
const CharacterList = z.array(Character);
const Library = z.array(LibraryEntry);
/** What an upload answers: the new character, plus what the server found the file to be. */
export const UploadedCharacter = Character.extend({ format: z.enum(['glb', 'vrm', 'fbx']), bytes: z.number() });
export type UploadedCharacter = z.infer<typeof UploadedCharacter>;

export interface LibraryFilter {
  search?: string | undefined;
  category?: string | undefined;
}

export const api = {
  health: (signal?: AbortSignal) => request('/api/health', Health, { signal }),

  /** Auto loop's best window of a finished take, with its seam error. */
  loopWindow: (jobId: string, variant: number, signal?: AbortSignal): Promise<LoopWindowT> => request(loopWindowUrl(jobId, variant), LoopWindow, { signal }),

  providers: (signal?: AbortSignal): Promise<ProviderInfoT[]> => request('/api/providers', ProviderList, { signal }),

  characters: (provider: string, signal?: AbortSignal): Promise<CharacterT[]> => request(`/api/characters?provider=${encodeURIComponent(provider)}`, CharacterList, { signal }),

  /** Uploads a character file (GLB, VRM or FBX) as the raw body; the server checks what it really is. */
  uploadCharacter: (file: Blob, name: string, contentType: string): Promise<UploadedCharacter> =>
    request(`/api/characters?name=${encodeURIComponent(name)}`, UploadedCharacter, { method: 'POST', file: { data: file, contentType } }),

  deleteCharacter: async (id: string): Promise<void> => {
    await send(`/api/characters/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },

  /** A provider's action library, filtered by the server (search: name, key or category; category: exact). */
  library: (provider: string, filter: LibraryFilter = {}, signal?: AbortSignal): Promise<LibraryEntryT[]> => {
    const q = new URLSearchParams({ provider });
    if (filter.search?.trim()) q.set('search', filter.search.trim());
    if (filter.category) q.set('category', filter.category);
    return request(`/api/library?${q.toString()}`, Library, { signal });
  },

  /** A page of jobs, newest first, narrowed by the list's search and filters (empty values are left out). */
  jobs: (params: { limit: number; cursor?: string | null; filter?: JobListFilter }, signal?: AbortSignal): Promise<JobListT> => {
    const q = new URLSearchParams({ limit: String(params.limit) });
    if (params.cursor) q.set('cursor', params.cursor);
    for (const [k, v] of Object.entries(params.filter ?? {})) if (typeof v === 'string' && v.trim() !== '') q.set(k, v.trim());
    return request(`/api/jobs?${q.toString()}`, JobList, { signal });
  },

  /** "Use as source": the clip file (GLB, FBX, BVH) becomes an import job, succeeded at once. */
  importClip: (file: Blob, name: string, take: number): Promise<JobT> =>
    request(`/api/imports?name=${encodeURIComponent(name)}&take=${take}`, Job, { method: 'POST', file: { data: file, contentType: 'application/octet-stream' } }),

  updateJob: (id: string, patch: UpdateJobRequest): Promise<JobT> => request(`/api/jobs/${encodeURIComponent(id)}`, Job, { method: 'PATCH', body: patch }),

  /** Deletes a job and its files; `children` says what happens to edits made from it (the server asks with a 409). */
  deleteJob: (id: string, children?: 'delete' | 'keep'): Promise<DeleteJobResult> =>
    request(`/api/jobs/${encodeURIComponent(id)}${children ? `?children=${children}` : ''}`, DeleteJobResult, { method: 'DELETE' }),

  collections: (signal?: AbortSignal): Promise<Collection[]> => request('/api/collections', z.array(CollectionSchema), { signal }),

  createCollection: (name: string): Promise<Collection> => request('/api/collections', CollectionSchema, { method: 'POST', body: { name } }),

  renameCollection: (id: string, name: string): Promise<Collection> => request(`/api/collections/${encodeURIComponent(id)}`, CollectionSchema, { method: 'PATCH', body: { name } }),

  deleteCollection: async (id: string): Promise<void> => {
    await send(`/api/collections/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },

  job: (id: string, signal?: AbortSignal): Promise<JobT> => request(`/api/jobs/${encodeURIComponent(id)}`, Job, { signal }),

  /** `idempotencyKey` makes a double click or a retried request create one job, not two. */
  createJob: (body: JobRequestDraft, idempotencyKey: string): Promise<JobT> => request('/api/jobs', Job, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),

  /** A job's stored request sent again (Retry); the server validates it like any new request. */
  resubmitJob: (stored: JobT['request'], idempotencyKey: string): Promise<JobT> =>
    request('/api/jobs', Job, { method: 'POST', body: stored, headers: { 'Idempotency-Key': idempotencyKey } }),

  cancelJob: (id: string): Promise<JobT> => request(`/api/jobs/${encodeURIComponent(id)}/cancel`, Job, { method: 'POST' }),

  optimizePrompt: (body: OptimizePromptRequest, signal?: AbortSignal): Promise<OptimizePromptResponseT> =>
    request('/api/prompt/optimize', OptimizePromptResponse, { method: 'POST', body, signal }),

  /** How the local engine reads a prompt (the composer's live preview). */
  parsePrompt: (prompt: string, signal?: AbortSignal): Promise<ParsePromptResponseT> =>
    request('/api/prompt/parse', ParsePromptResponse, { method: 'POST', body: { prompt }, signal }),
};

/** Parse one SSE event payload against its schema; null (and a console warning) when it does not match the contract. */
function parseEventData<S extends z.ZodType>(schema: S, name: string, data: string): z.output<S> | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    console.warn(`Ignoring a ${name} event that is not JSON`, data);
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.warn(`Ignoring a ${name} event that does not match the contract`, parsed.error.issues, json);
    return null;
  }
  return parsed.data;
}

/** One SSE `job` event payload: the job's full snapshot. */
export function parseJobEvent(data: string): JobT | null {
  return parseEventData(Job, 'job', data);
}

/** One SSE `deleted` event payload: the id of the job that was deleted. */
export function parseDeletedEvent(data: string): string | null {
  return parseEventData(JobDeletedEvent, 'deleted', data)?.id ?? null;
}
