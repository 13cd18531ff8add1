/**
 * Thin HTTP client for Meshy's OpenAPI (shared/contracts/meshy.md). It owns the bearer key: the
 * key goes only to the configured API origin, never across a redirect and never to the signed asset
 * URLs (which are fetched without credentials). Every answer is size-capped and zod-parsed, and
 * every error message is scrubbed of the key before it can reach a log line or a user.
 */
import { secretScrubber } from '../../http/scrubSecrets.ts';
import type { z } from 'zod';
import { AssetHostPolicy, DEFAULT_ASSET_HOSTS } from '../assetHosts.ts';
import type { Logger } from '../../log.ts';
import { MeshyApiError } from './meshyApiError.ts';
import {
  Balance,
  CreateResponse,
  ErrorBody,
  LibraryResponse,
  MeshyTask,
  PublicCatalogResponse,
  TaskList,
  type MeshyResource,
} from './meshyWire.ts';

export interface MeshyCredentials {
  baseUrl: string;
  apiKey: string;
  /** Hosts result files may be downloaded from, besides the API host (see providers/assetHosts.ts). */
  assetHosts?: readonly string[];
}

export interface ClientTiming {
  /** GET/DELETE and small requests. */
  requestTimeoutMs: number;
  /** Creates may carry a character as a data URI of tens of MB. */
  createTimeoutMs: number;
  /** Result files can be tens of MB. */
  downloadTimeoutMs: number;
}

export const DEFAULT_CLIENT_TIMING: ClientTiming = { requestTimeoutMs: 30_000, createTimeoutMs: 180_000, downloadTimeoutMs: 300_000 };

/** Caps from the official CLI: task JSON 16 MiB; result files are bounded separately. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
export const MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;

/** Connection errors that prove the request never left: resending cannot double anything. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export interface ListOptions {
  pageNum?: number;
  pageSize?: number;
  sortBy?: '+created_at' | '-created_at';
}

/** Retry-After as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class MeshyClient {
  private readonly base: URL;
  private readonly assets: AssetHostPolicy;
  private readonly fetchFn: typeof fetch;
  private timing: ClientTiming;
  private readonly scrubber: (text: string) => string;

  constructor(
    private readonly creds: MeshyCredentials,
    opts: { fetch?: typeof fetch; timing?: Partial<ClientTiming>; log?: Logger } = {},
  ) {
    this.base = new URL(creds.baseUrl.replace(/\/+$/, '') + '/');
    this.assets = new AssetHostPolicy(creds.baseUrl, creds.assetHosts ?? DEFAULT_ASSET_HOSTS.meshy);
    this.fetchFn = opts.fetch ?? fetch;
    this.timing = { ...DEFAULT_CLIENT_TIMING, ...opts.timing };
    this.scrubber = secretScrubber([creds.apiKey]);
  }

  setTiming(t: Partial<ClientTiming>): void {
    this.timing = { ...this.timing, ...t };
  }

  /** Removes the key from any text that came back from upstream or the network stack. */
  scrub(text: string): string {
    return this.scrubber(text);
  }

  /** Plain-HTTP asset URLs are only accepted when the API itself is configured over HTTP (local tests). */
  get allowsHttpAssets(): boolean {
    return this.base.protocol === 'http:';
  }

  private apiUrl(path: string, query?: Record<string, string | number>): URL {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
    return url;
  }

  private async send(url: URL, init: RequestInit & { timeoutMs: number; auth: boolean }, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(init.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers = new Headers(init.headers);
    if (init.auth) headers.set('Authorization', `Bearer ${this.creds.apiKey}`);
    headers.set('User-Agent', 'kinema-studio');
    try {
      // Never follow redirects with the key attached: a redirect is reported instead.
      return await this.fetchFn(url, { ...init, headers, signal: combined, redirect: init.auth ? 'manual' : 'follow' });
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) throw new MeshyApiError('timeout', null, `no answer within ${Math.round(init.timeoutMs / 1000)} s`);
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const detail = this.scrub(`${(err as Error).message}${cause?.code ? ` (${cause.code})` : cause?.message ? ` (${cause.message})` : ''}`);
      throw new MeshyApiError('network', null, detail, { maybeReceived: !(cause?.code && NOT_SENT_CODES.has(cause.code)) });
    }
  }

  private async readCapped(res: Response, max: number): Promise<Uint8Array> {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > max) throw new MeshyApiError('protocol', res.status, `answer of ${declared} bytes exceeds the ${max}-byte limit`);
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > max) throw new MeshyApiError('protocol', res.status, `answer of ${buf.byteLength} bytes exceeds the ${max}-byte limit`);
    return buf;
  }

  private async failure(res: Response): Promise<MeshyApiError> {
    if (res.status >= 300 && res.status < 400) {
      return new MeshyApiError('protocol', res.status, `Meshy redirected to ${this.scrub(res.headers.get('location') ?? 'another address')}; set MESHY_API_BASE to the final https address`);
    }
    let text = '';
    try {
      text = new TextDecoder().decode(await this.readCapped(res, 64 * 1024));
    } catch {
      /* the status alone is enough */
    }
    let message = text.slice(0, 500);
    let code: string | undefined;
    try {
      const body = ErrorBody.safeParse(JSON.parse(text));
      if (body.success) {
        message = body.data.message ?? message;
        code = body.data.error_code ?? body.data.code;
      }
    } catch {
      /* not JSON: keep the text */
    }
    return new MeshyApiError('http', res.status, this.scrub(message || res.statusText || `HTTP ${res.status}`), {
      code,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
    });
  }

  private async json<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    opts: { body?: unknown; query?: Record<string, string | number>; signal?: AbortSignal; timeoutMs?: number; auth?: boolean; absolute?: URL } = {},
  ): Promise<{ data: z.infer<S>; res: Response }> {
    const url = opts.absolute ?? this.apiUrl(path, opts.query);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await this.send(
      url,
      { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), timeoutMs: opts.timeoutMs ?? this.timing.requestTimeoutMs, auth: opts.auth ?? true },
      opts.signal,
    );
    if (!res.ok) throw await this.failure(res);
    const raw = new TextDecoder().decode(await this.readCapped(res, MAX_JSON_BYTES));
    let value: unknown;
    try {
      value = raw.trim() === '' ? {} : JSON.parse(raw);
    } catch {
      throw new MeshyApiError('protocol', res.status, `${method} ${path} answered with invalid JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MeshyApiError('protocol', res.status, `${method} ${path} answered an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`);
    }
    return { data: parsed.data, res };
  }

  /** POSTs a paid task once (no retries here: callers decide, see submitTask.ts); returns the task id. */
  async create(resource: MeshyResource, body: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
    const { data } = await this.json('POST', `openapi/v1/${resource}`, CreateResponse, { body, signal, timeoutMs: this.timing.createTimeoutMs });
    return data.result;
  }

  async getTask(resource: MeshyResource, id: string, signal?: AbortSignal): Promise<{ task: MeshyTask; retryAfterMs: number | null }> {
    const { data, res } = await this.json('GET', `openapi/v1/${resource}/${encodeURIComponent(id)}`, MeshyTask, { signal });
    return { task: data, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
  }

  /** Raw list items, newest first by default; callers parse each item loosely. */
  async listTasks(resource: MeshyResource, opts: ListOptions = {}, signal?: AbortSignal): Promise<unknown[]> {
    const query = { page_num: opts.pageNum ?? 1, page_size: Math.min(50, opts.pageSize ?? 50), sort_by: opts.sortBy ?? '-created_at' };
    const { data } = await this.json('GET', `openapi/v1/${resource}`, TaskList, { query, signal });
    return data;
  }

  async deleteTask(resource: MeshyResource, id: string, signal?: AbortSignal): Promise<void> {
    const res = await this.send(this.apiUrl(`openapi/v1/${resource}/${encodeURIComponent(id)}`), { method: 'DELETE', timeoutMs: this.timing.requestTimeoutMs, auth: true }, signal);
    if (!res.ok) throw await this.failure(res);
    await res.body?.cancel();
  }

  async balance(signal?: AbortSignal): Promise<number> {
    return (await this.json('GET', 'openapi/v1/balance', Balance, { signal })).data.balance;
  }

  async library(signal?: AbortSignal): Promise<z.infer<typeof LibraryResponse>> {
    return (await this.json('GET', 'openapi/v1/animations/library', LibraryResponse, { signal })).data;
  }

  /** The public catalog route: no Authorization, different (camelCase) shape. */
  async publicCatalog(signal?: AbortSignal) {
    const { data } = await this.json('GET', 'web/public/animations/resources', PublicCatalogResponse, { signal, auth: false });
    return data.result.list;
  }

  /** Opens a task's SSE stream; the caller reads and closes the body. */
  async openStream(resource: MeshyResource, id: string, signal: AbortSignal): Promise<Response> {
    const url = this.apiUrl(`openapi/v1/${resource}/${encodeURIComponent(id)}/stream`);
    // No overall timeout: the stream lives as long as the task; the reader enforces an idle timeout.
    const res = await this.send(url, { method: 'GET', headers: { Accept: 'text/event-stream' }, timeoutMs: 2 ** 31 - 1, auth: true }, signal);
    if (!res.ok) throw await this.failure(res);
    if (!/text\/event-stream/i.test(res.headers.get('content-type') ?? '')) {
      await res.body?.cancel();
      throw new MeshyApiError('protocol', res.status, 'the task stream did not answer with text/event-stream');
    }
    return res;
  }

  /** Fetches a signed result URL without credentials. */
  async download(rawUrl: string, signal?: AbortSignal, maxBytes = MAX_DOWNLOAD_BYTES): Promise<Uint8Array> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new MeshyApiError('protocol', null, 'Meshy returned a malformed result URL');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.allowsHttpAssets)) {
      throw new MeshyApiError('protocol', null, `refusing a non-https result URL (${url.protocol})`);
    }
    const refused = this.assets.refuse(url);
    if (refused) throw new MeshyApiError('protocol', null, `refusing a result URL: ${refused} (allowed: ${this.assets.describe()}; add hosts with MESHY_ASSET_HOSTS)`);
    const res = await this.send(url, { method: 'GET', timeoutMs: this.timing.downloadTimeoutMs, auth: false }, signal);
    // Storage hosts may redirect (no credentials travel with it); the final hop must be https and allowed too.
    const final = res.url ? new URL(res.url) : url;
    const refusedFinal = this.assets.refuse(final);
    if (refusedFinal) {
      await res.body?.cancel();
      throw new MeshyApiError('protocol', null, `refusing a result redirected off the asset hosts: ${refusedFinal}`);
    }
    if (final.protocol !== 'https:' && !(final.protocol === 'http:' && this.allowsHttpAssets)) {
      await res.body?.cancel();
      throw new MeshyApiError('protocol', null, `refusing a result redirected to ${final.protocol}`);
    }
    if (!res.ok) {
      const err = await this.failure(res);
      // Signed URLs carry their signature in the query: never echo it.
      throw new MeshyApiError(err.kind, err.status, `download failed with HTTP ${res.status}`, err.details);
    }
    return this.readCapped(res, maxBytes);
  }
}
