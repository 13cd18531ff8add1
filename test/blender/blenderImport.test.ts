/**
 * The downloads as animators open them: every format (GLB, FBX, BVH), on the mannequin and on an uploaded
 * character, at every frame rate, in place on and off, and with each game-ready option, imported into Debian's
 * Blender with its importers' default options (test/blender/inspectImports.py, one Blender start for all files),
 * and every FBX read by assimp as a second opinion. The reference for each take is its GLB as Blender imports it
 * (GLB import was right before this suite existed): heights and bone trajectories must match it within 1 cm.
 *
 * Blender, python3-numpy and assimp-utils come from Debian (scripts/ensure-system-deps.sh installs them for npm test).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebIO } from '@gltf-transform/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../server/contract/api.ts';
import { DOWNLOAD_FPS, variantDownloadUrl } from '../../server/contract/downloads.ts';
import type { DownloadOptions } from '../../server/contract/downloads.ts';
import { CANONICAL_SKELETON } from '../../server/engine/index.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = path.join(ROOT, 'test/blender/inspectImports.py');
const CHARACTER = path.resolve(ROOT, '../shared/fixtures/human-male.glb');
const DURATION = 4;
const SOURCE_FPS = 30;
const CM = 0.01;
const J = CANONICAL_SKELETON.names.length;
/** Sample times (seconds) at which bone trajectories are read: every frame of the take as made. */
const TIMES = Array.from({ length: DURATION * SOURCE_FPS + 1 }, (_, i) => i / SOURCE_FPS);
/**
 * Samples compared for a file at `fps`: the times that are keys both in it and in the take as made, where a
 * resampled file holds exactly the take's values (between keys, two linear interpolations differ by design).
 */
const sharedKeys = (fps: number) =>
  TIMES.map((t, i) => [t, i] as const)
    .filter(([t]) => Math.abs(t * fps - Math.round(t * fps)) < 1e-6)
    .map(([, i]) => i);

type Format = 'glb' | 'fbx' | 'bvh';
interface Case {
  name: string;
  take: 'mannequin' | 'character';
  format: Format;
  opts: DownloadOptions;
}
interface Imported {
  path: string;
  error?: string;
  armatures: number;
  bones: number;
  boneNames: string[];
  meshes: number;
  skinnedMeshes: number;
  frameRange: [number, number] | null;
  maxKeysPerCurve: number;
  sceneFps: number;
  images: number;
  height: number | null;
  traj: Record<string, Array<[number, number, number]>>;
}

const mannequin = (name: string, format: Format, opts: DownloadOptions = {}): Case => ({ name, take: 'mannequin', format, opts });
const character = (name: string, format: Format, opts: DownloadOptions = {}): Case => ({ name, take: 'character', format, opts });

const CASES: Case[] = [
  mannequin('glb', 'glb'),
  mannequin('fbx', 'fbx'),
  mannequin('bvh', 'bvh'),
  ...DOWNLOAD_FPS.filter((f) => f !== SOURCE_FPS).flatMap((fps) => (['glb', 'fbx', 'bvh'] as const).map((f) => mannequin(`${f} ${fps} fps`, f, { fps }))),
  ...(['glb', 'fbx', 'bvh'] as const).map((f) => mannequin(`${f} in place`, f, { inPlace: true })),
  mannequin('glb 60 fps in place', 'glb', { fps: 60, inPlace: true }),
  mannequin('fbx 60 fps in place', 'fbx', { fps: 60, inPlace: true }),
  mannequin('glb without skin', 'glb', { skin: false }),
  mannequin('fbx without skin', 'fbx', { skin: false }),
  ...(['glb', 'fbx', 'bvh'] as const).map((f) => mannequin(`${f} root bone`, f, { rootMotion: 'root' })),
  mannequin('fbx unreal preset', 'fbx', { preset: 'unreal' }),
  mannequin('fbx unity preset', 'fbx', { preset: 'unity' }),
  mannequin('fbx blender preset', 'fbx', { preset: 'blender' }),
  mannequin('glb godot preset', 'glb', { preset: 'godot' }),
  mannequin('fbx mirrored', 'fbx', { mirror: true }),
  mannequin('fbx lock x', 'fbx', { lock: ['x'] }),
  mannequin('glb reduced', 'glb', { reduce: 0.001 }),
  mannequin('fbx reduced', 'fbx', { reduce: 0.001 }),
  mannequin('fbx trimmed 1–3 s', 'fbx', { trimStart: 1, trimEnd: 3 }),
  character('glb', 'glb'),
  character('fbx', 'fbx'),
  character('glb 60 fps in place', 'glb', { fps: 60, inPlace: true }),
  character('fbx 60 fps in place', 'fbx', { fps: 60, inPlace: true }),
  character('fbx without skin', 'fbx', { skin: false }),
  character('bvh', 'bvh'),
];

let t: TestServer;
let dir: string;
const results = new Map<string, Imported>();
const assimp = new Map<string, string>();
let characterJoints = 0;

function fileOf(c: Case): string {
  return path.join(dir, `${c.take}-${c.name.replace(/[^a-z0-9]+/gi, '-')}.${c.format}`);
}

beforeAll(async () => {
  t = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-blender-'));
  const run = async (body: Record<string, unknown>): Promise<Job> => {
    const res = await t.json('POST', '/api/jobs', {
      provider: 'local',
      kind: 'text2motion',
      prompt: 'a person walks forward then turns left and waves',
      variants: 1,
      durationSec: DURATION,
      seed: 7,
      ...body,
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    const job = await t.waitForJob(res.body.id, 60_000);
    if (job.status !== 'succeeded') throw new Error(JSON.stringify(job.error));
    return job;
  };
  const charBytes = new Uint8Array(fs.readFileSync(CHARACTER));
  characterJoints = (await new WebIO().readBinary(charBytes)).getRoot().listSkins()[0]!.listJoints().length;
  const up = await t.app.request('/api/characters?name=Human%20male', {
    method: 'POST',
    headers: { 'content-type': 'model/gltf-binary' },
    body: charBytes as Uint8Array<ArrayBuffer>,
  });
  if (up.status !== 201) throw new Error(await up.text());
  const characterId = ((await up.json()) as { id: string }).id;
  const takes = { mannequin: await run({}), character: await run({ characterId }) };

  const jobs = [];
  for (const c of CASES) {
    const res = await t.app.request(variantDownloadUrl(takes[c.take].id, 1, c.format, c.opts));
    if (res.status !== 200) throw new Error(`${c.take} ${c.name}: ${res.status} ${await res.text()}`);
    fs.writeFileSync(fileOf(c), new Uint8Array(await res.arrayBuffer()));
    const fps = c.opts.fps ?? SOURCE_FPS;
    const bones = c.take === 'mannequin' ? ['Hips', 'LeftHand', 'RightHand', 'LeftFoot'] : ['pelvis', 'hand_l', 'foot_r'];
    jobs.push({ path: fileOf(c), format: c.format, fps, bones, times: TIMES });
  }
  fs.writeFileSync(path.join(dir, 'jobs.json'), JSON.stringify(jobs));
  execFileSync('blender', ['-b', '--factory-startup', '--python', SCRIPT, '--', path.join(dir, 'jobs.json'), path.join(dir, 'results.json')], {
    stdio: 'ignore',
    timeout: 240_000,
  });
  for (const r of JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Imported[]) results.set(r.path, r);
  for (const c of CASES.filter((x) => x.format === 'fbx')) assimp.set(fileOf(c), execFileSync('assimp', ['info', fileOf(c)], { encoding: 'utf8', timeout: 60_000 }));
}, 300_000);

afterAll(async () => {
  await t?.close();
  if (dir && !process.env.KINEMA_KEEP_BLENDER_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

function get(take: Case['take'], name: string): Imported {
  const c = CASES.find((x) => x.take === take && x.name === name)!;
  const r = results.get(fileOf(c));
  if (!r) throw new Error(`no Blender result for ${take} ${name}`);
  if (r.error) throw new Error(`Blender could not import ${take} ${name}: ${r.error}`);
  return r;
}

/** BVH keeps centimetres as numbers (Blender's BVH import default scale is 1), so its lengths are read ×0.01. */
const unit = (c: Case) => (c.format === 'bvh' ? CM : 1);

/** Largest distance between two trajectories of one bone at the chosen samples (b scaled), metres. */
function maxGap(a: Array<[number, number, number]>, b: Array<[number, number, number]>, scale = 1, shift = 0, map = (p: [number, number, number]) => p, only?: number[]): number {
  let worst = 0;
  for (let i = 0; i + shift < a.length && i < b.length; i++) {
    if (only && !only.includes(i)) continue;
    const p = a[i + shift]!,
      q = map(b[i]!);
    worst = Math.max(worst, Math.hypot(p[0] - q[0] * scale, p[1] - q[1] * scale, p[2] - q[2] * scale));
  }
  return worst;
}

const assimpField = (text: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN);

describe('downloads imported into Blender 3.4 (default importer options) and read by assimp', () => {
  const refOf = (take: Case['take']) => get(take, 'glb');

  it.each(CASES)('$take $name: imports, with the promised mesh, bones and action length', (c) => {
    const r = get(c.take, c.name);
    const fps = c.opts.fps ?? SOURCE_FPS;
    const duration = c.opts.trimEnd !== undefined ? c.opts.trimEnd - (c.opts.trimStart ?? 0) : DURATION;
    expect(r.armatures).toBe(1);
    const skinned = c.format !== 'bvh' && c.opts.skin !== false;
    expect(r.skinnedMeshes > 0, 'skinned mesh present where promised').toBe(skinned);
    if (!skinned) expect(r.meshes).toBe(0);
    const rootBone = c.opts.rootMotion === 'root' || c.opts.preset === 'unreal' || c.opts.preset === 'godot';
    if (c.take === 'mannequin') expect(r.bones).toBe(J + (rootBone ? 1 : 0));
    else if (c.format === 'bvh') expect(r.bones).toBeGreaterThanOrEqual(CANONICAL_SKELETON.names.length);
    else expect(r.bones).toBeGreaterThanOrEqual(characterJoints);
    if (rootBone) expect(r.boneNames).toContain('root');
    expect(r.frameRange, 'an action on the armature').not.toBeNull();
    expect(r.frameRange![1] - r.frameRange![0], 'action length = duration × fps').toBeCloseTo(duration * fps, 0);
    if (c.format === 'fbx') expect(r.sceneFps, 'Blender takes the FBX frame rate').toBeCloseTo(fps, 3);
    if (c.opts.reduce) expect(r.maxKeysPerCurve, 'keyframe reduction removed keys').toBeLessThan(duration * fps + 1);
    if (c.opts.preset === 'unity') expect(r.boneNames).toEqual(expect.arrayContaining(['Hips', 'LeftUpperLeg', 'RightLowerArm', 'UpperChest']));
  });

  it.each(CASES.filter((c) => c.opts.skin !== false && c.format !== 'bvh'))('$take $name: character height at import defaults matches the GLB within 1 cm', (c) => {
    const r = get(c.take, c.name);
    const ref = refOf(c.take);
    expect(ref.height!).toBeGreaterThan(1.5);
    expect(ref.height!).toBeLessThan(2.0);
    if (c.opts.mirror || c.opts.inPlace || c.opts.trimStart) return; // posed differently on the first frame
    expect(Math.abs(r.height! - ref.height!)).toBeLessThan(CM);
  });

  /** The GLB of the same download (same options) when the suite has one, else the take's GLB as made. */
  const twinOf = (c: Case): Imported => {
    const twin = CASES.find((x) => x.take === c.take && x.format === 'glb' && JSON.stringify(x.opts) === JSON.stringify(c.opts));
    return twin && twin !== c ? get(twin.take, twin.name) : refOf(c.take);
  };

  it.each(CASES.filter((c) => !c.opts.mirror && !c.opts.lock && c.opts.trimStart === undefined && !(c.format === 'glb' && c.opts.inPlace)))(
    '$take $name: bone world trajectories match the GLB within 1 cm',
    (c) => {
      const r = get(c.take, c.name);
      const ref = twinOf(c);
      // Keyframe reduction may move a bone by its tolerance against the take as made (its GLB twin is exact).
      const tolerance = c.format === 'glb' && c.opts.reduce ? 2 * CM : CM;
      for (const [bone, pts] of Object.entries(ref.traj)) {
        expect(r.traj[bone], `${bone} in the file`).toBeDefined();
        expect(maxGap(pts, r.traj[bone]!, unit(c), 0, undefined, sharedKeys(c.opts.fps ?? SOURCE_FPS)), `${bone} within 1 cm`).toBeLessThan(tolerance);
      }
    },
  );

  it('in place: no travel, the hips keep their height and some sway', () => {
    const ref = refOf('mannequin').traj.Hips!;
    const travel = Math.hypot(ref.at(-1)![0] - ref[0]![0], ref.at(-1)![1] - ref[0]![1]);
    expect(travel).toBeGreaterThan(1);
    for (const c of CASES.filter((x) => x.opts.inPlace)) {
      const hips = get(c.take, c.name).traj[c.take === 'mannequin' ? 'Hips' : 'pelvis']!;
      const s = unit(c);
      const far = Math.max(...hips.map((p) => Math.hypot(p[0] * s - hips[0]![0] * s, p[1] * s - hips[0]![1] * s)));
      expect(far, `${c.take} ${c.name}`).toBeLessThan(0.2);
      if (c.take === 'mannequin' && !c.opts.fps) {
        expect(Math.max(...hips.map((p, i) => Math.abs(p[2] * s - ref[i]![2]))), 'height kept').toBeLessThan(CM);
      }
    }
  });

  it('mirrored: the left hand does what the right hand did, on the other side', () => {
    const ref = refOf('mannequin').traj;
    const m = get('mannequin', 'fbx mirrored').traj;
    const flip = (p: [number, number, number]): [number, number, number] => [-p[0], p[1], p[2]];
    expect(maxGap(ref.RightHand!, m.LeftHand!, 1, 0, flip)).toBeLessThan(CM);
    expect(maxGap(ref.Hips!, m.Hips!, 1, 0, flip)).toBeLessThan(CM);
  });

  it('lock x: the hips stay on their first x', () => {
    const hips = get('mannequin', 'fbx lock x').traj.Hips!;
    expect(Math.max(...hips.map((p) => Math.abs(p[0] - hips[0]![0])))).toBeLessThan(1e-4);
  });

  it('trim 1–3 s: the take from 1 s on', () => {
    const ref = refOf('mannequin').traj.Hips!;
    const trimmed = get('mannequin', 'fbx trimmed 1–3 s').traj.Hips!.slice(0, 2 * SOURCE_FPS + 1);
    expect(maxGap(ref, trimmed, 1, SOURCE_FPS)).toBeLessThan(CM);
  });

  it('the uploaded character’s FBX embeds its texture', () => {
    expect(get('character', 'glb').images).toBeGreaterThan(0);
    expect(get('character', 'fbx').images).toBeGreaterThan(0);
  });

  it.each(CASES.filter((c) => c.format === 'fbx'))('$take $name: assimp reads the FBX with the same meshes and bones', (c) => {
    const info = assimp.get(fileOf(c))!;
    const skinned = c.opts.skin !== false;
    expect(assimpField(info, 'Meshes')).toBe(skinned ? get(c.take, c.name).meshes : 0);
    expect(assimpField(info, 'Animations')).toBe(1);
    const rootBone = c.opts.rootMotion === 'root' || c.opts.preset === 'unreal';
    if (skinned && c.take === 'mannequin') expect(assimpField(info, 'Bones')).toBe(J + (rootBone ? 1 : 0));
    if (skinned && c.take === 'character') {
      expect(assimpField(info, 'Bones')).toBe(characterJoints);
      expect(assimpField(info, 'Textures \\(embed\\.\\)')).toBeGreaterThan(0);
    }
  });
});
