/**
 * Fetching URLs nobody vouches for (a character model URL a user typed, say) without letting them point
 * the server at itself, the LAN or a cloud metadata service. It is the outbound module with its strictest
 * parts: PublicHostGuard on the URL and every redirect hop, and guardedTransport, which checks the
 * address in the socket's DNS lookup (DNS rebinding). Provider traffic uses outboundFetch with the
 * platform fetch and a host allow-list instead (see providers/assetHosts.ts).
 */
import { OutboundError } from './outbound/outboundError.ts';
import { outboundFetch } from './outbound/outboundFetch.ts';
import { guardedTransport, type Resolver } from './outbound/guardedTransport.ts';
import { PublicHostGuard, type PublicHostOptions } from './outbound/publicHostGuard.ts';
import { readCapped } from './outbound/readCapped.ts';

export interface SafeFetchOptions extends PublicHostOptions {
  /** Largest body accepted, bytes. */
  maxBytes: number;
  timeoutMs?: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  /** Name resolution; defaults to the system resolver. Tests substitute a rebinding resolver. */
  resolve?: Resolver;
}

export interface SafeResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** GETs a user-supplied URL with the checks above. Throws OutboundError (refused_url, too_large, timeout, network). */
export async function safeFetch(raw: string, opts: SafeFetchOptions): Promise<SafeResponse> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    const detail = 'The URL is not valid: give a full https:// address.';
    throw new OutboundError('refused_url', detail, { refusal: { reason: 'invalid', detail, hop: 0 } });
  }
  const res = await outboundFetch(url, {
    headers: { 'user-agent': 'kinema' },
    signal: opts.signal,
    timeoutMs: opts.timeoutMs ?? 20_000,
    maxRedirects: opts.maxRedirects ?? 3,
    guard: new PublicHostGuard(opts),
    fetch: guardedTransport({ allowAddresses: opts.allowAddresses, resolve: opts.resolve }),
  });
  const body = await readCapped(res, { maxBytes: opts.maxBytes, signal: opts.signal, timeoutMs: opts.timeoutMs });
  return { status: res.status, headers: res.headers, body };
}
