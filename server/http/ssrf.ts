/**
 * Fetching URLs a user handed us (a character model URL, say) without letting them point the server
 * at itself, the LAN or a cloud metadata service. The address is checked where it matters: in the
 * socket's DNS lookup, so a name that resolves to a public address during a check and to 127.0.0.1
 * at connect time (DNS rebinding) is still refused. Redirects are followed by hand, each hop checked.
 * Hand-written because Node's fetch offers no connect-time hook without adding undici as a dependency.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export class UnsafeUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeUrlError';
  }
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => (acc << 8) + Number(o), 0) >>> 0;
}

const V4_BLOCKS: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

/** True only for globally routable unicast addresses. */
export function isPublicAddress(ip: string): boolean {
  const family = net.isIP(ip);
  if (family === 4) {
    const n = ipv4ToInt(ip);
    return !V4_BLOCKS.some(([base, bits]) => (n >>> (32 - bits)) === (ipv4ToInt(base) >>> (32 - bits)));
  }
  if (family === 6) {
    const lower = ip.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return isPublicAddress(mapped[1]!);
    if (lower === '::' || lower === '::1') return false;
    const first = parseInt(lower.split(':')[0] || '0', 16);
    if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
    if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
    if ((first & 0xff00) === 0xff00) return false; // multicast
    if (lower.startsWith('64:ff9b:') || lower.startsWith('2001:db8:') || lower.startsWith('::')) return false; // NAT64, docs, compat
    return true;
  }
  return false;
}

export interface SafeFetchOptions {
  /** Largest body accepted, bytes. */
  maxBytes: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Plain http is refused unless a test or an explicitly configured host needs it. */
  allowHttp?: boolean;
  /** When set, only these host names (exact, lower-case) may be fetched, on every hop. */
  allowedHosts?: readonly string[];
  /** For tests only: treat these addresses as public (e.g. a loopback contract server). */
  allowAddresses?: readonly string[];
  signal?: AbortSignal;
  /** Name resolution; defaults to the system resolver. Tests substitute a rebinding resolver. */
  resolve?: (hostname: string) => Promise<dns.LookupAddress[]>;
}

const systemResolve = (hostname: string) => dns.promises.lookup(hostname, { all: true });

export function checkUrl(raw: string, opts: Pick<SafeFetchOptions, 'allowHttp' | 'allowedHosts' | 'allowAddresses'>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('The URL is not valid: give a full https:// address.');
  }
  if (url.protocol !== 'https:' && !(opts.allowHttp && url.protocol === 'http:')) {
    throw new UnsafeUrlError(`Only https:// URLs can be fetched (got ${url.protocol}).`);
  }
  if (url.username || url.password) throw new UnsafeUrlError('URLs with credentials in them are refused.');
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (opts.allowedHosts && !opts.allowedHosts.includes(host)) {
    throw new UnsafeUrlError(`Downloads are only allowed from ${opts.allowedHosts.join(', ')}; ${host} is not one of them.`);
  }
  if (opts.allowAddresses?.includes(host)) return url;
  if (net.isIP(host) && !isPublicAddress(host)) throw new UnsafeUrlError(`The address ${host} is private or local and cannot be fetched.`);
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) {
    throw new UnsafeUrlError(`The host ${host} is local and cannot be fetched.`);
  }
  return url;
}

function guardedLookup(allow: ReadonlySet<string>, resolve: (hostname: string) => Promise<dns.LookupAddress[]>): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then((list) => {
      const bad = list.find((a) => !isPublicAddress(a.address) && !allow.has(a.address));
      if (bad || list.length === 0) {
        return callback(new UnsafeUrlError(`${hostname} resolves to a private or local address; refusing to connect.`), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    }, (err: NodeJS.ErrnoException) => callback(err, '', 0));
  };
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Uint8Array;
  finalUrl: string;
}

/** GETs a user-supplied URL with the checks above. Throws UnsafeUrlError for refused targets. */
export async function safeFetch(raw: string, opts: SafeFetchOptions): Promise<SafeResponse> {
  const allow = new Set(opts.allowAddresses ?? []);
  let url = checkUrl(raw, opts);
  for (let hop = 0; hop <= (opts.maxRedirects ?? 3); hop++) {
    const res = await getOnce(url, opts, allow);
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      url = checkUrl(new URL(res.headers.location, url).toString(), opts);
      continue;
    }
    return { ...res, finalUrl: url.toString() };
  }
  throw new UnsafeUrlError('Too many redirects.');
}

function getOnce(url: URL, opts: SafeFetchOptions, allow: ReadonlySet<string>): Promise<Omit<SafeResponse, 'finalUrl'>> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(host) && !isPublicAddress(host) && !allow.has(host)) {
      reject(new UnsafeUrlError(`The address ${host} is private or local and cannot be fetched.`));
      return;
    }
    const req = mod.request(url, { method: 'GET', lookup: guardedLookup(allow, opts.resolve ?? systemResolve), timeout: opts.timeoutMs ?? 20_000, signal: opts.signal, headers: { 'user-agent': 'kinema' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > opts.maxBytes) {
        res.destroy();
        reject(new UnsafeUrlError(`The file is larger than ${opts.maxBytes} bytes.`));
        return;
      }
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > opts.maxBytes) {
          res.destroy();
          reject(new UnsafeUrlError(`The file is larger than ${opts.maxBytes} bytes.`));
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('The download timed out.')));
    req.on('error', reject);
    req.end();
  });
}
