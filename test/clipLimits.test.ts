/** Unbounded clips and odd numbers are refused at submission, with the field and the reason. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateJobRequest, Job } from '../server/contract/api.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

/** A succeeded local job with one variant of `sec` seconds (no engine run needed for submission checks). */
async function succeeded(sec: number): Promise<Job> {
  const request: CreateJobRequest = { provider: 'local', kind: 'text2motion', prompt: 'walk', characterId: 'mannequin', variants: 1, durationSec: 0, seed: 1 };
  const job = await t.services.store.create({ provider: 'local', request, parentJobId: null, parentVariant: null, idempotencyKey: null });
  // Claim it so the runner leaves it alone, then mark it done.
  await t.services.runner.cancel(job.id);
  return t.services.store.update(job.id, { status: 'succeeded', variants: [{ index: 1, durationSec: sec }] });
}

describe('clip length cap (10 minutes)', () => {
  it('chained loops are capped: ×50 of 10 s passes, a loop of that 500 s clip is refused with the reps that fit', async () => {
    const ten = await succeeded(10);
    const ok = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'loop', parentJobId: ten.id, variant: 1, reps: 50 });
    expect(ok.status).toBe(201);
    await t.services.runner.cancel(ok.body.id);
    const long = await succeeded(500);
    const chained = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'loop', parentJobId: long.id, variant: 1, reps: 50 });
    expect(chained.status).toBe(400);
    expect(chained.body.error.code).toBe('clip_too_long');
    expect(chained.body.error.field).toBe('reps');
    expect(chained.body.error.message).toMatch(/limited to 10 minutes, so use at most 1 reps/);
    expect((await t.json('POST', '/api/jobs', { provider: 'local', kind: 'loop', parentJobId: long.id, variant: 1, reps: 2 })).status).toBe(400);
  });

  it('a merge that could pass 10 minutes is refused; a merge trim longer than the clip is refused at submission', async () => {
    const long = await succeeded(590);
    const merge = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'merge', parentJobId: long.id, variant: 1, prompt: 'wave' });
    expect(merge.status).toBe(400);
    expect(merge.body.error.code).toBe('clip_too_long');
    const short = await succeeded(4);
    const trim = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'merge', parentJobId: short.id, variant: 1, prompt: 'wave', trimLeftFrames: 500 });
    expect(trim.status).toBe(400);
    expect(trim.body.error.field).toBe('trimLeftFrames');
    expect(trim.body.error.message).toMatch(/less than the clip's 121 frames/);
  });
});

describe('strict numbers', () => {
  it('durationSec below one second (but not 0) is refused', async () => {
    for (const durationSec of [1e-7, 0.5, 0.999]) {
      const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec });
      expect(res.status, String(durationSec)).toBe(400);
      expect(res.body.error.field).toBe('durationSec');
    }
  });

  it('hex, exponent, signed and padded numbers in URLs are refused', async () => {
    for (const q of ['0x10', '1e1', '+5', ' 5', '5.0', '']) {
      const res = await t.json('GET', `/api/jobs?limit=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(400);
    }
    expect((await t.json('GET', '/api/jobs?limit=10')).status).toBe(200);
    const job = await succeeded(2);
    for (const v of ['1e0', '0x1', '01', '1.0']) {
      const res = await t.json('GET', `/api/jobs/${job.id}/variants/${v}/files/glb`);
      expect(res.status, v).toBe(404);
      expect(res.body.error.field).toBe('variant');
    }
    const sse = await t.app.request('/api/events', { headers: { 'last-event-id': '0x10' } });
    expect(sse.status).toBe(400);
  });
});
