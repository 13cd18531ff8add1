/**
 * The whole Meshy path through the real app, runner, SQLite and cache, with the Meshy contract
 * server on a real port as MESHY_API_BASE: upload → rig → animate (library actions and a
 * text-to-motion clip) → files served from our cache, also after Meshy's URLs expire; credits and
 * the library through the API; resume after a restart without a second paid create.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, WebIO } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, LibraryEntry, ProviderInfo } from '../../contract/api.ts';
import { MeshyContractServer } from '../../../test/contract/meshyServer.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/testServer.ts';
import type { MeshyProvider } from './meshyProvider.ts';

let meshy: MeshyContractServer;
let t: TestServer;
let env: Record<string, string>;

beforeAll(async () => {
  meshy = new MeshyContractServer({ runMs: 300 });
  env = { MESHY_API_KEY: 'msy_test_key_123', MESHY_API_BASE: await meshy.listen() };
  t = await startTestServer(env);
});
afterAll(async () => {
  await t.close();
  await meshy.close();
});

async function submit(body: Record<string, unknown>, server = t): Promise<Job> {
  const res = await server.json('POST', '/api/jobs', { provider: 'meshy', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return server.waitForJob(res.body.id, 30_000);
}

async function download(job: Job, variant: number, format: string, server = t): Promise<Uint8Array> {
  const f = job.variants.find((v) => v.index === variant)?.files.find((x) => x.format === format);
  expect(f, `${format} of variant ${variant}`).toBeDefined();
  const res = await server.app.request(f!.url);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function characterGlb(): Promise<Uint8Array> {
  const doc = new Document();
  doc.createScene().addChild(doc.createNode('Hero'));
  return new WebIO().writeBinary(doc);
}

describe('Meshy through the studio API', () => {
  let rig: Job;

  it('lists Meshy as configured with its capabilities and credit balance', async () => {
    const providers = (await t.json('GET', '/api/providers')).body as ProviderInfo[];
    expect(providers.find((p) => p.id === 'meshy')).toMatchObject({ configured: true, credits: 1000, capabilities: ['rig', 'animate', 'library', 'textToMotion', 'characters'] });
  });

  it('searches the Meshy library in the common shape', async () => {
    const hits = (await t.json('GET', '/api/library?provider=meshy&search=jump')).body as LibraryEntry[];
    expect(hits).toEqual([
      { id: 466, name: 'Regular_Jump', key: 'Regular_Jump', category: 'BodyMovements', subCategory: 'Jumping', previewUrl: expect.stringMatching(/^https:\/\/cdn\.meshy\.ai\//) },
    ]);
    const dancing = (await t.json('GET', '/api/library?provider=meshy&category=Dancing')).body as LibraryEntry[];
    expect(dancing.map((e) => e.name)).toEqual(['FunnyDancing_01']);
    // Served from the in-memory catalog: Meshy was asked once for all of the searches above.
    expect(meshy.log.filter((r) => r.path === '/openapi/v1/animations/library')).toHaveLength(1);
  });

  it('a Meshy outage while loading the library is a 503 with the reason, not a 500', async () => {
    const provider = t.services.providers.get('meshy') as MeshyProvider;
    provider.setTiming({ catalogTtlMs: 0 });
    meshy.fault({ on: 'library', status: 502, message: 'Bad Gateway' });
    try {
      const res = await t.json('GET', '/api/library?provider=meshy');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('meshy_unavailable');
    } finally {
      provider.setTiming({ catalogTtlMs: 60 * 60 * 1000 });
    }
  });

  it('rigs an uploaded character: one paid create, character + walk + run cached', async () => {
    const up = await t.app.request('/api/characters?name=Hero', {
      method: 'POST',
      headers: { 'content-type': 'model/gltf-binary' },
      body: (await characterGlb()) as Uint8Array<ArrayBuffer>,
    });
    const character = (await up.json()) as { id: string };
    expect((await t.json('GET', '/api/characters?provider=meshy')).body.map((c: { id: string }) => c.id)).toContain(character.id);

    rig = await submit({ kind: 'rig', characterId: character.id });
    expect(rig.status, JSON.stringify(rig.error)).toBe('succeeded');
    expect(rig.request).toMatchObject({ heightMeters: 1.7 });
    expect(rig.variants.map((v) => [v.index, v.files.map((f) => f.format)])).toEqual([
      [1, ['glb', 'fbx']],
      [2, ['glb', 'fbx']],
      [3, ['glb', 'fbx']],
    ]);
    expect(meshy.createdTasks('rigging')).toHaveLength(1);
    const sent = meshy.log.find((r) => r.method === 'POST' && r.path === '/openapi/v1/rigging')!;
    expect(sent.authorization).toBe('Bearer msy_test_key_123');
    expect(new TextDecoder('latin1').decode((await download(rig, 1, 'fbx')).subarray(0, 18))).toBe('Kaydara FBX Binary');
  });

  it('animates the rig with library actions and with a text-to-motion clip', async () => {
    const actions = await submit({ kind: 'animate', parentJobId: rig.id, actionIds: [0, 466], postProcess: { operation: 'fbx2usdz' } });
    expect(actions.status, JSON.stringify(actions.error)).toBe('succeeded');
    expect(actions.variants[0]!.files.map((f) => f.format)).toEqual(['glb', 'fbx', 'usdz']);
    // One merged file with one 2 s clip per action: the variant lasts as long as its longest clip.
    expect(actions.variants[0]!.durationSec).toBeCloseTo(2, 3);

    const motion = await submit({ kind: 'textToMotion', prompt: 'a person jumps over a puddle', durationSec: 3, mode: 'swift' });
    expect(motion.status, JSON.stringify(motion.error)).toBe('succeeded');
    expect(motion.variants[0]!.files.map((f) => f.format)).toEqual(['bvh']);
    const animated = await submit({ kind: 'animate', parentJobId: rig.id, motionJobId: motion.id });
    expect(animated.status, JSON.stringify(animated.error)).toBe('succeeded');
    const posted = meshy.log.filter((r) => r.method === 'POST' && r.path === '/openapi/v1/animations');
    expect(posted).toHaveLength(2);
    expect(meshy.createdTasks()).toHaveLength(4);
  });

  it('keeps serving cached files after Meshy’s signed URLs have expired', async () => {
    const before = await download(rig, 2, 'glb');
    meshy.advanceClock(4 * 24 * 3600 * 1000);
    try {
      const url = (meshy.taskObject(meshy.createdTasks('rigging')[0]!)!.result as { basic_animations: { walking_glb_url: string } }).basic_animations.walking_glb_url;
      expect((await fetch(url)).status).toBe(403);
      expect(await download(rig, 2, 'glb')).toEqual(before);
    } finally {
      meshy.advanceClock(-4 * 24 * 3600 * 1000);
    }
  });

  it('refuses Meshy animate on a local rig and Meshy rigging of the mannequin, naming the field', async () => {
    const res = await t.json('POST', '/api/jobs', { provider: 'meshy', kind: 'rig', characterId: 'mannequin' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('characterId');
    const text = await t.json('POST', '/api/jobs', { provider: 'meshy', kind: 'text2motion', prompt: 'walk' });
    expect(text.body.error.code).toBe('unsupported_operation');
  });

  it('surfaces Meshy failures as job errors: 402 credits and 422 not humanoid', async () => {
    meshy.fault({ on: 'create', resource: 'text-to-motion', status: 402, message: 'Insufficient credits' });
    const poor = await submit({ kind: 'textToMotion', prompt: 'a person runs', durationSec: 2 });
    expect(poor.status).toBe('failed');
    expect(poor.error).toMatchObject({ code: 'insufficient_credits' });
    meshy.seedTask('text-to-3d', 'teapot_task');
    meshy.fault({ on: 'create', resource: 'rigging', status: 422, message: 'Pose estimation failed' });
    const teapot = await submit({ kind: 'rig', sourceTaskId: 'teapot_task' });
    expect(teapot.error?.code).toBe('not_humanoid');
  });

  it('a drop of the connection right after a create is reconciled through the list: still one paid task', async () => {
    (t.services.providers.get('meshy') as MeshyProvider).setTiming({ submit: { reconcileDelayMs: 20 } });
    const before = meshy.createdTasks('text-to-motion').length;
    meshy.fault({ on: 'create', resource: 'text-to-motion', lose: 'drop' });
    const job = await submit({ kind: 'textToMotion', prompt: 'a person waves', durationSec: 2, mode: 'swift' });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(meshy.createdTasks('text-to-motion').length).toBe(before + 1);
  });
});

describe('restart', () => {
  it('a job interrupted while Meshy works resumes after a restart without a second paid create', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-meshy-restart-'));
    try {
      const first = await startTestServer(env, dir);
      meshy.holdNew = true;
      const posts = meshy.posts('text-to-motion').length;
      const logStart = meshy.log.length;
      const res = await first.json('POST', '/api/jobs', { provider: 'meshy', kind: 'textToMotion', prompt: 'a person bows', durationSec: 2, mode: 'swift' });
      const id = res.body.id as string;
      // Wait until this job's task exists at Meshy and is being followed, then stop the server mid-task.
      const following = () => meshy.log.slice(logStart).some((r) => r.path.endsWith('/stream'));
      for (let i = 0; i < 500 && !following(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(following()).toBe(true);
      await first.close();

      meshy.holdNew = false;
      meshy.release();
      const second = await startTestServer(env, dir);
      try {
        expect((await second.services.store.get(id))?.status).toBe('running');
        await second.services.runner.resumeAll();
        const job = await second.waitForJob(id, 30_000);
        expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
        expect(meshy.posts('text-to-motion').length).toBe(posts + 1);
        expect((await download(job, 1, 'bvh', second)).byteLength).toBeGreaterThan(0);
      } finally {
        await second.close();
      }
    } finally {
      meshy.holdNew = false;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
