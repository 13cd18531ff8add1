/**
 * Managing many takes through the real app: search, filters, paging, label/star, collections and delete
 * (with files and with a lineage child). Runs on the embedded SQLite database and on PostgreSQL (the LIKE
 * escapes, counts and booleans differ between them), the latter skipped when PostgreSQL is not installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, JobList } from '../contract/api.ts';
import type { Collection } from '../contract/jobLibrary.ts';
import type { JobEvent } from '../jobs/eventBus.ts';
import { missingInfra, startPostgres, type Service } from '../../test/helpers/infra.ts';
import { readSse, startTestServer, type TestServer } from '../../test/helpers/testServer.ts';

const noPostgres = missingInfra();

for (const [name, postgres] of [
  ['SQLite', false],
  ['PostgreSQL', true],
] as const) {
  describe.skipIf(postgres && noPostgres !== null)(`on ${name}`, () => {
    let t: TestServer;
    let pg: Service | null = null;
    let walk: Job;
    let wave: Job;
    let jump: Job;
    beforeAll(async () => {
      if (postgres) pg = await startPostgres();
      t = await startTestServer(pg ? { DATABASE_URL: pg.url } : {});
      const submit = async (prompt: string) => {
        const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt, variants: 1, durationSec: 2, seed: 1 });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return t.waitForJob((res.body as Job).id);
      };
      walk = await submit('a person walks forward 50% slower');
      wave = await submit('a person Waves with both hands');
      jump = await submit('a person jumps in place');
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      await pg?.stop();
    });

    const ids = (body: unknown) => (body as JobList).items.map((j) => j.id);

    describe('job list search, filters and paging', () => {
      it('searches prompt text case-blind, with % taken literally', async () => {
        expect(ids((await t.json('GET', '/api/jobs?q=WAVES')).body)).toEqual([wave.id]);
        expect(ids((await t.json('GET', '/api/jobs?q=50%25')).body)).toEqual([walk.id]);
        expect(ids((await t.json('GET', '/api/jobs?q=5_%25')).body)).toEqual([]);
      });

      it('filters by kind, status, provider and character, and pages with a cursor', async () => {
        expect(ids((await t.json('GET', '/api/jobs?kind=text2motion&status=succeeded&provider=local&character=mannequin')).body)).toEqual([jump.id, wave.id, walk.id]);
        expect(ids((await t.json('GET', '/api/jobs?status=failed')).body)).toEqual([]);
        const first = (await t.json('GET', '/api/jobs?limit=2&kind=text2motion')).body as JobList;
        expect(ids(first)).toEqual([jump.id, wave.id]);
        expect(ids((await t.json('GET', `/api/jobs?limit=2&kind=text2motion&cursor=${first.nextCursor}`)).body)).toEqual([walk.id]);
      });

      it('names the field of a bad filter', async () => {
        for (const [query, field] of [
          ['kind=dance', 'kind'],
          ['status=done', 'status'],
          ['starred=yes', 'starred'],
          ['limit=0', 'limit'],
          ['cursor=abc', 'cursor'],
          ['collection=x', 'collection'],
        ] as const) {
          const res = await t.json('GET', `/api/jobs?${query}`);
          expect(res.status, query).toBe(400);
          expect(res.body.error.field, query).toBe(field);
        }
      });
    });

    describe('label, star and collections', () => {
      it('renames and stars a job; the label is searchable and null restores the prompt', async () => {
        const res = await t.json('PATCH', `/api/jobs/${jump.id}`, { title: 'Hero jump take', starred: true });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ title: 'Hero jump take', starred: true });
        expect(ids((await t.json('GET', '/api/jobs?q=hero')).body)).toEqual([jump.id]);
        expect(ids((await t.json('GET', '/api/jobs?starred=true')).body)).toEqual([jump.id]);
        expect((await t.json('PATCH', `/api/jobs/${jump.id}`, { title: '  ' })).body.title).toBeNull();
        expect(ids((await t.json('GET', '/api/jobs?q=hero')).body)).toEqual([]);
      });

      it('rejects bad label updates with the field named', async () => {
        const long = await t.json('PATCH', `/api/jobs/${jump.id}`, { title: 'x'.repeat(121) });
        expect([long.status, long.body.error.field]).toEqual([400, 'title']);
        const empty = await t.json('PATCH', `/api/jobs/${jump.id}`, {});
        expect([empty.status, empty.body.error.field]).toEqual([400, 'title']);
        const star = await t.json('PATCH', `/api/jobs/${jump.id}`, { starred: 'yes' });
        expect([star.status, star.body.error.field]).toEqual([400, 'starred']);
        const col = await t.json('PATCH', `/api/jobs/${jump.id}`, { collectionId: 'col_doesnotexist1' });
        expect([col.status, col.body.error.field]).toEqual([400, 'collectionId']);
      });

      it('groups jobs in a collection, filters by it, and deleting the collection keeps its jobs', async () => {
        const created = await t.json('POST', '/api/collections', { name: 'Boss fight' });
        expect(created.status).toBe(201);
        const col = created.body as Collection;
        expect((await t.json('POST', '/api/collections', { name: 'Boss fight' })).status).toBe(409);
        expect((await t.json('POST', '/api/collections', { name: '' })).body.error.field).toBe('name');
        await t.json('PATCH', `/api/jobs/${walk.id}`, { collectionId: col.id });
        await t.json('PATCH', `/api/jobs/${wave.id}`, { collectionId: col.id });
        expect(ids((await t.json('GET', `/api/jobs?collection=${col.id}`)).body)).toEqual([wave.id, walk.id]);
        expect(ids((await t.json('GET', '/api/jobs?collection=none&kind=text2motion')).body)).toEqual([jump.id]);
        expect(((await t.json('GET', '/api/collections')).body as Collection[]).find((c) => c.id === col.id)?.jobCount).toBe(2);
        expect((await t.json('PATCH', `/api/collections/${col.id}`, { name: 'Arena' })).body.name).toBe('Arena');
        expect((await t.json('DELETE', `/api/collections/${col.id}`)).status).toBe(200);
        expect((await t.json('GET', `/api/jobs/${walk.id}`)).body.collectionId).toBeNull();
        expect((await t.json('DELETE', `/api/collections/${col.id}`)).status).toBe(404);
      });
    });

    describe('delete', () => {
      it('asks what to do with a lineage child, then deletes the job, its children and their files', async () => {
        const loop = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'loop', parentJobId: wave.id, variant: 1, reps: 2 });
        expect(loop.status, JSON.stringify(loop.body)).toBe(201);
        const child = await t.waitForJob((loop.body as Job).id);
        expect(child.status).toBe('succeeded');

        expect(ids((await t.json('GET', `/api/jobs?parent=${wave.id}`)).body)).toEqual([child.id]);
        const ask = await t.json('DELETE', `/api/jobs/${wave.id}`);
        expect([ask.status, ask.body.error.code, ask.body.error.field]).toEqual([409, 'has_children', 'children']);
        expect(ask.body.error.message).toMatch(/children=delete.*children=keep/);
        expect((await t.json('DELETE', `/api/jobs/${wave.id}?children=maybe`)).body.error.field).toBe('children');

        const dir = path.join(t.dataDir, 'cache', wave.id);
        expect(fs.existsSync(dir)).toBe(true);
        const res = await t.json('DELETE', `/api/jobs/${wave.id}?children=delete`);
        expect(res.status).toBe(200);
        expect(res.body.deleted).toEqual([wave.id, child.id]);
        expect(fs.existsSync(dir)).toBe(false);
        expect((await t.json('GET', `/api/jobs/${child.id}`)).status).toBe(404);
        expect((await t.app.request(wave.variants[0]!.files[0]!.url)).status).toBe(404);
      });

      it('keeps children as jobs of their own with children=keep', async () => {
        const loop = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'loop', parentJobId: walk.id, variant: 1, reps: 2 });
        const child = await t.waitForJob((loop.body as Job).id);
        expect((await t.json('DELETE', `/api/jobs/${walk.id}?children=keep`)).body.deleted).toEqual([walk.id]);
        const kept = (await t.json('GET', `/api/jobs/${child.id}`)).body as Job;
        expect([kept.status, kept.parentJobId]).toEqual(['succeeded', null]);
        expect((await t.json('DELETE', `/api/jobs/${walk.id}`)).status).toBe(404);
      });

      it('tells every event stream, live and on Last-Event-ID replay, that a job is gone', async () => {
        const before = (await t.services.store.latestEventSeq()) as number;
        const heard: JobEvent[] = [];
        const unsubscribe = t.services.bus.subscribe((e) => heard.push(e));
        // A listener that only knows `job` events (SayMotion-wire/SSE consumers) must not be handed a non-Job.
        const live = readSse(await t.app.request('/api/events'), (evs) => evs.some((e) => e.event === 'deleted'), 10_000);
        const res = await t.json('DELETE', `/api/jobs/${jump.id}`);
        unsubscribe();
        expect(res.status).toBe(200);
        expect(heard.filter((e) => e.deleted).map((e) => e.deleted!.id)).toEqual([jump.id]);

        const liveEvents = await live;
        const gone = liveEvents.find((e) => e.event === 'deleted')!;
        expect(JSON.parse(gone.data)).toEqual({ id: jump.id });
        expect(Number(gone.id)).toBeGreaterThan(before);

        const replay = await readSse(await t.app.request('/api/events', { headers: { 'last-event-id': String(before) } }), (evs) => evs.some((e) => e.event === 'deleted'), 10_000);
        expect(replay.filter((e) => e.event === 'deleted').map((e) => JSON.parse(e.data))).toEqual([{ id: jump.id }]);
        // Every `job` event still carries a whole Job, as before.
        for (const e of replay.filter((x) => x.event === 'job')) expect((JSON.parse(e.data) as Job).id).toMatch(/^job_/);
      });
    });
  });
}
