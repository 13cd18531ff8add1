/**
 * The Meshy-style workflow on the local engine, offline, through the real app and runner:
 * library → rig → animate (library actions or a textToMotion job) → files; uploaded humanoids
 * are driven through their own skeleton; what cannot work is refused with a clear 4xx or a
 * not_humanoid failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document, WebIO } from '@gltf-transform/core';
import { AnimationMixer, Vector3, type AnimationClip, type Bone, type Object3D } from 'three';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, LibraryEntry } from '../../contract/api.ts';
import { loadGlb, parseBvh, validateGlb } from '../../../test/helpers/assetChecks.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/testServer.ts';
import { LOCAL_ACTIONS } from './actionLibrary.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const HAVE_FIXTURES = fs.existsSync(path.join(FIXTURES, 'human-male.glb'));
if (!HAVE_FIXTURES) console.warn(`skipping uploaded-humanoid tests: ${FIXTURES} is absent (it lives outside the repository)`);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

async function submit(body: Record<string, unknown>): Promise<Job> {
  const res = await t.json('POST', '/api/jobs', { provider: 'local', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return t.waitForJob(res.body.id, 60_000);
}

async function fileBytes(job: Job, variant: number, format: string): Promise<Uint8Array> {
  const f = job.variants.find((v) => v.index === variant)!.files.find((x) => x.format === format)!;
  return new Uint8Array(await (await t.app.request(f.url)).arrayBuffer());
}

async function uploadFile(bytes: Uint8Array, name: string, type = 'model/gltf-binary'): Promise<string> {
  const res = await t.app.request(`/api/characters?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('local action library', () => {
  it('lists every action in the common shape and searches by name, key, category and sub-category', async () => {
    const all = (await t.json('GET', '/api/library?provider=local')).body as LibraryEntry[];
    expect(all).toHaveLength(LOCAL_ACTIONS.length);
    expect(Object.keys(all[0]!).sort()).toEqual(['category', 'id', 'key', 'name', 'prompt', 'subCategory']);
    // The prompt a local action is synthesised from is its description in the studio.
    expect(all.map((e) => e.prompt)).toEqual(LOCAL_ACTIONS.map((a) => a.prompt));
    const waves = (await t.json('GET', '/api/library?provider=local&search=WAVE')).body as LibraryEntry[];
    expect(waves.map((e) => e.key)).toEqual(['Wave_Hello']);
    const fighting = (await t.json('GET', '/api/library?provider=local&category=fighting')).body as LibraryEntry[];
    expect(fighting.length).toBeGreaterThan(0);
    expect(fighting.every((e) => e.category === 'Fighting')).toBe(true);
    const sub = (await t.json('GET', '/api/library?provider=local&search=interacting')).body as LibraryEntry[];
    expect(sub.every((e) => e.subCategory === 'Interacting')).toBe(true);
    expect((await t.json('GET', '/api/library?provider=saymotion')).status).toBe(400);
    expect((await t.json('GET', '/api/library?provider=meshy')).body.error.code).toBe('provider_not_configured');
  });
});

describe('local rig → animate on the mannequin', () => {
  let rig: Job;
  beforeAll(async () => {
    rig = await submit({ kind: 'rig', characterId: 'mannequin' });
  });

  it('rig: the rigged mannequin plus walking and running clips', async () => {
    expect(rig.status, JSON.stringify(rig.error)).toBe('succeeded');
    expect(rig.request).toMatchObject({ heightMeters: 1.7 });
    expect(rig.variants.map((v) => v.index)).toEqual([1, 2, 3]);
    expect(rig.variants[0]!.durationSec).toBe(0);
    expect(rig.variants[1]!.durationSec).toBeGreaterThan(1);
    const walk = await fileBytes(rig, 2, 'glb');
    expect((await validateGlb(walk)).numErrors).toBe(0);
  });

  it('animate: one variant per library action, each a valid animated GLB of the action’s length', async () => {
    const wave = LOCAL_ACTIONS.find((a) => a.key === 'Wave_Hello')!;
    const jump = LOCAL_ACTIONS.find((a) => a.key === 'Jump')!;
    const job = await submit({ kind: 'animate', parentJobId: rig.id, actionIds: [wave.id, jump.id] });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.parentJobId).toBe(rig.id);
    expect(job.variants.map((v) => Math.round(v.durationSec))).toEqual([wave.durationSec, jump.durationSec]);
    expect(job.report?.understood).toEqual([wave.name, jump.name]);
    const gltf = await loadGlb(await fileBytes(job, 1, 'glb'));
    expect(gltf.animations).toHaveLength(1);
  });

  it('textToMotion, then animate with motionJobId gives the same motion (the engine is deterministic)', async () => {
    const motion = await submit({ kind: 'textToMotion', prompt: 'a person jumps then waves', durationSec: 3.5 });
    expect(motion.status, JSON.stringify(motion.error)).toBe('succeeded');
    expect(motion.request).toMatchObject({ mode: 'prime' });
    expect(motion.variants[0]!.durationSec).toBeCloseTo(3.5, 3);
    const animated = await submit({ kind: 'animate', parentJobId: rig.id, motionJobId: motion.id });
    expect(animated.status, JSON.stringify(animated.error)).toBe('succeeded');
    expect(await fileBytes(animated, 1, 'bvh')).toEqual(await fileBytes(motion, 1, 'bvh'));
    expect(parseBvh(new TextDecoder().decode(await fileBytes(motion, 1, 'bvh'))).clip.duration).toBeCloseTo(3.5, 1);
  });

  it('refuses what cannot run, naming the field', async () => {
    const text = await submit({ kind: 'text2motion', prompt: 'walk', durationSec: 2 });
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ kind: 'rig' }, 400, 'characterId'],
      [{ kind: 'rig', characterId: 'mannequin', sourceTaskId: 'abc' }, 400, 'characterId'],
      [{ kind: 'rig', sourceTaskId: 'abc' }, 400, 'sourceTaskId'],
      [{ kind: 'rig', characterId: 'chr_0000000000000000' }, 404, 'characterId'],
      [{ kind: 'rig', characterId: 'mannequin', heightMeters: 0 }, 400, 'heightMeters'],
      [{ kind: 'animate', parentJobId: rig.id }, 400, 'actionIds'],
      [{ kind: 'animate', parentJobId: rig.id, actionIds: [1, 1] }, 400, 'actionIds'],
      [{ kind: 'animate', parentJobId: rig.id, actionIds: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, 400, 'actionIds'],
      [{ kind: 'animate', parentJobId: rig.id, actionIds: [9999] }, 400, 'actionIds[0]'],
      [{ kind: 'animate', parentJobId: rig.id, actionIds: [1], postProcess: { operation: 'fbx2usdz' } }, 400, 'postProcess'],
      [{ kind: 'animate', parentJobId: text.id, actionIds: [1] }, 400, 'parentJobId'],
      [{ kind: 'animate', parentJobId: 'job_zzzzzzzzzzzz', actionIds: [1] }, 404, 'parentJobId'],
      [{ kind: 'animate', parentJobId: rig.id, motionJobId: text.id }, 400, 'motionJobId'],
      [{ kind: 'textToMotion', prompt: 'jump', durationSec: 2.2 }, 400, 'durationSec'],
      [{ kind: 'textToMotion', prompt: 'jump', durationSec: 11 }, 400, 'durationSec'],
      [{ kind: 'textToMotion', prompt: 'x'.repeat(401), durationSec: 3 }, 400, 'prompt'],
      [{ kind: 'textToMotion', prompt: 'jump', durationSec: 3, mode: 'fast' }, 400, 'mode'],
    ];
    for (const [body, status, field] of cases) {
      const res = await t.json('POST', '/api/jobs', { provider: 'local', ...body });
      expect(res.status, JSON.stringify(body) + ' → ' + JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
  });
});

/** three's GLTFLoader needs a DOM for images: drop textures (irrelevant to bones and clips) before loading. */
async function loadWithoutTextures(bytes: Uint8Array) {
  const io = new WebIO();
  const doc = await io.readBinary(bytes);
  for (const tex of doc.getRoot().listTextures()) tex.dispose();
  return loadGlb(await io.writeBinary(doc));
}

/** World position of a bone after posing the clip at `time` with three's own loader and mixer. */
function posedWorld(root: Object3D, clip: AnimationClip, time: number, names: string[]) {
  const mixer = new AnimationMixer(root);
  mixer.clipAction(clip)!.play();
  mixer.setTime(time);
  root.updateMatrixWorld(true);
  return names.map((n) => (root.getObjectByName(n) as Bone).getWorldPosition(new Vector3()));
}

describe.skipIf(!HAVE_FIXTURES)('uploaded humanoids', () => {
  it('rigs a rigged third-party character (Unreal-style bone names) and animates it through its own skeleton', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'human-male.glb')));
    const id = await uploadFile(bytes, 'Human male');
    const rig = await submit({ kind: 'rig', characterId: id });
    expect(rig.status, JSON.stringify(rig.error)).toBe('succeeded');
    expect(await fileBytes(rig, 1, 'glb')).toEqual(bytes);

    const wave = LOCAL_ACTIONS.find((a) => a.key === 'Wave_Hello')!;
    const job = await submit({ kind: 'animate', parentJobId: rig.id, actionIds: [wave.id] });
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const glb = await fileBytes(job, 1, 'glb');
    const report = await validateGlb(glb);
    expect(report.numErrors, JSON.stringify(report.messages.slice(0, 3))).toBe(0);
    const gltf = await loadWithoutTextures(glb);
    expect(gltf.animations).toHaveLength(1);
    expect(gltf.animations[0]!.name).toBe('Wave_Hello');
    // The character keeps its own mesh and skeleton: the clip drives its bones by name.
    const tracks = gltf.animations[0]!.tracks.map((tr) => tr.name.split('.')[0]);
    expect(tracks).toContain('upperarm_r');
    expect(tracks).toContain('pelvis');
    // Waving lifts a hand above the head at some point; at rest both hands are below it.
    const clip = gltf.animations[0]!;
    let lifted = false;
    for (let time = 0; time <= clip.duration; time += 0.1) {
      const [head, left, right] = posedWorld(gltf.scene, clip, time, ['head', 'hand_l', 'hand_r']);
      if (Math.max(left!.y, right!.y) > head!.y) lifted = true;
    }
    expect(lifted).toBe(true);
  });

  it('a second rig (42 joints, different proportions) walks: its feet alternate in front', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'human-zombie.glb')));
    const rig = await submit({ kind: 'rig', characterId: await uploadFile(bytes, 'Zombie') });
    expect(rig.status, JSON.stringify(rig.error)).toBe('succeeded');
    const gltf = await loadWithoutTextures(await fileBytes(rig, 2, 'glb'));
    const clip = gltf.animations[0]!;
    expect(clip.name).toBe('Walking');
    const leads = new Set<string>();
    let travelled = 0;
    const start = posedWorld(gltf.scene, clip, 0, ['pelvis'])[0]!;
    for (let time = 0; time <= clip.duration; time += 0.05) {
      const [l, r, p] = posedWorld(gltf.scene, clip, time, ['foot_l', 'foot_r', 'pelvis']);
      if (Math.abs(l!.z - r!.z) > 0.15) leads.add(l!.z > r!.z ? 'left' : 'right');
      travelled = p!.z - start.z;
    }
    expect([...leads].sort()).toEqual(['left', 'right']);
    expect(travelled).toBeGreaterThan(1);
  });
});

describe('characters the local engine cannot drive', () => {
  it('a mesh without a skeleton fails the rig job with not_humanoid and says why', async () => {
    const doc = new Document();
    doc.createScene().addChild(doc.createNode('Teapot'));
    const id = await uploadFile(await new WebIO().writeBinary(doc), 'Teapot');
    const job = await submit({ kind: 'rig', characterId: id });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('not_humanoid');
    expect(job.error?.message).toMatch(/Teapot.*no skeleton.*Mixamo, VRM, CMU or Unreal/s);
  });

  it('a damaged FBX character is accepted at submit time (FBX is converted in the job) and fails the rig job with unreadable_character', async () => {
    const id = await uploadFile(new TextEncoder().encode('Kaydara FBX Binary  \0\x1a\0xxxx'), 'Fbx guy', 'application/octet-stream');
    const job = await submit({ kind: 'rig', characterId: id });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('unreadable_character');
    expect(job.error?.message).toMatch(/Fbx guy.*FBX/s);
  });
});
