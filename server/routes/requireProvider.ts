import type { ProviderId } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import type { Provider } from '../providers/provider.ts';

export const PROVIDER_NAMES: Record<ProviderId, string> = { local: 'Local engine (offline)', saymotion: 'SayMotion', meshy: 'Meshy' };

const HOW_TO_CONFIGURE: Record<ProviderId, string> = {
  local: '',
  saymotion: 'set DM_CLIENT_ID and DM_CLIENT_SECRET (and DM_API_SERVER_URL if needed) in the server environment or .env and restart',
  meshy: 'set MESHY_API_KEY in the server environment or .env and restart',
};

/** The provider, or a 400 that says how to enable it. */
export function requireProvider(s: { providers: ReadonlyMap<ProviderId, Provider> }, id: ProviderId): Provider {
  const provider = s.providers.get(id);
  if (!provider || !provider.configured()) {
    throw new HttpError(400, 'provider_not_configured', `${PROVIDER_NAMES[id]} is not configured on this server: ${HOW_TO_CONFIGURE[id]}, or use provider "local".`, 'provider');
  }
  return provider;
}
