/**
 * The check run on a URL before it is requested, and again on every redirect hop: a reply we do not
 * control (a provider's download link, a storage redirect) must not steer the server to another site,
 * the LAN or a cloud metadata service.
 */
import net from 'node:net';
import { isPublicAddress } from './isPublicAddress.ts';
import type { Refusal } from './outboundError.ts';

export interface UrlGuard {
  /** Null when the URL may be requested, else why not. */
  refuse(url: URL): Refusal | null;
}

export interface AllowListOptions {
  /** Exact `name` or `name:port` entries, or `*.suffix` wildcards (lower case). */
  hosts: readonly string[];
  /** Plain http is refused unless set (a provider API configured over http, as local contract servers are). */
  allowHttp: boolean;
  /** Names the list in refusals, e.g. "the provider's asset hosts". */
  what: string;
}

/** Allows listed hosts only; a literal private address must be listed exactly (as a loopback API host is in tests). */
export class AllowListGuard implements UrlGuard {
  private readonly hosts: string[];

  constructor(private readonly opts: AllowListOptions) {
    this.hosts = opts.hosts.map((h) => h.toLowerCase());
  }

  refuse(url: URL): Refusal | null {
    if (url.protocol !== 'https:' && !(this.opts.allowHttp && url.protocol === 'http:')) {
      return { reason: 'scheme', detail: `only https:// URLs are fetched (got ${url.protocol})` };
    }
    const host = url.host.toLowerCase();
    const name = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const listed = this.hosts.some((h) => (h.startsWith('*.') ? name.endsWith(h.slice(1)) : h === host || h === name));
    if (!listed) return { reason: 'host', detail: `${name} is not one of ${this.opts.what}` };
    if (net.isIP(name) && !isPublicAddress(name) && !this.hosts.includes(host)) return { reason: 'address', detail: `${name} is a private address` };
    return null;
  }

  describe(): string {
    return this.hosts.join(', ');
  }
}
