/**
 * The guard for a provider's result-file downloads: its API host plus its asset hosts (documented
 * defaults in config.ts, extended by DM_ASSET_HOSTS / MESHY_ASSET_HOSTS), checked on every hop.
 * Plain http is accepted only when the API itself is configured over http (local contract servers).
 */
import { AllowListGuard } from '../http/outbound/urlGuard.ts';

export function assetHostGuard(apiBaseUrl: string, assetHosts: readonly string[]): AllowListGuard {
  const api = new URL(apiBaseUrl);
  return new AllowListGuard({ hosts: [api.host, ...assetHosts], allowHttp: api.protocol === 'http:', what: "the provider's asset hosts" });
}
