/** Auto loop through the API: the loop dialog's window analysis, and a loop job that loops that window. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../contract/api.ts';
import { LoopWindow, loopWindowUrl } from '../contract/downloads.ts';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';

let t: TestServer;
let job: Job;

beforeAll(async () => {
  t = await startTestServer();
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward', variants: 1, durationSec: 4, seed: 9 });
  job = await t.waitForJob(res.body.id, 60_000);
  expect(job.status).toBe('succeeded');
});
afterAll(() => t?.close());

describe('auto loop window', () => {
  it('reports the best window and its seam error before and after closing', async () => {
    const res = await t.json('GET', loopWindowUrl(job.id, 1));
    expect(res.status).toBe(200);
    const w = LoopWindow.parse(res.body);
    expect(w.startSec).toBeGreaterThanOrEqual(0);
    expect(w.endSec).toBeLessThanOrEqual(w.durationSec + 1e-9);
    expect(w.endSec - w.startSec).toBeGreaterThanOrEqual(0.6);
    expect(w.closedSeamErrorDeg).toBeLessThanOrEqual(w.seamErrorDeg);
  });

  it('unknown variants are 404 naming the variant', async () => {
    const res = await t.json('GET', loopWindowUrl(job.id, 5));
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe('variant');
  });

  it('a loop job with autoWindow loops that window, reps times', async () => {
    const w = LoopWindow.parse((await t.json('GET', loopWindowUrl(job.id, 1))).body);
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'loop', parentJobId: job.id, variant: 1, reps: 2, autoWindow: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const done = await t.waitForJob(res.body.id, 60_000);
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    const windowFrames = Math.round((w.endSec - w.startSec) * 30);
    expect(done.variants[0]!.durationSec).toBeCloseTo((2 * windowFrames - 1) / 30, 2);
    expect(done.report!.understood.join(' ')).toMatch(/auto window/);
  });
});
