import { Hono } from 'hono';
import { ProviderId } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import { characterStoreFor } from '../characters/characterStore.ts';
import type { Config } from '../config.ts';
import { toCharacter } from '../characters/toCharacter.ts';
import { requireProvider } from './requireProvider.ts';
import { ProviderError, type Provider } from '../providers/provider.ts';

export function characterRoutes(s: { readonly config: Config; readonly providers: ReadonlyMap<ProviderId, Provider> }) {
  return new Hono().get('/characters', async (c) => {
    const raw = c.req.query('provider') ?? 'local';
    const id = ProviderId.safeParse(raw);
    if (!id.success) throw new HttpError(400, 'validation_error', `provider must be one of: ${ProviderId.options.join(', ')}`, 'provider');
    const provider = requireProvider(s, id.data);
    let characters;
    try {
      characters = await provider.characters();
    } catch (err) {
      // The provider is down or refused: that is neither the user's mistake nor ours to hide behind a 500.
      if (err instanceof ProviderError) throw new HttpError(502, err.code, `${provider.name} could not list its characters: ${err.message}`, 'provider');
      throw err;
    }
    // Uploaded characters are local files: the local engine can use every one of them, after the mannequin.
    const uploaded = id.data === 'local' ? (await characterStoreFor(s.config.dataDir).list()).map((m) => toCharacter(m, 'local')) : [];
    return c.json([...characters, ...uploaded]);
  });
}
