/** The wire endpoint's character routes: listing the models; managing them is the studio's job. */
import type { Hono } from 'hono';
import { localCharacters, type WireEndpoint } from './wireEndpoint.ts';
import { WireError } from './wireError.ts';
import { origin } from './wireRequest.ts';

export function wireCharacterRoutes(app: Hono, w: WireEndpoint): void {
  app.get('/character/v1/listModels', async (c) => {
    const includeStock = c.req.query('stockModel') !== undefined;
    const id = c.req.query('modelId');
    const search = c.req.query('searchToken')?.toLowerCase();
    const list = (await localCharacters(w))
      .filter((m) => (includeStock || m.platform === 'custom') && (!id || m.id === id) && (!search || m.name.toLowerCase().includes(search)))
      .map((m) => ({
        id: m.id,
        name: m.name,
        thumb: null,
        glb: m.modelUrl ? `${origin(c)}${m.modelUrl}` : null,
        rigId: 'kinema',
        ctime: m.ctime,
        mtime: m.ctime,
        platform: m.platform,
      }));
    return c.json({ list });
  });

  for (const path of ['/character/v1/getModelUploadUrl', '/character/v1/storeModel', '/character/v1/deleteModel/:id']) {
    app.on(['GET', 'POST', 'DELETE'], path, () => {
      throw new WireError(400, 'Custom characters of the local engine are managed in the studio (POST /api/characters), not through this endpoint.');
    });
  }
}
