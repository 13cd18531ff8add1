import { Hono } from 'hono';
import { ProviderId } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { requireProvider } from './requireProvider.ts';

export function characterRoutes(s: Services) {
  return new Hono().get('/characters', async (c) => {
    const raw = c.req.query('provider') ?? 'local';
    const id = ProviderId.safeParse(raw);
    if (!id.success) throw new HttpError(400, 'validation_error', `provider must be one of: ${ProviderId.options.join(', ')}`, 'provider');
    const provider = requireProvider(s, id.data);
    return c.json(await provider.characters());
  });
}
