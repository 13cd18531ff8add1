import { Hono } from 'hono';
import { ProviderId } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import { characterStoreFor } from '../characters/characterStore.ts';
import type { Services } from '../services.ts';
import { toCharacter } from './characterUploads.ts';
import { requireProvider } from './requireProvider.ts';

export function characterRoutes(s: Services) {
  return new Hono().get('/characters', async (c) => {
    const raw = c.req.query('provider') ?? 'local';
    const id = ProviderId.safeParse(raw);
    if (!id.success) throw new HttpError(400, 'validation_error', `provider must be one of: ${ProviderId.options.join(', ')}`, 'provider');
    const provider = requireProvider(s, id.data);
    const characters = await provider.characters();
    // Uploaded characters are local files: the local engine can use every one of them, after the mannequin.
    const uploaded = id.data === 'local' ? (await characterStoreFor(s.config.dataDir).list()).map((m) => toCharacter(m, 'local')) : [];
    return c.json([...characters, ...uploaded]);
  });
}
