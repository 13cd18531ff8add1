/**
 * Downloads through the real app: conversions of a local-engine job checked with tools nobody here wrote
 * (Khronos glTF validator, three's GLTFLoader / FBXLoader / BVHLoader, fflate's unzip), caching, ranges,
 * query validation, and provider-made variants that have no motion data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../contract/api.ts';
import { CANONICAL_SKELETON } from '../engine/index.ts';
import { exportSpec, specKey } from './exportOptions.ts';
import { CONVERTIBLE_FORMATS, DOWNLOAD_FPS, jobZipUrl, variantDownloadUrl } from '../contract/downloads.ts';
import { loadGlb, maxTrackMotion, parseBvh, parseFbx, validateGlb } from '../../test/helpers/assetChecks.ts';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';

let t: TestServer;
let job: Job;

beforeAll(async () => {
  t = await startTestServer();
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'a person walks forward then turns left', variants: 2, durationSec: 3, seed: 7 });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  job = await t.waitForJob(res.body.id, 60_000);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
});
afterAll(async () => {
  await t.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(url, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) as any };
}

/** The uploaded character has textures, which Node cannot decode; the skeleton and skin are what matter here. */
function loadGlbWithoutTextures(bytes: Uint8Array): Promise<GLTF> {
  const loader = new GLTFLoader();
  loader.register(() => ({ name: 'skip_textures', loadTexture: () => Promise.resolve(null) }) as never);
  return loader.parseAsync(arrayBuffer(bytes), '');
}

const arrayBuffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function countObjects(root: { traverse(cb: (o: any) => void): void }) {
  let meshes = 0;
  let skinned = 0;
  let bones = 0;
  root.traverse((o) => {
    if (o.isMesh) meshes++;
    if (o.isSkinnedMesh) skinned++;
    if (o.isBone || o.type === 'Bone') bones++;
  });
  return { meshes, skinned, bones };
}

describe('variant downloads', () => {
  it('reports what each variant offers', async () => {
    const { res, json } = await get(`/api/jobs/${job.id}/downloads`);
    expect(res.status).toBe(200);
    const a = json();
    expect(a.fps).toEqual([...DOWNLOAD_FPS]);
    expect(a.variants).toHaveLength(2);
    expect(a.variants[0]).toMatchObject({ index: 1, fps: 30, convertible: [...CONVERTIBLE_FORMATS], note: null });
    // FBX and BVH are made on first download; until then only the GLB exists as made.
    expect(a.variants[0].native).toEqual(expect.arrayContaining(['glb']));
  });

  it('serves the plain GLB as made (same bytes as the files route)', async () => {
    const plain = await get(variantDownloadUrl(job.id, 1, 'glb'));
    const file = await get(`/api/jobs/${job.id}/variants/1/files/glb`);
    expect(plain.res.status).toBe(200);
    expect(plain.res.headers.get('content-disposition')).toMatch(/attachment; filename="a-person-walks-forward-then-turns-left_\w{6}_v1\.glb"/);
    expect(Buffer.compare(plain.bytes, file.bytes)).toBe(0);
    // Asking for the rate the motion already has is the same file.
    const same = await get(variantDownloadUrl(job.id, 1, 'glb', { fps: 30 }));
    expect(same.res.headers.get('etag')).toBe(plain.res.headers.get('etag'));
  });

  it('GLB at 60 fps, in place, without skin: valid glTF, armature only, twice the keys, hips over the origin', async () => {
    const { res, bytes } = await get(variantDownloadUrl(job.id, 1, 'glb', { fps: 60, inPlace: true, skin: false }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('_v1_60fps_inplace_noskin.glb');
    const report = await validateGlb(bytes);
    expect(report.numErrors, JSON.stringify(report.messages.slice(0, 3))).toBe(0);
    const gltf = await loadGlb(bytes);
    expect(countObjects(gltf.scene)).toMatchObject({ meshes: 0, skinned: 0 });
    const clip = gltf.animations[0]!;
    expect(clip.duration).toBeCloseTo(3, 1);
    const hips = clip.tracks.find((tr) => tr.name === 'Hips.position')!;
    expect(hips.times.length).toBe(Math.round(clip.duration * 60) + 1);
    let maxXZ = 0;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < hips.values.length; i += 3) {
      maxXZ = Math.max(maxXZ, Math.abs(hips.values[i]!), Math.abs(hips.values[i + 2]!));
      minY = Math.min(minY, hips.values[i + 1]!);
      maxY = Math.max(maxY, hips.values[i + 1]!);
    }
    // In place keeps the hips' sway (a few cm side to side) but none of the travel.
    expect(maxXZ).toBeLessThan(0.15);
    expect(maxY - minY, 'the hips still bob up and down').toBeGreaterThan(0.005);
    const rot = clip.tracks.filter((tr) => tr.name.endsWith('.quaternion'));
    expect(Math.max(...rot.map((tr) => maxTrackMotion(tr.values, 4)))).toBeGreaterThan(0.1);

    // The version with root motion really travels (so in-place removed something).
    const moving = await loadGlb((await get(variantDownloadUrl(job.id, 1, 'glb'))).bytes);
    const travel = moving.animations[0]!.tracks.find((tr) => tr.name === 'Hips.position')!.values;
    const n = travel.length;
    expect(Math.hypot(travel[n - 3]! - travel[0]!, travel[n - 1]! - travel[2]!)).toBeGreaterThan(0.5);
  });

  it('FBX with and without skin, read back by three FBXLoader', async () => {
    // 60 fps forces a conversion (the engine may also have written a plain FBX as made).
    const withSkin = await get(variantDownloadUrl(job.id, 2, 'fbx', { fps: 60 }));
    expect(withSkin.res.headers.get('content-disposition')).toContain('_v2_60fps.fbx');
    expect(withSkin.res.status).toBe(200);
    expect(new TextDecoder().decode(withSkin.bytes.subarray(0, 18))).toBe('Kaydara FBX Binary');
    const a = parseFbx(withSkin.bytes);
    expect(countObjects(a).skinned).toBe(1);
    expect(a.animations[0]!.duration).toBeCloseTo(3, 1);

    const bare = await get(variantDownloadUrl(job.id, 2, 'fbx', { skin: false, fps: 24 }));
    expect(bare.res.status).toBe(200);
    const b = parseFbx(bare.bytes);
    const counts = countObjects(b);
    expect(counts.meshes).toBe(0);
    expect(counts.bones).toBeGreaterThanOrEqual(CANONICAL_SKELETON.names.length);
    const rot = b.animations[0]!.tracks.filter((tr) => tr.name.endsWith('.quaternion'));
    expect(Math.max(...rot.map((tr) => maxTrackMotion(tr.values, 4)))).toBeGreaterThan(0.1);
  });

  it('BVH resampled to 25 fps', async () => {
    const { res, bytes } = await get(variantDownloadUrl(job.id, 1, 'bvh', { fps: 25 }));
    expect(res.status).toBe(200);
    const text = new TextDecoder().decode(bytes);
    expect(text).toMatch(/Frame Time: 0\.04000/);
    const bvh = parseBvh(text);
    expect(bvh.clip.duration).toBeCloseTo(3, 1);
    expect(bvh.skeleton.bones.length).toBeGreaterThanOrEqual(22);
  });

  it('caches a conversion: the second request reads the stored file', async () => {
    const url = variantDownloadUrl(job.id, 2, 'glb', { fps: 24, inPlace: true });
    const first = await get(url);
    // The file is cached right after it is served: wait for its row.
    const key = specKey(exportSpec({ format: 'glb', fps: 24, inPlace: true }, 30));
    let row = await t.services.store.file(job.id, 2, key);
    for (let i = 0; i < 100 && !row; i++) {
      await new Promise((r) => setTimeout(r, 20));
      row = await t.services.store.file(job.id, 2, key);
    }
    expect(row, 'conversion recorded in the cache').not.toBeNull();
    expect(row!.relPath).toMatch(new RegExp(`^${job.id}/conv/`));
    const start = performance.now();
    const second = await get(url);
    const ms = performance.now() - start;
    expect(second.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    expect(ms).toBeLessThan(200);
  });

  it('supports byte ranges and HEAD', async () => {
    const url = variantDownloadUrl(job.id, 1, 'fbx');
    const full = await get(url);
    const part = await get(url, { range: 'bytes=0-17' });
    expect(part.res.status).toBe(206);
    expect(part.res.headers.get('content-range')).toBe(`bytes 0-17/${full.bytes.byteLength}`);
    expect(new TextDecoder().decode(part.bytes)).toBe('Kaydara FBX Binary');
    const head = await t.app.request(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(full.bytes.byteLength));
  });
});

const FIXTURES = path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/fixtures');

describe.skipIf(!fs.existsSync(path.join(FIXTURES, 'human-male.glb')))(`an uploaded character (${FIXTURES}; skipped when absent)`, () => {
  it('"with skin" keeps the character: GLB and FBX carry its own skeleton and mesh; without skin, the armature alone', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'human-male.glb')));
    const up = await t.app.request('/api/characters?name=Human%20male', {
      method: 'POST',
      headers: { 'content-type': 'model/gltf-binary' },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    expect(up.status).toBe(201);
    const characterId = ((await up.json()) as { id: string }).id;
    const run = async (body: Record<string, unknown>) => {
      const res = await t.json('POST', '/api/jobs', { provider: 'local', ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const done = await t.waitForJob(res.body.id, 60_000);
      expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
      return done;
    };
    const rig = await run({ kind: 'rig', characterId });
    const library = (await t.json('GET', '/api/library?provider=local&search=wave')).body as Array<{ id: number }>;
    const animated = await run({ kind: 'animate', parentJobId: rig.id, actionIds: [library[0]!.id] });

    const glb = await get(variantDownloadUrl(animated.id, 1, 'glb', { fps: 60, inPlace: true }));
    expect(glb.res.status, glb.res.status >= 400 ? JSON.stringify(glb.json()) : '').toBe(200);
    expect((await validateGlb(glb.bytes)).numErrors).toBe(0);
    const gltf = await loadGlbWithoutTextures(glb.bytes);
    const bones = new Set<string>();
    gltf.scene.traverse((o: any) => o.isBone && bones.add(o.name));
    expect(bones.has('pelvis') && bones.has('upperarm_r'), 'the uploaded character’s own skeleton').toBe(true);
    expect(countObjects(gltf.scene).skinned).toBeGreaterThan(0);
    const times = gltf.animations[0]!.tracks[0]!.times;
    expect((times.length - 1) / (times[times.length - 1]! - times[0]!)).toBeCloseTo(60, 0);

    const fbx = await get(variantDownloadUrl(animated.id, 1, 'fbx', { fps: 30 }));
    expect(fbx.res.status).toBe(200);
    const withMesh = parseFbx(fbx.bytes);
    expect(countObjects(withMesh).skinned, 'the character’s skinned mesh').toBeGreaterThan(0);
    const fbxBones = new Set<string>();
    withMesh.traverse((o: any) => o.isBone && fbxBones.add(o.name));
    expect(fbxBones.has('pelvis') && fbxBones.has('upperarm_r'), 'the character’s own skeleton in the FBX').toBe(true);
    const bare = await get(variantDownloadUrl(animated.id, 1, 'fbx', { skin: false }));
    expect(bare.res.status).toBe(200);
    expect(bare.res.headers.get('content-disposition')).toContain('_noskin.fbx');
    const armature = parseFbx(bare.bytes);
    expect(countObjects(armature).meshes).toBe(0);
    expect(countObjects(armature).bones).toBeGreaterThan(0);
  });
});

describe('job zip', () => {
  it('takes every export option and records them in the manifest', async () => {
    const { res, bytes } = await get(jobZipUrl(job.id, ['fbx', 'vrma'], { rootMotion: 'inPlace', mirror: true, reduce: 0.001, lock: ['y'], trimEnd: 1.5 }));
    expect(res.status).toBe(200);
    const entries = unzipSync(bytes);
    const manifest = JSON.parse(new TextDecoder().decode(Object.entries(entries).find(([n]) => n.endsWith('manifest.json'))![1]));
    expect(manifest.options).toMatchObject({ rootMotion: 'inPlace', mirror: true, reduce: 0.001, lock: ['y'], trimEnd: 1.5 });
    expect(manifest.files.map((f: { name: string }) => f.name).sort()).toEqual([
      expect.stringMatching(/_v1_inplace_locky_mirrored_reduced_0-1\.5s\.fbx$/),
      expect.stringMatching(/_v1_inplace_locky_mirrored_reduced_0-1\.5s\.vrma$/),
      expect.stringMatching(/_v2_inplace_locky_mirrored_reduced_0-1\.5s\.fbx$/),
      expect.stringMatching(/_v2_inplace_locky_mirrored_reduced_0-1\.5s\.vrma$/),
    ]);
  });

  it('holds every variant in every chosen format, plus a manifest', async () => {
    const { res, bytes } = await get(jobZipUrl(job.id, ['glb', 'fbx', 'bvh'], { inPlace: true, fps: 30 }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(bytes);
    const names = Object.keys(entries)
      .map((n) => n.split('/').pop()!)
      .sort();
    expect(names).toHaveLength(7);
    expect(names.filter((n) => n.endsWith('.glb'))).toHaveLength(2);
    expect(names.filter((n) => n.endsWith('.fbx'))).toHaveLength(2);
    expect(names.filter((n) => n.endsWith('.bvh'))).toHaveLength(2);
    expect(names.every((n) => n === 'manifest.json' || n.includes('_inplace'))).toBe(true);
    const manifestName = Object.keys(entries).find((n) => n.endsWith('manifest.json'))!;
    const manifest = JSON.parse(new TextDecoder().decode(entries[manifestName]));
    expect(manifest).toMatchObject({ jobId: job.id, options: { fps: 30, inPlace: true, skin: true }, skipped: [] });
    const glbName = Object.keys(entries).find((n) => n.endsWith('_v2_inplace.glb'))!;
    expect((await validateGlb(entries[glbName]!)).numErrors).toBe(0);
  });
});

describe('validation and refusals', () => {
  it.each([
    [`?format=glb&fps=29`, 'fps'],
    [`?format=glb&inPlace=maybe`, 'inPlace'],
    [`?format=obj`, 'format'],
    [`?fps=30`, 'format'],
    [`?format=glb&speed=2`, 'speed'],
    [`?format=fbx&rootMotion=feet`, 'rootMotion'],
    [`?format=fbx&lock=w`, 'lock'],
    [`?format=fbx&reduce=0.5`, 'reduce'],
    [`?format=fbx&reduce=lots`, 'reduce'],
    [`?format=fbx&preset=maya`, 'preset'],
    [`?format=fbx&trimStart=-1`, 'trimStart'],
    [`?format=fbx&trimStart=2&trimEnd=1`, 'trimEnd'],
  ])('variant download %s → 400 naming %s', async (query, field) => {
    const { res, json } = await get(`/api/jobs/${job.id}/variants/1/download${query}`);
    expect(res.status).toBe(400);
    // A list option names the bad entry (lock[0]).
    expect(json().error.field.replace(/\[\d+\]$/, '')).toBe(field);
    expect(json().error.message.length).toBeGreaterThan(10);
  });

  it.each([
    [`?format=bvh&reduce=0.001`, 'reduce'],
    [`?format=vrma&rootMotion=root`, 'rootMotion'],
    [`?format=fbx&trimStart=60`, 'trimStart'],
    [`?format=fbx&trimStart=1&trimEnd=1.01`, 'trimEnd'],
  ])('variant download %s → 422 naming %s', async (query, field) => {
    const { res, json } = await get(`/api/jobs/${job.id}/variants/1/download${query}`);
    expect(res.status).toBe(422);
    expect(json().error.field).toBe(field);
    expect(json().error.message.length).toBeGreaterThan(10);
  });

  it('zip formats are checked', async () => {
    const { res, json } = await get(`/api/jobs/${job.id}/download.zip?formats=glb,obj`);
    expect(res.status).toBe(400);
    expect(json().error.field).toMatch(/^formats/);
  });

  it('unknown jobs and variants are 404', async () => {
    expect((await get(variantDownloadUrl('job_doesnotexist1', 1, 'glb'))).res.status).toBe(404);
    const missing = await get(variantDownloadUrl(job.id, 5, 'glb'));
    expect(missing.res.status).toBe(404);
    expect(missing.json().error.field).toBe('variant');
  });

  it('a provider-made variant is served as made; conversions are refused with 422', async () => {
    const store = t.services.store;
    const made = await store.create({
      provider: 'saymotion',
      request: { provider: 'saymotion', kind: 'text2motion', prompt: 'a boxer jabs' },
      parentJobId: null,
      parentVariant: null,
      idempotencyKey: null,
    });
    const fbx = (await get(variantDownloadUrl(job.id, 1, 'fbx'))).bytes; // any real FBX stands in for the provider's
    const written = await t.services.cache.write(`${made.id}/v1.fbx`, fbx);
    await store.putFile({ jobId: made.id, variant: 1, format: 'fbx', relPath: `${made.id}/v1.fbx`, ...written });
    await store.update(made.id, { status: 'succeeded', progress: 100, variants: [{ index: 1, durationSec: 3 }] });

    const asMade = await get(variantDownloadUrl(made.id, 1, 'fbx'));
    expect(asMade.res.status).toBe(200);
    expect(Buffer.compare(asMade.bytes, fbx)).toBe(0);

    const resampled = await get(variantDownloadUrl(made.id, 1, 'fbx', { fps: 60 }));
    expect(resampled.res.status).toBe(422);
    expect(resampled.json().error).toMatchObject({ code: 'conversion_unavailable', field: 'fps' });
    const glb = await get(variantDownloadUrl(made.id, 1, 'glb'));
    expect(glb.res.status).toBe(422);
    expect(glb.json().error.field).toBe('format');

    const avail = (await get(`/api/jobs/${made.id}/downloads`)).json();
    expect(avail.variants[0]).toMatchObject({ native: ['fbx'], convertible: [], fps: null });
    expect(avail.variants[0].note).toMatch(/saymotion/);

    const zip = await get(jobZipUrl(made.id, ['fbx', 'glb']));
    expect(zip.res.status).toBe(200);
    const entries = unzipSync(zip.bytes);
    const names = Object.keys(entries).map((n) => n.split('/').pop());
    expect(names.sort()).toEqual(['a-boxer-jabs_' + made.id.slice(-6) + '_v1.fbx', 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(entries[Object.keys(entries).find((n) => n.endsWith('manifest.json'))!]));
    expect(manifest.skipped).toEqual([expect.objectContaining({ variant: 1, format: 'glb' })]);
  });

  it('a job that has not finished is 409', async () => {
    const pending = await t.services.store.create({
      provider: 'saymotion',
      request: { provider: 'saymotion', kind: 'text2motion', prompt: 'x' },
      parentJobId: null,
      parentVariant: null,
      idempotencyKey: null,
    });
    const r = await get(variantDownloadUrl(pending.id, 1, 'glb'));
    expect(r.res.status).toBe(409);
  });
});
