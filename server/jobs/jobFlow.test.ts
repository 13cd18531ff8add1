/**
 * The whole local job path through the real app: validation → SQLite → engine worker → cache →
 * SSE → downloads, plus restart, cancel, idempotency and cache integrity.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../contract/api.ts';
import { loadGlb, parseBvh, validateGlb } from '../../test/helpers/assetChecks.ts';
import { readSse, startTestServer, type TestServer } from '../../test/helpers/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

async function submit(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Job> {
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', ...body }, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Job;
}

describe('text2motion on the local engine', () => {
  it('runs to success with one GLB and one BVH per variant, served from the cache', async () => {
    const created = await submit({ prompt: 'a person walks forward slowly then waves', variants: 3, durationSec: 4, seed: 7 });
    expect(created.status).toBe('queued');
    expect(created.request).toMatchObject({ seed: 7, variants: 3, footLocking: 'auto', physicsFilter: true });
    const job = await t.waitForJob(created.id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.progress).toBe(100);
    expect(job.report?.understood.join(' ')).toMatch(/walk/);
    expect(job.variants.map((v) => v.index)).toEqual([1, 2, 3]);
    for (const v of job.variants) {
      expect(v.durationSec).toBeCloseTo(4, 5);
      expect(v.files.map((f) => f.format)).toEqual(['glb', 'fbx', 'bvh']);
    }

    const glbFile = job.variants[0]!.files[0]!;
    const res = await t.app.request(glbFile.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('model/gltf-binary');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="a-person-walks-forward-slowly-then-waves_[a-z0-9]{6}_v1\.glb"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(glbFile.bytes);
    expect(Number(res.headers.get('content-length'))).toBe(glbFile.bytes);
    const report = await validateGlb(bytes);
    expect(report.numErrors, JSON.stringify(report.messages.slice(0, 3))).toBe(0);
    const gltf = await loadGlb(bytes);
    expect(gltf.animations).toHaveLength(1);

    const fbxRes = await t.app.request(job.variants[1]!.files[1]!.url);
    const fbx = Buffer.from(await fbxRes.arrayBuffer());
    expect(fbx.subarray(0, 18).toString('latin1')).toBe('Kaydara FBX Binary');
    const bvhRes = await t.app.request(job.variants[2]!.files[2]!.url);
    const bvh = parseBvh(await bvhRes.text());
    expect(bvh.clip.duration).toBeCloseTo(4, 1);
  });

  it('serves byte ranges and HEAD', async () => {
    const job = await t.waitForJob((await submit({ prompt: 'jump', durationSec: 2, seed: 1 })).id);
    const url = job.variants[0]!.files[0]!.url;
    const whole = new Uint8Array(await (await t.app.request(url)).arrayBuffer());
    const part = await t.app.request(url, { headers: { range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${whole.byteLength}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(whole.subarray(4, 12));
    const tail = await t.app.request(url, { headers: { range: 'bytes=-4' } });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(whole.subarray(whole.byteLength - 4));
    expect((await t.app.request(url, { headers: { range: `bytes=${whole.byteLength + 5}-` } })).status).toBe(416);
    const head = await t.app.request(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(whole.byteLength);
  });

  it('the same seed gives byte-identical files; another seed does not', async () => {
    const a = await t.waitForJob((await submit({ prompt: 'run then jump', durationSec: 3, seed: 42 })).id);
    const b = await t.waitForJob((await submit({ prompt: 'run then jump', durationSec: 3, seed: 42 })).id);
    const c = await t.waitForJob((await submit({ prompt: 'run then jump', durationSec: 3, seed: 43 })).id);
    const bytes = async (j: Job) => new Uint8Array(await (await t.app.request(j.variants[0]!.files.find((f) => f.format === 'bvh')!.url)).arrayBuffer());
    expect(await bytes(a)).toEqual(await bytes(b));
    expect(await bytes(a)).not.toEqual(await bytes(c));
  });
});

describe('events', () => {
  it('the job stream starts with the current job, has increasing ids, reports progress and ends on success', async () => {
    // Long enough to outlast a progress interval (80 ms) now that only the GLB is exported at job time.
    const created = await submit({ prompt: 'walk forward then turn left', variants: 8, durationSec: 30, seed: 3 });
    const res = await t.app.request(`/api/jobs/${created.id}/events`);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readSse(res);
    expect(events.length).toBeGreaterThan(2);
    const jobs = events.map((e) => JSON.parse(e.data) as Job);
    expect(events.every((e) => e.event === 'job')).toBe(true);
    const ids = events.map((e) => Number(e.id));
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(jobs[jobs.length - 1]!.status).toBe('succeeded');
    const progress = jobs.map((j) => j.progress);
    expect(
      progress.some((p) => p > 0 && p < 100),
      `progress seen: ${progress.join(',')}`,
    ).toBe(true);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
  });

  it('Last-Event-ID resumes exactly where the client left off', async () => {
    const created = await submit({ prompt: 'jog then wave', variants: 2, durationSec: 5, seed: 9 });
    await t.waitForJob(created.id);
    const full = await readSse(await t.app.request(`/api/jobs/${created.id}/events?lastEventId=0`));
    expect(full.length).toBeGreaterThan(3);
    const cut = full[1]!.id!;
    const rest = await readSse(await t.app.request(`/api/jobs/${created.id}/events`, { headers: { 'last-event-id': cut } }));
    expect(rest.map((e) => e.id)).toEqual(full.slice(2).map((e) => e.id));
  });

  it('/api/events carries every job', async () => {
    const res = await t.app.request('/api/events');
    const pending = readSse(res, (evs) => evs.some((e) => JSON.parse(e.data).status === 'succeeded'));
    const created = await submit({ prompt: 'idle', durationSec: 1, seed: 5 });
    const events = await pending;
    expect(events.some((e) => JSON.parse(e.data).id === created.id)).toBe(true);
  });
});

describe('job lifecycle', () => {
  it('cancel stops a running job; a second cancel is a 409', async () => {
    const created = await submit({ prompt: 'walk then run then jump then walk then wave', variants: 8, durationSec: 60, seed: 11 });
    for (let i = 0; i < 200 && (await t.services.store.get(created.id))!.status === 'queued'; i++) await new Promise((r) => setTimeout(r, 10));
    const res = await t.json('POST', `/api/jobs/${created.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('canceled');
    await t.services.runner.whenSettled(created.id);
    expect((await t.services.store.get(created.id))!.status).toBe('canceled');
    const again = await t.json('POST', `/api/jobs/${created.id}/cancel`);
    expect(again.status).toBe(409);
    // The engine worker was terminated and replaced: the next job still runs.
    const next = await t.waitForJob((await submit({ prompt: 'wave', durationSec: 1, seed: 2 })).id);
    expect(next.status).toBe('succeeded');
  });

  it('an Idempotency-Key makes a retried POST return the first job', async () => {
    const key = `retry-${Date.now()}`;
    const first = await submit({ prompt: 'sit down', seed: 3 }, { 'idempotency-key': key });
    const second = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'sit down', seed: 3 }, { 'idempotency-key': key });
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.id);
  });

  it('lists newest first with a working cursor', async () => {
    const page1 = await t.json('GET', '/api/jobs?limit=2');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await t.json('GET', `/api/jobs?limit=2&cursor=${page1.body.nextCursor}`);
    const ids = [...page1.body.items, ...page2.body.items].map((j: Job) => j.id);
    expect(new Set(ids).size).toBe(4);
    const all = (await t.json('GET', '/api/jobs?limit=200')).body.items.map((j: Job) => j.id);
    expect(all.slice(0, 4)).toEqual(ids);
  });

  it('a corrupted cache file is reported, never served', async () => {
    const job = await t.waitForJob((await submit({ prompt: 'bow', durationSec: 1, seed: 4 })).id);
    const file = path.join(t.dataDir, 'cache', job.id, 'v1.glb');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const res = await t.json('GET', job.variants[0]!.files[0]!.url);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('file_unavailable');
  });
});

describe('persistence', () => {
  it('a restart keeps the job history and its files', async () => {
    const dir = fs.mkdtempSync(path.join(t.dataDir, 'restart-'));
    const first = await startTestServer({}, dir);
    const res = await first.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'walk', durationSec: 2, seed: 1 });
    const job = await first.waitForJob(res.body.id);
    await first.close();
    const second = await startTestServer({}, dir);
    try {
      const again = await second.json('GET', `/api/jobs/${job.id}`);
      expect(again.body).toEqual(job);
      const file = await second.app.request(job.variants[0]!.files[0]!.url);
      expect(file.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('a job left running by a crash is resumed on start', async () => {
    const dir = fs.mkdtempSync(path.join(t.dataDir, 'resume-'));
    const first = await startTestServer({}, dir);
    // Simulate a crash: the job is stored as running but no runner owns it.
    const job = await first.services.store.create({
      provider: 'local',
      request: { provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1, seed: 1, variants: 1 },
      parentJobId: null,
      parentVariant: null,
      idempotencyKey: null,
    });
    await first.services.store.update(job.id, { status: 'running', progress: 40 });
    await first.close();
    const second = await startTestServer({}, dir);
    try {
      expect(await second.services.runner.resumeAll()).toBe(1);
      expect((await second.waitForJob(job.id)).status).toBe('succeeded');
    } finally {
      await second.close();
    }
  });
});
