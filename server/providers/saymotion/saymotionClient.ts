/**
 * The one place that talks HTTP to SayMotion. It logs in with Basic auth to get the `dmsess` cookie,
 * logs in again once when a session expires mid-job (the official SDKs do not, so a long-running proxy
 * breaks without this), backs off on 429/5xx for requests that are safe to repeat, and parses every
 * reply with zod.
 *
 * The one rule that matters for money: a POST that may have been accepted (process, import, storeModel)
 * is never sent twice. A timeout, reset, 5xx or unreadable reply after sending it is reported as
 * `uncertain`; only definite refusals (401 before acceptance, 429) are retried.
 */
import type { z } from 'zod';
import { DEFAULT_ASSET_HOSTS } from '../../config.ts';
import { OutboundError } from '../../http/outbound/outboundError.ts';
import { outboundFetch, type OutboundInit } from '../../http/outbound/outboundFetch.ts';
import { parseRetryAfter } from '../../http/outbound/parseRetryAfter.ts';
import { readCapped, readCappedText } from '../../http/outbound/readCapped.ts';
import { sleep } from '../../http/outbound/sleep.ts';
import type { AllowListGuard } from '../../http/outbound/urlGuard.ts';
import { assetHostGuard } from '../assetHosts.ts';
import type { Logger } from '../../log.ts';
import { SayMotionApiError } from './saymotionApiError.ts';
import { SecretScrubber } from './secretScrubber.ts';
import { ApiErrorBody } from './wireSchemas.ts';

export interface SayMotionCredentials {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Hosts result files may be downloaded from, besides the API host (see providers/assetHosts.ts). */
  assetHosts?: readonly string[];
}

export interface ClientTiming {
  /** Whole exchange (headers and body) of one API call. */
  requestTimeoutMs: number;
  /** One variant file download. */
  downloadTimeoutMs: number;
  /** Extra attempts for idempotent requests after 429/5xx/timeouts. */
  getRetries: number;
  /** Extra attempts for a POST refused with 429 (a refusal, so resending is safe). */
  postRateLimitRetries: number;
  backoffBaseMs: number;
  maxBackoffMs: number;
  /** A Retry-After longer than this is reported to the caller instead of waited out inside one request. */
  maxRetryAfterMs: number;
}

const DEFAULT_CLIENT_TIMING: ClientTiming = {
  requestTimeoutMs: 30_000,
  downloadTimeoutMs: 120_000,
  getRetries: 4,
  postRateLimitRetries: 2,
  backoffBaseMs: 500,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Largest file we accept from SayMotion; a clip is a few MB, so anything near this is not a motion. */
const MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;

/** API replies are small JSON documents; a reply this large is not one. */
const MAX_REPLY_BYTES = 16 * 1024 * 1024;

export interface ClientOptions {
  fetch?: typeof fetch;
  log?: Logger;
  timing?: Partial<ClientTiming>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface CallOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Cancels waits and (for idempotent requests) the request itself. A POST in flight is never aborted by it. */
  signal?: AbortSignal;
  retries?: number;
  timeoutMs?: number;
}

interface Exchange {
  status: number;
  headers: Headers;
  text: string;
}

function isTimeout(err: unknown): boolean {
  return err instanceof OutboundError && err.kind === 'timeout';
}

/** ECONNRESET, ECONNREFUSED, …: enough to say what happened without echoing a URL. */
function networkCause(err: unknown): string {
  // The platform's own error is kept as the OutboundError's cause; its cause names the socket error.
  const original = err instanceof OutboundError && err.cause !== undefined ? err.cause : err;
  const cause = (original as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message.slice(0, 80);
  return (original as Error)?.message?.slice(0, 80) ?? 'network error';
}

export class SayMotionClient {
  readonly scrubber = new SecretScrubber();
  private timing: ClientTiming;
  private readonly doFetch: typeof fetch;
  private readonly log: Logger | undefined;
  private readonly base: URL;
  private readonly assets: AllowListGuard;
  private readonly basicToken: string;
  private current: string | null = null;
  private pendingLogin: Promise<string> | null = null;

  constructor(creds: SayMotionCredentials, opts: ClientOptions = {}) {
    this.base = new URL(creds.baseUrl.endsWith('/') ? creds.baseUrl : `${creds.baseUrl}/`);
    this.assets = assetHostGuard(creds.baseUrl, creds.assetHosts ?? DEFAULT_ASSET_HOSTS.saymotion);
    this.basicToken = Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64');
    this.scrubber.add(creds.clientId, creds.clientSecret, this.basicToken);
    this.doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
    this.log = opts.log;
    this.timing = { ...DEFAULT_CLIENT_TIMING, ...opts.timing };
  }

  setTiming(timing: Partial<ClientTiming>): void {
    this.timing = { ...this.timing, ...timing };
  }

  get<S extends z.ZodType>(path: string, schema: S, opts: CallOptions = {}): Promise<z.output<S>> {
    return this.call('GET', path, schema, opts);
  }

  /** Not idempotent: see the file comment. */
  post<S extends z.ZodType>(path: string, body: unknown, schema: S, opts: Omit<CallOptions, 'body' | 'retries'> = {}): Promise<z.output<S>> {
    return this.call('POST', path, schema, { ...opts, body });
  }

  delete<S extends z.ZodType>(path: string, schema: S, opts: CallOptions = {}): Promise<z.output<S>> {
    return this.call('DELETE', path, schema, opts);
  }

  /** An absolute URL on the API host (for tests and for comparing origins). */
  url(path: string, query?: CallOptions['query']): URL {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  /**
   * Downloads a file link from a download reply. Links are normally signed storage URLs that need no
   * credentials; the session cookie is only sent when the link is on the API host itself, and the
   * Basic credentials never are.
   */
  async fetchFile(link: string, opts: { signal?: AbortSignal; maxBytes?: number } = {}): Promise<Uint8Array> {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new SayMotionApiError('malformed', 'saymotion_bad_response', 'SayMotion sent a download link that is not a URL.');
    }
    const maxBytes = opts.maxBytes ?? MAX_DOWNLOAD_BYTES;
    let attempt = 0;
    for (;;) {
      try {
        // Redirects are followed by outboundFetch, each hop checked against the asset hosts and the
        // session cookie re-decided per hop, so it never travels to another host.
        const res = await outboundFetch(url, {
          signal: opts.signal,
          timeoutMs: this.timing.downloadTimeoutMs,
          guard: this.assets,
          credentialsFor: (hop): Record<string, string> => (hop.origin === this.base.origin && this.current ? { cookie: `dmsess=${this.current}` } : {}),
          fetch: this.doFetch,
        });
        if (res.ok) return await readCapped(res, { maxBytes, signal: opts.signal, timeoutMs: this.timing.downloadTimeoutMs });
        const wait = parseRetryAfter(res.headers.get('retry-after'));
        await res.body?.cancel().catch(() => undefined);
        if ((res.status === 429 || res.status >= 500) && attempt < this.timing.getRetries) {
          attempt++;
          await this.backoff(attempt, wait, opts.signal, `file download answered ${res.status}`);
          continue;
        }
        throw new SayMotionApiError(
          res.status >= 500 || res.status === 429 ? 'unavailable' : 'rejected',
          'download_failed',
          `Downloading a result file from SayMotion failed (HTTP ${res.status})${res.status === 403 || res.status === 404 ? ': the link may have expired; try again' : ''}.`,
          res.status,
        );
      } catch (err) {
        if (err instanceof SayMotionApiError) throw err;
        if (opts.signal?.aborted) throw opts.signal.reason;
        const refused = this.refusedDownload(err, url, maxBytes);
        if (refused) throw refused;
        const e = isTimeout(err)
          ? new SayMotionApiError('timeout', 'download_failed', `Downloading a result file from SayMotion timed out after ${this.timing.downloadTimeoutMs / 1000} s.`)
          : new SayMotionApiError('network', 'download_failed', `Downloading a result file from SayMotion failed (${this.scrubber.scrub(networkCause(err))}).`);
        if (attempt < this.timing.getRetries) {
          attempt++;
          await this.backoff(attempt, null, opts.signal, e.message);
          continue;
        }
        throw e;
      }
    }
  }

  /** The refusals a retry cannot fix: a link (or a redirect) off the asset hosts, a file over the limit. */
  private refusedDownload(err: unknown, url: URL, maxBytes: number): SayMotionApiError | null {
    if (!(err instanceof OutboundError)) return null;
    if (err.kind === 'too_large') {
      const declared = err.details.declaredBytes;
      const size = declared !== undefined ? `${Math.round(declared / 1e6)} MB, over` : 'over';
      return new SayMotionApiError('rejected', 'download_too_large', `A SayMotion result file is ${size} the ${maxBytes / 1e6} MB limit.`);
    }
    const refusal = err.details.refusal;
    if (err.kind !== 'refused_url' || !refusal) return null;
    if (refusal.reason === 'scheme') {
      return new SayMotionApiError(
        'malformed',
        'saymotion_bad_response',
        refusal.hop === 0
          ? `SayMotion sent a ${url.protocol} download link; ${refusal.detail}.`
          : `A SayMotion download redirected to a URL the studio will not fetch (${refusal.detail}).`,
      );
    }
    return new SayMotionApiError(
      'malformed',
      'saymotion_bad_response',
      `SayMotion sent a download link the studio will not fetch: ${refusal.detail} (allowed: ${this.assets.describe()}; add hosts with DM_ASSET_HOSTS).`,
    );
  }

  /** PUT of raw bytes to a signed upload URL. A PUT replaces the object, so it is safe to repeat. */
  async putFile(link: string, bytes: Uint8Array, opts: { signal?: AbortSignal; contentType?: string } = {}): Promise<void> {
    await this.storageRequest('PUT', link, { 'content-type': opts.contentType ?? 'application/octet-stream' }, bytes, opts.signal);
  }

  /** Opens a resumable upload session (x-goog-resumable: start) and returns the URL to PUT the bytes to. */
  async startResumableUpload(link: string, opts: { signal?: AbortSignal; contentType?: string } = {}): Promise<string> {
    const res = await this.storageRequest('POST', link, { 'x-goog-resumable': 'start', 'content-type': opts.contentType ?? 'application/octet-stream' }, undefined, opts.signal);
    const location = res.headers.get('location');
    if (!location) throw new SayMotionApiError('malformed', 'upload_failed', 'The storage service did not return a resumable upload location.');
    return new URL(location, link).toString();
  }

  private async storageRequest(method: Method, link: string, headers: Record<string, string>, body: Uint8Array | undefined, signal?: AbortSignal): Promise<Exchange> {
    let attempt = 0;
    for (;;) {
      let ex: Exchange;
      try {
        ex = await this.exchange(method, new URL(link), headers, body, { signal, timeoutMs: this.timing.downloadTimeoutMs, guard: this.assets });
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        const refusal = err instanceof OutboundError ? err.details.refusal : undefined;
        if (refusal)
          throw new SayMotionApiError(
            'rejected',
            'upload_failed',
            `SayMotion sent an upload link the studio will not use: ${refusal.detail} (allowed: ${this.assets.describe()}; add hosts with DM_ASSET_HOSTS).`,
          );
        if (attempt < this.timing.getRetries) {
          attempt++;
          await this.backoff(attempt, null, signal, `upload ${isTimeout(err) ? 'timed out' : networkCause(err)}`);
          continue;
        }
        throw new SayMotionApiError(
          isTimeout(err) ? 'timeout' : 'network',
          'upload_failed',
          `Uploading the file to SayMotion's storage failed (${isTimeout(err) ? 'timeout' : this.scrubber.scrub(networkCause(err))}).`,
        );
      }
      if (ex.status >= 200 && ex.status < 300) return ex;
      if ((ex.status === 429 || ex.status >= 500) && attempt < this.timing.getRetries) {
        attempt++;
        await this.backoff(attempt, parseRetryAfter(ex.headers.get('retry-after')), signal, `upload answered ${ex.status}`);
        continue;
      }
      throw new SayMotionApiError(
        ex.status >= 500 ? 'unavailable' : 'rejected',
        'upload_failed',
        `Uploading the file to SayMotion's storage failed (HTTP ${ex.status}).`,
        ex.status,
      );
    }
  }

  private async call<S extends z.ZodType>(method: Method, path: string, schema: S, opts: CallOptions): Promise<z.output<S>> {
    const url = this.url(path, opts.query);
    const idempotent = method !== 'POST';
    const retries = opts.retries ?? (idempotent ? this.timing.getRetries : 0);
    const what = `${method} ${url.pathname}`;
    let attempt = 0;
    let rateLimited = 0;
    let reloggedIn = false;
    for (;;) {
      const session = await this.session();
      // An accepted-but-unanswered POST is the worst outcome, so a user's cancel never aborts one in flight.
      const headers: Record<string, string> = { cookie: `dmsess=${session}`, accept: 'application/json' };
      let ex: Exchange;
      try {
        ex = await this.exchange(method, url, headers, opts.body, { signal: idempotent ? opts.signal : undefined, timeoutMs: opts.timeoutMs ?? this.timing.requestTimeoutMs });
      } catch (err) {
        if (idempotent && opts.signal?.aborted) throw opts.signal.reason;
        const timedOut = isTimeout(err);
        if (!idempotent)
          throw this.uncertain(
            timedOut ? `did not answer within ${(opts.timeoutMs ?? this.timing.requestTimeoutMs) / 1000} s` : `dropped the connection (${this.scrubber.scrub(networkCause(err))})`,
          );
        const e = timedOut
          ? new SayMotionApiError(
              'timeout',
              'saymotion_timeout',
              `SayMotion did not answer within ${(opts.timeoutMs ?? this.timing.requestTimeoutMs) / 1000} s. Try again in a moment.`,
            )
          : new SayMotionApiError(
              'network',
              'saymotion_unreachable',
              `Could not reach SayMotion (${this.scrubber.scrub(networkCause(err))}). Check the server's network and DM_API_SERVER_URL.`,
            );
        if (attempt < retries) {
          attempt++;
          await this.backoff(attempt, null, opts.signal, `${what} ${e.kind}`);
          continue;
        }
        throw e;
      }

      if (ex.status === 401) {
        // A 401 is a refusal before any work, so even a POST may be sent again after logging in.
        if (!reloggedIn) {
          reloggedIn = true;
          this.invalidate(session);
          this.log?.info('saymotion session expired; logging in again', { request: what });
          continue;
        }
        throw this.authError(401);
      }
      if (ex.status === 429) {
        const wait = parseRetryAfter(ex.headers.get('retry-after'));
        const used = idempotent ? attempt : rateLimited;
        const allowed = idempotent ? retries : this.timing.postRateLimitRetries;
        if (used < allowed && (wait ?? 0) <= this.timing.maxRetryAfterMs) {
          if (idempotent) attempt++;
          else rateLimited++;
          await this.backoff(used + 1, wait, opts.signal, `${what} rate limited`);
          continue;
        }
        throw new SayMotionApiError(
          'rate_limited',
          'saymotion_rate_limited',
          `SayMotion is rate limiting requests${wait !== null ? ` (asked to wait ${Math.ceil(wait / 1000)} s)` : ''}. Try again shortly.`,
          429,
          wait,
        );
      }
      if (ex.status >= 500) {
        if (!idempotent) throw this.uncertain(`answered HTTP ${ex.status}`, ex.status);
        if (attempt < retries) {
          attempt++;
          await this.backoff(attempt, parseRetryAfter(ex.headers.get('retry-after')), opts.signal, `${what} answered ${ex.status}`);
          continue;
        }
        throw new SayMotionApiError('unavailable', 'saymotion_unavailable', `SayMotion is having problems (HTTP ${ex.status}). Try again later.`, ex.status);
      }
      if (ex.status >= 400) throw this.refusal(ex);

      const parsed = this.parse(ex.text, schema);
      if (parsed.ok) return parsed.value;
      if (!idempotent) throw this.uncertain('sent a reply Kinema could not read');
      const e = new SayMotionApiError(
        'malformed',
        'saymotion_bad_response',
        `SayMotion sent an unexpected reply to ${url.pathname.split('/').slice(0, 4).join('/')} (${parsed.reason}).`,
        ex.status,
      );
      if (attempt < retries) {
        attempt++;
        await this.backoff(attempt, null, opts.signal, `${what} malformed reply`);
        continue;
      }
      throw e;
    }
  }

  private parse<S extends z.ZodType>(text: string, schema: S): { ok: true; value: z.output<S> } | { ok: false; reason: string } {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'not JSON' };
    }
    const r = schema.safeParse(json);
    if (r.success) return { ok: true, value: r.data };
    const issue = r.error.issues[0];
    return { ok: false, reason: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'schema mismatch' };
  }

  private refusal(ex: Exchange): SayMotionApiError {
    let body: z.infer<typeof ApiErrorBody> = {};
    try {
      const r = ApiErrorBody.safeParse(JSON.parse(ex.text));
      if (r.success) body = r.data;
    } catch {
      /* a non-JSON error page: the status alone is reported */
    }
    const upstream = body.message ?? (typeof body.error === 'string' ? body.error : body.error?.message);
    const codeNum = body.code !== undefined && /^\d+$/.test(String(body.code)) ? Number(body.code) : null;
    const detail = upstream ? `: ${this.scrubber.scrub(upstream).slice(0, 300)}` : '';
    return new SayMotionApiError(
      'rejected',
      'provider_rejected',
      `SayMotion refused the request (HTTP ${ex.status}${codeNum !== null ? `, error ${codeNum}` : ''})${detail}`,
      ex.status,
      null,
      codeNum,
    );
  }

  private uncertain(what: string, status: number | null = null): SayMotionApiError {
    return new SayMotionApiError(
      'uncertain',
      'submit_uncertain',
      `SayMotion ${what} after the request was sent, so it may or may not have been accepted. Kinema did not resend it, ` +
        'because that could run (and charge for) the job twice. Check your SayMotion job list before trying again.',
      status,
    );
  }

  private authError(status: number): SayMotionApiError {
    return new SayMotionApiError(
      'auth',
      'saymotion_auth_failed',
      `SayMotion refused the client credentials (HTTP ${status}). Check DM_CLIENT_ID and DM_CLIENT_SECRET in the server's environment (or .env) and restart.`,
      status,
    );
  }

  /** One login shared by every caller that needs a session at the same moment. */
  private async session(): Promise<string> {
    if (this.current) return this.current;
    this.pendingLogin ??= this.login().finally(() => {
      this.pendingLogin = null;
    });
    return this.pendingLogin;
  }

  private invalidate(stale: string): void {
    if (this.current === stale) this.current = null;
  }

  private async login(): Promise<string> {
    const url = this.url('/account/v1/auth');
    let attempt = 0;
    for (;;) {
      let ex: Exchange;
      try {
        ex = await this.exchange('GET', url, { authorization: `Basic ${this.basicToken}` }, undefined, { timeoutMs: this.timing.requestTimeoutMs });
      } catch (err) {
        const e = isTimeout(err)
          ? new SayMotionApiError('timeout', 'saymotion_timeout', `SayMotion's login did not answer within ${this.timing.requestTimeoutMs / 1000} s. Try again in a moment.`)
          : new SayMotionApiError(
              'network',
              'saymotion_unreachable',
              `Could not reach SayMotion to log in (${this.scrubber.scrub(networkCause(err))}). Check the server's network and DM_API_SERVER_URL.`,
            );
        if (attempt < this.timing.getRetries) {
          attempt++;
          await this.backoff(attempt, null, undefined, `login ${e.kind}`);
          continue;
        }
        throw e;
      }
      if (ex.status === 401 || ex.status === 403) throw this.authError(ex.status);
      if ((ex.status === 429 || ex.status >= 500) && attempt < this.timing.getRetries) {
        attempt++;
        await this.backoff(attempt, parseRetryAfter(ex.headers.get('retry-after')), undefined, `login answered ${ex.status}`);
        continue;
      }
      if (ex.status >= 400) {
        throw new SayMotionApiError(
          ex.status >= 500 ? 'unavailable' : 'rejected',
          'saymotion_login_failed',
          `Logging in to SayMotion failed (HTTP ${ex.status}). Try again later.`,
          ex.status,
        );
      }
      const cookie = ex.headers
        .getSetCookie()
        .map((c) => /^\s*dmsess=([^;]*)/.exec(c)?.[1])
        .find((v): v is string => typeof v === 'string' && v.length > 0);
      if (!cookie)
        throw new SayMotionApiError(
          'auth',
          'saymotion_auth_failed',
          'SayMotion accepted the login but sent no dmsess session cookie; check DM_API_SERVER_URL points at the SayMotion API.',
        );
      this.scrubber.add(cookie);
      this.current = cookie;
      return cookie;
    }
  }

  /**
   * One request and its whole reply. API calls carry the session cookie or the Basic credentials, so a
   * redirect is not followed (maxRedirects 0): it comes back as a 3xx the caller reports.
   */
  private async exchange(
    method: Method,
    url: URL,
    headers: Record<string, string>,
    body: unknown,
    limits: Pick<OutboundInit, 'signal' | 'timeoutMs' | 'guard'>,
  ): Promise<Exchange> {
    const init: OutboundInit = { ...limits, method, headers: { ...headers }, maxRedirects: 0, fetch: this.doFetch };
    if (body instanceof Uint8Array) init.body = body as Uint8Array<ArrayBuffer>;
    else if (body !== undefined) {
      init.headers = { ...init.headers, 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const res = await outboundFetch(url, init);
    // Read the body under the same timeout: a reply that stalls halfway is as dead as no reply.
    const text = await readCappedText(res, { maxBytes: MAX_REPLY_BYTES, signal: limits.signal, timeoutMs: limits.timeoutMs });
    return { status: res.status, headers: res.headers, text };
  }

  private async backoff(attempt: number, retryAfterMs: number | null, signal: AbortSignal | undefined, reason: string): Promise<void> {
    const exp = Math.min(this.timing.maxBackoffMs, this.timing.backoffBaseMs * 2 ** (attempt - 1));
    // Jitter spreads out many jobs that failed at the same moment.
    const ms = retryAfterMs !== null ? retryAfterMs : Math.round(exp * (0.5 + Math.random() * 0.5));
    this.log?.warn('saymotion request retrying', { reason: this.scrubber.scrub(reason), attempt, waitMs: ms });
    await sleep(ms, signal);
  }
}
