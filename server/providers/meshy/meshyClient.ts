/**
 * Thin HTTP client for Meshy's OpenAPI (docs/contracts/meshy.md). It owns the bearer key: the
 * key goes only to the configured API origin, never across a redirect and never to the signed asset
 * URLs (which are fetched without credentials). Every answer is size-capped and zod-parsed, and
 * every error message is scrubbed of the key before it can reach a log line or a user.
 */
import { secretScrubber } from '../../http/scrubSecrets.ts';
import type { z } from 'zod';
import { DEFAULT_ASSET_HOSTS } from '../../config.ts';
import { OutboundError } from '../../http/outbound/outboundError.ts';
import { outboundFetch } from '../../http/outbound/outboundFetch.ts';
import { parseRetryAfter } from '../../http/outbound/parseRetryAfter.ts';
import { readCapped } from '../../http/outbound/readCapped.ts';
import type { AllowListGuard } from '../../http/outbound/urlGuard.ts';
import { assetHostGuard } from '../assetHosts.ts';
import type { Logger } from '../../log.ts';
import { MeshyApiError } from './meshyApiError.ts';
import { Balance, CreateResponse, ErrorBody, LibraryResponse, MeshyTask, PublicCatalogResponse, TaskList, type MeshyResource } from './meshyWire.ts';

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

const DEFAULT_CLIENT_TIMING: ClientTiming = { requestTimeoutMs: 30_000, createTimeoutMs: 180_000, downloadTimeoutMs: 300_000 };

/** Caps from the official CLI: task JSON 16 MiB; result files are bounded separately. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
const MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;

/** Connection errors that prove the request never left: resending cannot double anything. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export interface ListOptions {
  pageNum?: number;
  pageSize?: number;
  sortBy?: '+created_at' | '-created_at';
}

export class MeshyClient {
  private readonly base: URL;
  private readonly assets: AllowListGuard;
  private readonly fetchFn: typeof fetch;
  private timing: ClientTiming;
  private readonly scrubber: (text: string) => string;

  constructor(
    private readonly creds: MeshyCredentials,
    opts: { fetch?: typeof fetch; timing?: Partial<ClientTiming>; log?: Logger } = {},
  ) {
    this.base = new URL(creds.baseUrl.replace(/\/+$/, '') + '/');
    this.assets = assetHostGuard(creds.baseUrl, creds.assetHosts ?? DEFAULT_ASSET_HOSTS.meshy);
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

  private apiUrl(path: string, query?: Record<string, string | number>): URL {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
    return url;
  }

  private async send(
    url: URL,
    init: { method: string; headers?: Record<string, string>; body?: string; timeoutMs: number; auth: boolean },
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers, 'User-Agent': 'kinema-studio' };
    if (init.auth) headers.Authorization = `Bearer ${this.creds.apiKey}`;
    try {
      // Never follow redirects with the key attached: a redirect is reported instead. Free routes follow
      // guarded hops (the API and asset hosts only).
      return await outboundFetch(url, {
        method: init.method,
        headers,
        body: init.body,
        signal,
        timeoutMs: init.timeoutMs,
        maxRedirects: init.auth ? 0 : 5,
        guard: init.auth ? undefined : this.assets,
        fetch: this.fetchFn,
      });
    } catch (err) {
      throw this.fromOutbound(err);
    }
  }

  /** Outbound failures as MeshyApiErrors; anything else (the caller's cancel) passes through. */
  private fromOutbound(err: unknown, status: number | null = null): unknown {
    if (!(err instanceof OutboundError)) return err;
    switch (err.kind) {
      case 'timeout':
        return new MeshyApiError('timeout', status, err.message);
      case 'too_large': {
        const size = err.details.declaredBytes !== undefined ? ` of ${err.details.declaredBytes} bytes` : '';
        return new MeshyApiError('protocol', status, `answer${size} exceeds the ${err.details.limitBytes ?? 0}-byte limit`);
      }
      case 'refused_url':
        return new MeshyApiError('protocol', null, `refusing a redirect: ${err.details.refusal?.detail ?? err.message}`);
      case 'network': {
        const cause = (err.cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
        const detail = this.scrub(`${err.message}${cause?.code ? ` (${cause.code})` : cause?.message ? ` (${cause.message})` : ''}`);
        return new MeshyApiError('network', status, detail, { maybeReceived: !(cause?.code && NOT_SENT_CODES.has(cause.code)) });
      }
    }
  }

  private async readCapped(res: Response, max: number, signal?: AbortSignal): Promise<Uint8Array> {
    try {
      return await readCapped(res, { maxBytes: max, signal });
    } catch (err) {
      throw this.fromOutbound(err, res.status);
    }
  }

  private async failure(res: Response): Promise<MeshyApiError> {
    if (res.status >= 300 && res.status < 400) {
      return new MeshyApiError(
        'protocol',
        res.status,
        `Meshy redirected to ${this.scrub(res.headers.get('location') ?? 'another address')}; set MESHY_API_BASE to the final https address`,
      );
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
      {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        timeoutMs: opts.timeoutMs ?? this.timing.requestTimeoutMs,
        auth: opts.auth ?? true,
      },
      opts.signal,
    );
    if (!res.ok) throw await this.failure(res);
    const raw = new TextDecoder().decode(await this.readCapped(res, MAX_JSON_BYTES, opts.signal));
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

  /** Fetches a signed result URL without credentials; every redirect hop must stay on the asset hosts. */
  async download(rawUrl: string, signal?: AbortSignal, maxBytes = MAX_DOWNLOAD_BYTES): Promise<Uint8Array> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new MeshyApiError('protocol', null, 'Meshy returned a malformed result URL');
    }
    let res: Response;
    try {
      res = await outboundFetch(url, { headers: { 'User-Agent': 'kinema-studio' }, signal, timeoutMs: this.timing.downloadTimeoutMs, guard: this.assets, fetch: this.fetchFn });
    } catch (err) {
      throw this.refusedDownload(err, url) ?? this.fromOutbound(err);
    }
    if (!res.ok) {
      const err = await this.failure(res);
      // Signed URLs carry their signature in the query: never echo it.
      throw new MeshyApiError(err.kind, err.status, `download failed with HTTP ${res.status}`, err.details);
    }
    return this.readCapped(res, maxBytes, signal);
  }

  private refusedDownload(err: unknown, url: URL): MeshyApiError | null {
    const refusal = err instanceof OutboundError ? err.details.refusal : undefined;
    if (!refusal) return null;
    if (refusal.hop > 0) return new MeshyApiError('protocol', null, `refusing a result redirected off the asset hosts: ${refusal.detail}`);
    if (refusal.reason === 'scheme') return new MeshyApiError('protocol', null, `refusing a non-https result URL (${url.protocol})`);
    return new MeshyApiError('protocol', null, `refusing a result URL: ${refusal.detail} (allowed: ${this.assets.describe()}; add hosts with MESHY_ASSET_HOSTS)`);
  }
}
