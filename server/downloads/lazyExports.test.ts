/**
 * FBX and BVH of a local-engine take are made on first download: the job lists them without a size, the first
 * request computes and serves them (with Content-Length and byte ranges), concurrent first requests compute
 * once, and from then on the job lists them with their size and serves the cached file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../contract/api.ts';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';
import { decodeMotion } from '../engine/index.ts';
import { convertMotion } from './convertMotion.ts';
import { exportSpec } from './exportOptions.ts';

let t: TestServer;
const log: string[] = [];
let job: Job;

beforeAll(async () => {
  t = await startTestServer({}, undefined, (line) => log.push(line));
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward', variants: 2, durationSec: 3, seed: 5 });
  job = await t.waitForJob(res.body.id, 60_000);
  expect(job.status).toBe('succeeded');
});
afterAll(() => t?.close());

const cachedLines = (variant: number, key: string) =>
  log.filter((l) => l.includes('download conversion cached') && l.includes(job.id) && l.includes(`"variant":${variant}`) && l.includes(`"key":"${key}"`));

describe('lazy exports', () => {
  it('the job lists FBX and BVH before they exist, without a size', () => {
    const files = job.variants[0]!.files;
    expect(files.map((f) => f.format)).toEqual(['glb', 'fbx', 'bvh']);
    expect(files.find((f) => f.format === 'glb')!.bytes).toBeGreaterThan(0);
    expect(files.find((f) => f.format === 'fbx')!.bytes).toBeNull();
  });

  it('two first downloads at once compute the file once and get the same bytes, with Content-Length', async () => {
    const url = job.variants[0]!.files.find((f) => f.format === 'fbx')!.url;
    const [a, b] = await Promise.all([t.app.request(url), t.app.request(url)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [ab, bb] = [new Uint8Array(await a.arrayBuffer()), new Uint8Array(await b.arrayBuffer())];
    expect(Buffer.compare(ab, bb)).toBe(0);
    expect(a.headers.get('content-length')).toBe(String(ab.byteLength));
    expect(new TextDecoder().decode(ab.subarray(0, 18))).toBe('Kaydara FBX Binary');
    for (let i = 0; i < 100 && cachedLines(1, 'fbx').length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(cachedLines(1, 'fbx')).toHaveLength(1);
    const after = (await t.services.store.get(job.id))!;
    expect(after.variants[0]!.files.find((f) => f.format === 'fbx')!.bytes).toBe(ab.byteLength);
    const again = await t.app.request(url);
    expect(Buffer.compare(new Uint8Array(await again.arrayBuffer()), ab)).toBe(0);
    expect(cachedLines(1, 'fbx'), 'served from the cache, not computed again').toHaveLength(1);
  });

  it('the same download is the same bytes whoever computes it (instances sharing a cache agree on it)', async () => {
    const motionRow = (await t.services.store.file(job.id, 2, 'motion'))!;
    const motion = decodeMotion(await t.services.cache.read(motionRow.relPath, motionRow.sha256));
    const spec = exportSpec({ format: 'fbx', fps: 60 }, motion.fps);
    const [a, b] = [await convertMotion(motion, spec, { clipName: 'x', character: null }), await convertMotion(motion, spec, { clipName: 'x', character: null })];
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('a first download can be a byte range', async () => {
    const url = job.variants[1]!.files.find((f) => f.format === 'bvh')!.url;
    const part = await t.app.request(url, { headers: { range: 'bytes=0-8' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('HIERARCHY');
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-8\/\d+$/);
  });
});
