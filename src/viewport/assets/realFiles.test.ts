/**
 * The player's loading path on real third-party files nobody on this project made: CMU FBX clips, CC0 rigged
 * characters (shared/fixtures) and CMU BVH clips from Debian's assimp-testmodels. Each must come out standing on
 * the floor at human size, and its joints must move when the clip plays.
 */
import { AnimationMixer, Box3, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { analyseClip } from '../rig/analyseClip.ts';
import { instantiate } from './instantiate.ts';
import { AssetError, parseAsset } from './parseAsset.ts';
import type { LoadedAsset } from './parseAsset.ts';
import { BVH_DIR, FIXTURES_DIR as FIXTURES, basename, exists, readBuffer as read } from '../testing/realFiles.ts';
import { collectParts, expandByPose } from './measureBounds.ts';

const load = (file: string) => parseAsset(read(file), { name: basename(file), textures: false });

/** Plays the default take at `times` and returns the world position of every bone at each time. */
function poses(asset: LoadedAsset, times: number[]) {
  const inst = instantiate(asset);
  const mixer = new AnimationMixer(inst.model);
  const clip = asset.clips[asset.defaultClip]!;
  const action = mixer.clipAction(clip).play();
  const out = times.map((t) => {
    action.time = t;
    mixer.update(0);
    inst.root.updateMatrixWorld(true);
    return {
      bones: inst.bones.map((b) => b.getWorldPosition(new Vector3())),
      box: expandByPose(new Box3(), collectParts(inst.root)),
      root: inst.rootBone!.getWorldPosition(new Vector3()),
    };
  });
  return { inst, mixer, action, clip, out };
}

/** How many bones moved more than `min` metres between two poses. */
function movedBones(a: Vector3[], b: Vector3[], min = 0.05): number {
  return a.filter((p, i) => p.distanceTo(b[i]!) > min).length;
}

const fbxFiles = ['91_48.fbx', '91_49.fbx'].map((f) => `${FIXTURES}/${f}`);
const bvhFiles = ['01_01.bvh', '01_03.bvh'].map((f) => `${BVH_DIR}/${f}`);
const glbFiles = ['human-male.glb', 'human-zombie.glb'].map((f) => `${FIXTURES}/${f}`);

describe.skipIf(!exists(FIXTURES))(`CMU FBX clips (${FIXTURES}; skipped when ../shared/fixtures is absent)`, () => {
  it.each(fbxFiles)('%s: human size on the floor, joints move', async (file) => {
    const asset = await load(file);
    expect(asset.format).toBe('fbx');
    expect(asset.clips.length).toBeGreaterThanOrEqual(1);
    expect(asset.stats.bones).toBeGreaterThan(20);
    expect(asset.humanoid?.hips).toBe('hip');
    expect(asset.notes.join(' ')).toMatch(/scaled to a 1.7 m figure/);
    const clip = asset.clips[asset.defaultClip]!;
    expect(clip.duration).toBeGreaterThan(3);
    const { out } = poses(asset, [0, clip.duration * 0.5]);
    const [first, mid] = out as [(typeof out)[0], (typeof out)[0]];
    const height = first.box.max.y - first.box.min.y;
    expect(height).toBeGreaterThan(1.4);
    expect(height).toBeLessThan(2.1);
    expect(Math.abs(first.box.min.y)).toBeLessThan(0.02);
    expect(Math.hypot(first.root.x, first.root.z)).toBeLessThan(0.01);
    expect(movedBones(first.bones, mid.bones)).toBeGreaterThan(10);
  });
});

describe.skipIf(!exists(BVH_DIR))(`CMU BVH clips (${BVH_DIR}; install assimp-testmodels to run)`, () => {
  it.each(bvhFiles)('%s: human size on the floor, joints move, feet plant', async (file) => {
    const asset = await load(file);
    expect(asset.format).toBe('bvh');
    expect(asset.humanoid).toMatchObject({ hips: 'Hips', leftFoot: 'LeftFoot', rightUpperArm: 'RightArm' });
    const clip = asset.clips[0]!;
    expect(clip.duration).toBeGreaterThan(20);
    const { inst, mixer, action, out } = poses(asset, [0, 5, 10]);
    const height = out[0]!.box.max.y - out[0]!.box.min.y;
    expect(height).toBeGreaterThan(1.5);
    expect(height).toBeLessThan(1.9);
    expect(movedBones(out[0]!.bones, out[1]!.bones)).toBeGreaterThan(10);
    expect(movedBones(out[1]!.bones, out[2]!.bones)).toBeGreaterThan(10);

    const a = analyseClip(
      {
        root: inst.root,
        rootBone: inst.rootBone,
        leftFoot: inst.roles.leftFoot ?? null,
        rightFoot: inst.roles.rightFoot ?? null,
        leftToes: inst.roles.leftToes ?? null,
        rightToes: inst.roles.rightToes ?? null,
      },
      mixer,
      action,
      clip.duration,
      120,
    );
    // The subject moves around the playground: the trail covers ground, and both feet plant repeatedly.
    let travel = 0;
    for (let i = 3; i < a.trail.length; i += 3) travel += Math.hypot(a.trail[i]! - a.trail[i - 3]!, a.trail[i + 2]! - a.trail[i - 1]!);
    expect(travel).toBeGreaterThan(2);
    expect(a.contacts.left.length).toBeGreaterThan(2);
    expect(a.contacts.right.length).toBeGreaterThan(2);
  });
});

describe.skipIf(!exists(FIXTURES))('rigged CC0 characters without animation', () => {
  it.each(glbFiles)('%s: a humanoid character, metres, no clips', async (file) => {
    const asset = await load(file);
    expect(asset.format).toBe('glb');
    expect(asset.clips).toHaveLength(0);
    expect(asset.stats.skinnedMeshes).toBe(1);
    expect(asset.humanoid).toMatchObject({ hips: 'pelvis', leftUpperLeg: 'thigh_l', rightHand: 'hand_r', head: 'head' });
    expect(asset.placement.scale).toBe(1);
    expect(asset.notes).toEqual([]);
  });
});

const ASCII_FBX = '/usr/share/assimp/models/FBX/cubes_with_names.fbx';

describe.skipIf(!exists(ASCII_FBX))(`ASCII FBX (${ASCII_FBX}, assimp-testmodels)`, () => {
  it('reads a text FBX 7.x file: meshes, no takes', async () => {
    const head = new TextDecoder().decode(new Uint8Array(read(ASCII_FBX), 0, 64));
    expect(head).toMatch(/^; FBX 7/);
    const asset = await load(ASCII_FBX);
    expect(asset.format).toBe('fbx');
    expect(asset.stats.meshes).toBe(4);
    expect(asset.clips).toHaveLength(0);
  });
});

describe('broken and unsupported files get a reason, not a blank canvas', () => {
  it('a truncated FBX', async () => {
    const file = `${FIXTURES}/91_48.fbx`;
    if (!exists(file)) return;
    const cut = read(file).slice(0, 40_000);
    await expect(parseAsset(cut, { name: 'cut.fbx', textures: false })).rejects.toThrow(/truncated or damaged|could not be read as FBX/);
  });

  it('a file that is not a model', async () => {
    const err = await parseAsset(new TextEncoder().encode('hello world').buffer as ArrayBuffer, { name: 'notes.fbx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssetError);
    expect((err as AssetError).reason).toBe('unsupported');
  });

  it('a BVH with a broken hierarchy', async () => {
    const text = 'HIERARCHY\nROOT Hips\n{\n  OFFSET 0 0\n';
    const err = await parseAsset(new TextEncoder().encode(text).buffer as ArrayBuffer, { name: 'bad.bvh' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssetError);
    expect((err as Error).message).toMatch(/could not be read as BVH/);
  });

  it('a glTF with nothing in it', async () => {
    const json = JSON.stringify({ asset: { version: '2.0' }, scenes: [{ nodes: [] }], scene: 0 });
    const err = await parseAsset(new TextEncoder().encode(json).buffer as ArrayBuffer, { name: 'empty.gltf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssetError);
    expect((err as AssetError).reason).toBe('empty');
  });
});
