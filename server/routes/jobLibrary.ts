/**
 * Managing many takes: label, star and file a job in a collection (PATCH), delete it with its files (DELETE),
 * and the collections themselves. The filtered, paged list is GET /api/jobs (jobs.ts).
 */
import { Hono } from 'hono';
import { CollectionBody, COLLECTION_ID_PATTERN, DeleteJobQuery, UpdateJobRequest } from '../contract/jobLibrary.ts';
import { fromZodError, HttpError } from '../http/errors.ts';
import { readJson } from '../http/readJson.ts';
import type { AssetCache } from '../files/assetCache.ts';
import type { JobRunner } from '../jobs/jobRunner.ts';
import type { JobStore } from '../jobs/jobStore.ts';
import { requireJobId } from './jobs.ts';

function requireCollectionId(id: string): string {
  if (!COLLECTION_ID_PATTERN.test(id))
    throw new HttpError(404, 'not_found', `No collection "${id.slice(0, 64)}": collection ids look like col_… (see GET /api/collections).`, 'id');
  return id;
}

export function jobLibraryRoutes(s: { readonly cache: AssetCache; readonly runner: JobRunner; readonly store: JobStore }) {
  const collections = s.store.collections;

  async function requireCollection(id: string) {
    const col = await collections.get(requireCollectionId(id));
    if (!col) throw new HttpError(404, 'not_found', `No collection ${id}: it may have been deleted; see GET /api/collections.`, 'id');
    return col;
  }

  async function uniqueName(name: string, except?: string) {
    const same = await collections.findByName(name);
    if (same && same.id !== except) throw new HttpError(409, 'name_taken', `A collection named "${name}" already exists: pick another name or add the jobs to that one.`, 'name');
  }

  return new Hono()
    .patch('/jobs/:id', async (c) => {
      const id = requireJobId(c.req.param('id'));
      const patch = await readJson(c, UpdateJobRequest);
      if (!(await s.store.row(id))) throw new HttpError(404, 'not_found', `No job ${id}.`, 'id');
      if (patch.collectionId)
        await requireCollection(patch.collectionId).catch(() => {
          throw new HttpError(400, 'validation_error', `collectionId: no collection ${patch.collectionId}; create it with POST /api/collections first.`, 'collectionId');
        });
      return c.json(await s.store.setMeta(id, patch));
    })
    .delete('/jobs/:id', async (c) => {
      const id = requireJobId(c.req.param('id'));
      const query = DeleteJobQuery.safeParse(c.req.query());
      if (!query.success) throw fromZodError(query.error, 'query');
      const job = await s.store.get(id);
      if (!job) throw new HttpError(404, 'not_found', `No job ${id}: it may already be deleted.`, 'id');
      const descendants = await s.store.descendants(id);
      if (descendants.length > 0 && !query.data.children) {
        throw new HttpError(
          409,
          'has_children',
          `Job ${id} has ${descendants.length} job${descendants.length === 1 ? '' : 's'} made from it (edits or renders). Send children=delete to remove them too, or children=keep to keep them as jobs of their own.`,
          'children',
        );
      }
      const ids = query.data.children === 'delete' ? [id, ...descendants] : [id];
      // Stop running work first, so no worker writes files for a job that no longer exists.
      for (const jobId of ids) {
        const row = await s.store.row(jobId);
        if (row && (row.status === 'queued' || row.status === 'running')) await s.runner.cancel(jobId);
      }
      await s.store.remove(ids);
      for (const jobId of ids) await s.cache.removeDir(jobId);
      return c.json({ deleted: ids });
    })
    .get('/collections', async (c) => c.json(await collections.list()))
    .post('/collections', async (c) => {
      const { name } = await readJson(c, CollectionBody);
      await uniqueName(name);
      return c.json(await collections.create(name), 201);
    })
    .patch('/collections/:id', async (c) => {
      const col = await requireCollection(c.req.param('id'));
      const { name } = await readJson(c, CollectionBody);
      await uniqueName(name, col.id);
      await collections.rename(col.id, name);
      return c.json({ ...col, name });
    })
    .delete('/collections/:id', async (c) => {
      const col = await requireCollection(c.req.param('id'));
      const released = await collections.remove(col.id);
      // Each job's collectionId changed: record it so open studios update their lists.
      for (const jobId of released) await s.store.setMeta(jobId, { collectionId: null });
      return c.json({ deleted: col.id, jobsReleased: released.length });
    });
}
