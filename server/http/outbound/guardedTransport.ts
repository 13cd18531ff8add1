/**
 * A fetch-shaped transport on node:http(s) that checks the address in the socket's own DNS lookup, so
 * a name that resolves to a public address during a check and to 127.0.0.1 at connect time (DNS
 * rebinding) is still refused. Hand-written because Node's fetch offers no connect-time hook without
 * adding undici (for its dispatcher) as a dependency. It speaks only what outboundFetch needs: one
 * request, no redirects (outboundFetch follows them), no compression (none is asked for).
 */
import type dns from 'node:dns';
import { promises as dnsPromises } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { Readable } from 'node:stream';
import type { FetchLike } from './outboundFetch.ts';
import { isPublicAddress } from './isPublicAddress.ts';
import { OutboundError } from './outboundError.ts';

export type Resolver = (hostname: string) => Promise<dns.LookupAddress[]>;

export interface GuardedTransportOptions {
  /** For tests only: treat these addresses as public (e.g. a loopback server). */
  allowAddresses?: readonly string[];
  /** Name resolution; defaults to the system resolver. Tests substitute a rebinding resolver. */
  resolve?: Resolver;
}

const systemResolve: Resolver = (hostname) => dnsPromises.lookup(hostname, { all: true });

function guardedLookup(allow: ReadonlySet<string>, resolve: Resolver): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (list) => {
        const first = list[0];
        if (!first || list.some((a) => !isPublicAddress(a.address) && !allow.has(a.address))) {
          const detail = `${hostname} resolves to a private or local address; refusing to connect.`;
          return callback(new OutboundError('refused_url', detail, { refusal: { reason: 'address', detail, hop: -1 } }), '', 0);
        }
        if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
        callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

function bodyOf(init: RequestInit): string | Uint8Array | undefined {
  if (init.body === undefined || init.body === null) return undefined;
  if (typeof init.body === 'string' || init.body instanceof Uint8Array) return init.body;
  throw new TypeError('guardedTransport sends string or byte bodies only');
}

export function guardedTransport(opts: GuardedTransportOptions = {}): FetchLike {
  const lookup = guardedLookup(new Set(opts.allowAddresses ?? []), opts.resolve ?? systemResolve);
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((v, k) => {
        headers[k] = v;
      });
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(url, { method: init.method ?? 'GET', headers, lookup }, (res) => {
        const out = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) out.append(res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? '');
        // As fetch does: an abort (the caller's or the timeout) errors a body still being read with the signal's reason.
        signal?.addEventListener('abort', () => res.destroy(signal.reason), { once: true });
        const empty = res.statusCode === 204 || res.statusCode === 304 || init.method === 'HEAD';
        resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status: res.statusCode ?? 502, headers: out }));
      });
      signal?.addEventListener('abort', () => req.destroy(signal.reason), { once: true });
      req.on('error', (err) => {
        if (signal?.aborted) return reject(signal.reason);
        // Shaped like fetch's failures (cause carries the socket error) so callers classify both alike.
        reject(err instanceof OutboundError ? err : new TypeError('fetch failed', { cause: err }));
      });
      req.end(bodyOf(init));
    });
}
