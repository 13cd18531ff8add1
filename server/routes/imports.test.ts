/**
 * "Use as source": clips from other tools (CMU BVH, CMU FBX, a Kinema GLB) become takes that edits, renders and
 * exports work on. Third-party files come from Debian's assimp test models and ../shared/fixtures; each test
 * skips with its reason when its file is not on the machine.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../contract/api.ts';
import { parseBvh } from '../../test/helpers/assetChecks.ts';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';

const CMU_BVH = '/usr/share/assimp/models/BVH/01_01.bvh';
const BOXING_BVH = '/usr/share/assimp/models/BVH/Boxing_Toes.bvh';
const CMU_FBX = '../shared/fixtures/91_48.fbx';
const CHARACTER_GLB = '../shared/fixtures/human-male.glb';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

async function upload(bytes: Uint8Array | string, name: string, query = ''): Promise<{ status: number; body: any }> {
  const res = await t.app.request(`/api/imports?name=${encodeURIComponent(name)}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: typeof bytes === 'string' ? bytes : Buffer.from(bytes),
  });
  return { status: res.status, body: await res.json() };
}

function expectTake(job: Job, minSec: number) {
  expect(job.kind).toBe('import');
  expect(job.status).toBe('succeeded');
  expect(job.variants).toHaveLength(1);
  expect(job.variants[0]!.durationSec).toBeGreaterThan(minSec);
  expect(job.variants[0]!.files.map((f) => f.format)).toEqual(['glb', 'fbx', 'bvh']);
}

describe('clips from elsewhere become takes', () => {
  it.skipIf(!fs.existsSync(CMU_BVH))(
    'a CMU BVH: a take on the canonical rig that inpaint edits',
    async () => {
      const res = await upload(fs.readFileSync(CMU_BVH), '01_01.bvh');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const job = res.body as Job;
      expectTake(job, 2);
      expect(job.request).toMatchObject({ fileName: '01_01.bvh', format: 'bvh' });
      // The BVH export is the canonical skeleton, not the file's own.
      const bvh = parseBvh(await (await t.app.request(job.variants[0]!.files[2]!.url)).text());
      expect(bvh.skeleton.bones.length).toBeGreaterThan(15);

      const edit = await t.json('POST', '/api/jobs', {
        provider: 'local',
        kind: 'inpaint',
        parentJobId: job.id,
        variant: 1,
        prompt: 'jumps in place',
        intervals: [{ start: 0.5, end: 1.5 }],
      });
      expect(edit.status, JSON.stringify(edit.body)).toBe(201);
      const done = await t.waitForJob((edit.body as Job).id);
      expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
      expect(done.parentJobId).toBe(job.id);

      const zip = await t.app.request(`/api/jobs/${job.id}/download.zip?formats=glb,bvh&fps=24&inPlace=true`);
      expect(zip.status).toBe(200);
    },
    60_000,
  );

  it.skipIf(!fs.existsSync(BOXING_BVH))('assimp’s Boxing_Toes.bvh (the file that showed a stick figure) imports as a body motion', async () => {
    const res = await upload(fs.readFileSync(BOXING_BVH), 'Boxing_Toes.bvh');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expectTake(res.body as Job, 0.5);
  });

  it.skipIf(!fs.existsSync(CMU_FBX))(
    'a CMU mocap FBX',
    async () => {
      const res = await upload(fs.readFileSync(CMU_FBX), '91_48.fbx');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expectTake(res.body as Job, 1);
    },
    30_000,
  );

  it('a Kinema GLB round-trips: the imported take has the source take’s length', async () => {
    const created = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward', variants: 1, durationSec: 3, seed: 3 });
    const source = await t.waitForJob((created.body as Job).id);
    const glb = new Uint8Array(await (await t.app.request(source.variants[0]!.files[0]!.url)).arrayBuffer());
    const res = await upload(glb, 'walk.glb');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expectTake(res.body as Job, 2.9);
    expect((res.body as Job).variants[0]!.durationSec).toBeCloseTo(source.variants[0]!.durationSec, 1);
  }, 30_000);
});

describe('what cannot be imported is said plainly', () => {
  it('a text file: 415 naming the formats', async () => {
    const res = await upload('hello', 'notes.txt');
    expect([res.status, res.body.error.code]).toEqual([415, 'unsupported_format']);
    expect(res.body.error.message).toMatch(/GLB, FBX or BVH/);
  });

  it.skipIf(!fs.existsSync(CHARACTER_GLB))('a character without animation: 422 saying to drop a clip that moves', async () => {
    const res = await upload(fs.readFileSync(CHARACTER_GLB), 'human-male.glb');
    expect([res.status, res.body.error.code]).toEqual([422, 'not_importable']);
    expect(res.body.error.message).toMatch(/no animation/);
  });

  it('names the bad query field', async () => {
    expect((await upload('HIERARCHY', '')).body.error.field).toBe('name');
    expect((await upload('HIERARCHY', 'a.bvh', '&take=-1')).body.error.field).toBe('take');
  });
});
