/**
 * The one way the server requests another server. It wraps the platform fetch (or a test's in-process
 * one) and adds what fetch leaves to the caller:
 * - redirects are followed here, never by fetch, so the guard sees every hop before it is requested
 *   (fetch's `redirect: 'follow'` only lets a caller look at the final URL, after the fact);
 * - credentials (Authorization, Cookie, and the caller's per-origin headers) are only ever sent to
 *   their own origin, never across a redirect to another one;
 * - one timeout covers the whole exchange, including reading the body, and surfaces as a typed error.
 * Connect-time address checks (DNS rebinding) need a socket-level hook that Node's fetch only offers
 * through undici's dispatcher, which is not a dependency; user-supplied URLs go through safeFetch
 * (../ssrf.ts) for that. Provider hosts are allow-listed by name instead.
 */
import { OutboundError } from './outboundError.ts';
import { toOutboundError } from './toOutboundError.ts';
import type { UrlGuard } from './urlGuard.ts';

export type FetchLike = (input: URL, init: RequestInit) => Promise<Response>;

export interface OutboundInit {
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  /** The caller's cancel: the request rejects with its reason, unwrapped. */
  signal?: AbortSignal;
  /** For the whole exchange, body included (the returned response's body shares it). */
  timeoutMs?: number;
  /** Checked before the first request and before every redirect hop. */
  guard?: UrlGuard;
  /** Redirects to follow; 0 returns a 3xx to the caller as it came (API calls that carry credentials). */
  maxRedirects?: number;
  /** Headers decided per hop from its URL, e.g. a session cookie that belongs to the API origin only. */
  credentialsFor?: (url: URL) => Record<string, string>;
  fetch?: FetchLike;
}

/** Headers that carry credentials: dropped once a redirect leaves the origin they were meant for. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

const platformFetch: FetchLike = (input, init) => fetch(input, init);

function checkHop(guard: UrlGuard | undefined, url: URL, hop: number): void {
  const refusal = guard?.refuse(url);
  if (refusal) throw new OutboundError('refused_url', `refused ${hop === 0 ? 'the URL' : 'a redirect'}: ${refusal.detail}`, { refusal: { ...refusal, hop } });
}

function nextHop(res: Response, url: URL, hop: number): URL | null {
  const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
  if (!location) return null;
  try {
    return new URL(location, url);
  } catch {
    throw new OutboundError('refused_url', 'refused a redirect: its Location is not a URL', { refusal: { reason: 'invalid', detail: 'the redirect Location is not a URL', hop } });
  }
}

/** Requests `url`, following up to `maxRedirects` (default 5) guarded hops; the response is not read. */
export async function outboundFetch(start: URL, init: OutboundInit = {}): Promise<Response> {
  const doFetch = init.fetch ?? platformFetch;
  const maxRedirects = init.maxRedirects ?? 5;
  const timeout = init.timeoutMs !== undefined ? AbortSignal.timeout(init.timeoutMs) : undefined;
  const signals = [init.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  let url = start;
  let method = init.method ?? 'GET';
  let body = init.body;
  for (let hop = 0; ; hop++) {
    checkHop(init.guard, url, hop);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(init.headers ?? {})) {
      if (url.origin === start.origin || !CREDENTIAL_HEADERS.includes(k.toLowerCase())) headers[k] = v;
    }
    Object.assign(headers, init.credentialsFor?.(url));
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, body, signal, redirect: 'manual' });
    } catch (err) {
      // A transport that checks addresses at connect time (guardedTransport) cannot know the hop number.
      const refusal = err instanceof OutboundError ? err.details.refusal : undefined;
      if (refusal) throw new OutboundError('refused_url', err instanceof Error ? err.message : '', { refusal: { ...refusal, hop } });
      throw toOutboundError(err, init.signal, init.timeoutMs);
    }
    const next = hop < maxRedirects ? nextHop(res, url, hop + 1) : null;
    if (!next) return res;
    await res.body?.cancel().catch(() => undefined);
    // As fetch does: 303 (and 301/302 after a POST) continue as a GET without the body.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    url = next;
  }
}
