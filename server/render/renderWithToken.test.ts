/**
 * A studio that requires an access token (KINEMA_ACCESS_TOKEN) still renders: the headless browser sends
 * the token for the GLB it loads from /api, and the token never appears in the render job's record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRenderServer, type RenderTestServer } from './testing/startRenderServer.ts';

const TOKEN = 'render-test-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
let t: RenderTestServer;

beforeAll(async () => {
  t = await startRenderServer({ env: { KINEMA_ACCESS_TOKEN: TOKEN } });
}, 120_000);
afterAll(async () => t?.close());

it('renders through the token guard', async () => {
  expect((await t.json('GET', '/api/jobs')).status).toBe(401);
  const clip = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person waves', durationSec: 1, seed: 2 }, auth);
  expect(clip.status).toBe(201);
  expect((await t.waitForJob(clip.body.id, 60_000)).status).toBe('succeeded');
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'render', parentJobId: clip.body.id, variant: 1, format: 'mp4' }, auth);
  expect(res.status).toBe(201);
  const job = await t.waitForJob(res.body.id, 120_000);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  expect(job.variants[0]!.files.map((f) => f.format)).toEqual(['mp4']);
  expect(JSON.stringify(job)).not.toContain(TOKEN);
}, 180_000);
