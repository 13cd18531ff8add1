import { Hono } from 'hono';
import { PROVIDER_IDS, type ProviderId, type ProviderInfo } from '../contract/api.ts';
import type { Provider } from '../providers/provider.ts';
import { PROVIDER_NAMES } from './requireProvider.ts';

/** How long the providers list waits for a credit balance before showing it as unknown. */
const CREDITS_TIMEOUT_MS = 3000;

export function providerRoutes(s: { readonly providers: ReadonlyMap<ProviderId, Provider> }) {
  return new Hono().get('/providers', async (c) => {
    const infos = await Promise.all(
      [...s.providers.values()].map(async (p): Promise<ProviderInfo> => {
        const configured = p.configured();
        let credits: number | null = null;
        if (configured) {
          credits = await Promise.race([p.credits().catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), CREDITS_TIMEOUT_MS).unref())]);
        }
        return { id: p.id, name: p.name, configured, capabilities: configured ? p.capabilities() : [], credits };
      }),
    );
    // Providers without credentials have no adapter instance; list them so the UI can explain how to enable them.
    for (const id of PROVIDER_IDS) {
      if (!s.providers.has(id)) infos.push({ id, name: PROVIDER_NAMES[id], configured: false, capabilities: [], credits: null });
    }
    return c.json(infos);
  });
}
