/**
 * The guard for URLs nobody vouches for (a user's character URL, say): any public host, but never
 * this machine, the LAN or a cloud metadata service, by address or by a local-only name. A name that
 * resolves to such an address is caught at connect time by safeFetch (../ssrf.ts), not here.
 */
import net from 'node:net';
import { isPublicAddress } from './isPublicAddress.ts';
import type { Refusal } from './outboundError.ts';
import type { UrlGuard } from './urlGuard.ts';

export interface PublicHostOptions {
  /** Plain http is refused unless a test or an explicitly configured host needs it. */
  allowHttp?: boolean;
  /** For tests only: treat these addresses as public (e.g. a loopback contract server). */
  allowAddresses?: readonly string[];
}

export class PublicHostGuard implements UrlGuard {
  constructor(private readonly opts: PublicHostOptions = {}) {}

  refuse(url: URL): Refusal | null {
    if (url.protocol !== 'https:' && !(this.opts.allowHttp && url.protocol === 'http:')) {
      return { reason: 'scheme', detail: `Only https:// URLs can be fetched (got ${url.protocol}).` };
    }
    if (url.username || url.password) return { reason: 'invalid', detail: 'URLs with credentials in them are refused.' };
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (this.opts.allowAddresses?.includes(host)) return null;
    if (net.isIP(host) && !isPublicAddress(host)) return { reason: 'address', detail: `The address ${host} is private or local and cannot be fetched.` };
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) {
      return { reason: 'host', detail: `The host ${host} is local and cannot be fetched.` };
    }
    return null;
  }
}
