/**
 * Hostile uploads: zlib bombs, a 2^31-element accessor, two million levels of JSON. Each fails its
 * upload (or, when already stored, its job) with a clear reason while the server's memory stays flat
 * and /api/health keeps answering.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { characterStoreFor } from '../server/characters/characterStore.ts';
import { healthProbe, p99 } from './helpers/healthProbe.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';
import { fbxWithArray, glbWithDeepJson, glbWithHugeAccessor, zerosDeflated } from './hostile/bombs.ts';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
let t: TestServer;
let bombs: Array<[string, Uint8Array, RegExp]>;

beforeAll(async () => {
  t = await startTestServer();
  const gib = await zerosDeflated(GiB);
  bombs = [
    ['FBX array declaring 24 bytes, inflating to 1 GiB', fbxWithArray(3, gib), /inflates to more than the 24 bytes it declares/],
    ['FBX array honestly declaring 1 GiB', fbxWithArray(GiB / 8, gib), /declares 1024 MiB; at most 64 MiB/],
    ['FBX array declaring 60 MiB, inflating to 1 GiB', fbxWithArray((60 * MiB) / 8, gib), /inflates to more than/],
    ['GLB accessor with 2^31 elements', glbWithHugeAccessor(), /declares 2147483648 elements/],
    ['GLB JSON nested 2,000,000 levels', glbWithDeepJson(2_000_000), /nested deeper than 64 levels/],
  ];
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('hostile model files', () => {
  it('every bomb fails its upload with the reason; RSS grows ≤ 300 MB and health p99 ≤ 200 ms throughout', async () => {
    global.gc?.();
    const baseRss = process.memoryUsage().rss;
    const m = healthProbe(t);
    for (const [what, bytes, reason] of bombs) {
      const res = await t.app.request('/api/characters?name=bomb', {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
      const body = (await res.json()) as { error: { code: string; message: string; field: string } };
      expect(res.status, what).toBe(400);
      expect(body.error.code, what).toBe('unsupported_model');
      expect(body.error.field).toBe('body');
      expect(body.error.message, what).toMatch(reason);
    }
    const { latencies, peakRss, loopMaxMs } = await m.stop();
    expect(loopMaxMs).toBeLessThan(1000);
    expect(latencies.length).toBeGreaterThan(5);
    expect((peakRss - baseRss) / 1e6).toBeLessThanOrEqual(300);
    expect(p99(latencies)).toBeLessThanOrEqual(200);
    // Nothing was stored, and a real character still uploads.
    expect(await characterStoreFor(t.dataDir).list()).toHaveLength(0);
    const real = fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/fixtures/human-zombie.glb'));
    const ok = await t.app.request('/api/characters?name=Zombie', { method: 'POST', headers: { 'content-type': 'model/gltf-binary' }, body: real });
    expect(ok.status).toBe(201);
  }, 60_000);

  it('a bomb stored before the limits existed fails its job with the reason, and the server keeps serving', async () => {
    const stored = await characterStoreFor(t.dataDir).add('old bomb', 'fbx', bombs[0]![1]);
    const base = process.memoryUsage().rss;
    const m = healthProbe(t);
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1, characterId: stored.id });
    expect(res.status).toBe(201);
    const job = await t.waitForJob(res.body.id);
    const { latencies, peakRss, loopMaxMs } = await m.stop();
    expect(loopMaxMs).toBeLessThan(1000);
    expect(job.status).toBe('failed');
    expect(job.error!.code).toBe('unreadable_character');
    expect(job.error!.message).toMatch(/compression bomb/);
    expect((peakRss - base) / 1e6).toBeLessThanOrEqual(300);
    expect(p99(latencies)).toBeLessThanOrEqual(200);
  }, 60_000);

  it('uploads are rate-limited per client and capped by a disk quota (507)', async () => {
    const small = await startTestServer({ KINEMA_UPLOAD_BURST: '3', KINEMA_UPLOAD_RATE_PER_MIN: '1', KINEMA_CHARACTER_QUOTA_MB: '1' });
    try {
      const real = fs.readFileSync(path.resolve(import.meta.dirname, '../../shared/fixtures/human-male.glb'));
      const up = () => small.app.request('/api/characters?name=Hero', { method: 'POST', headers: { 'content-type': 'model/gltf-binary' }, body: real });
      expect((await up()).status).toBe(201); // 0.5 MB of the 1 MiB quota
      const over = await up();
      expect(over.status).toBe(507);
      expect(((await over.json()) as { error: { code: string } }).error.code).toBe('quota_exceeded');
      await up();
      const limited = await up();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });
});
