/**
 * Where a provider's result files may be downloaded from. Download links come from the provider's
 * API replies; checking them against the provider's documented asset hosts means a tampered or
 * unexpected reply cannot make the server fetch from an internal address or some other site.
 * Entries are exact host names or `*.suffix` wildcards; the API host itself is always allowed.
 */
import net from 'node:net';
import { isPublicAddress } from '../http/ssrf.ts';

export const DEFAULT_ASSET_HOSTS = {
  // Signed storage URLs (the character upload flow speaks Google Cloud Storage's resumable protocol).
  saymotion: ['storage.googleapis.com', '*.storage.googleapis.com', '*.deepmotion.com'],
  // Result URLs are signed https://assets.meshy.ai/… links (shared/contracts/meshy.md §1.10).
  meshy: ['assets.meshy.ai', '*.meshy.ai'],
} as const;

export function parseHostList(raw: string | undefined): string[] | undefined {
  if (!raw || !raw.trim()) return undefined;
  return raw.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
}

export class AssetHostPolicy {
  private readonly hosts: string[];

  constructor(apiBaseUrl: string, allowed: readonly string[]) {
    this.hosts = [new URL(apiBaseUrl).host.toLowerCase(), ...allowed.map((h) => h.toLowerCase())];
  }

  /** Null when the URL may be fetched, else the reason it may not. */
  refuse(url: URL): string | null {
    const host = url.host.toLowerCase();
    const name = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const listed = this.hosts.some((h) => (h.startsWith('*.') ? name.endsWith(h.slice(1)) : h === host || h === name));
    if (!listed) return `${name} is not one of the provider's asset hosts`;
    // A listed name is fine; a literal private address is only acceptable when it is the configured API host.
    if (net.isIP(name) && !isPublicAddress(name) && !this.hosts.includes(host)) return `${name} is a private address`;
    return null;
  }

  describe(): string {
    return this.hosts.join(', ');
  }
}
