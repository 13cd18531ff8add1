/**
 * Preview and export agree: the same real mocap clip (CMU BVH 01_01, imported by the engine as a canonical
 * motion) put on the same real character (the CC0 Quaternius human) by the viewport's preview retarget
 * (src/viewport/rig/retargetClip.ts, three.js objects) and by the server's export (CharacterRetargeter, a
 * gltf-transform document) turns the arms, hands and fingers alike: both go through the rig kernel's bone
 * mapping and rest alignment (server/engine/rig). The torso and legs differ by design: the server keeps the
 * character's own torso posture and re-solves the legs for its proportions so planted feet stay planted.
 *
 * It imports the server and the viewport together, which neither app project may, so it has its own
 * TypeScript project (tsconfig.cross.json).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AnimationMixer, Quaternion, type AnimationClip } from 'three';
import { describe, expect, it } from 'vitest';
import { exportGlb } from '../../server/engine/index.ts';
import { sliceMotion } from '../../server/engine/core/motion.ts';
import { readBvh } from '../../server/engine/io/bvhRead.ts';
import type { HumanBone } from '../../server/engine/rig/humanBones.ts';
import { motionFromBvh } from '../../server/providers/local/motionFromBvh.ts';
import { CharacterRetargeter } from '../../server/providers/local/retargetGlb.ts';
import { instantiate, type AssetInstance } from '../../src/viewport/assets/instantiate.ts';
import { parseAsset } from '../../src/viewport/assets/parseAsset.ts';
import { retargetClip } from '../../src/viewport/rig/retargetClip.ts';

const BVH = '/usr/share/assimp/models/BVH/01_01.bvh';
const CHARACTER = path.resolve(import.meta.dirname, '../../../shared/fixtures/human-male.glb');
const ARM_BONES: HumanBone[] = [
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
  'leftIndexProximal',
  'leftIndexIntermediate',
  'rightIndexProximal',
  'rightThumbProximal',
];

async function load(bytes: Uint8Array, name: string) {
  return parseAsset(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, { name, textures: false });
}

/** Plays `clip` on `inst` at time t and returns the world rotation of each bone. */
function poseAt(inst: AssetInstance, mixer: AnimationMixer, clip: AnimationClip, t: number, bones: HumanBone[]): Quaternion[] {
  const action = mixer.clipAction(clip).play();
  action.time = t;
  mixer.update(0);
  inst.root.updateMatrixWorld(true);
  return bones.map((b) => {
    const bone = inst.roles[b];
    if (!bone) throw new Error(`no ${b} on the character`);
    return bone.getWorldQuaternion(new Quaternion());
  });
}

describe.skipIf(!fs.existsSync(BVH) || !fs.existsSync(CHARACTER))('viewport and server retarget agree (needs ../shared/fixtures and assimp-testmodels)', () => {
  it('CMU 01_01 on the Quaternius human: arm, hand and finger rotations match between preview and export', async () => {
    // Two whole seconds, so the preview's keys (at most 60 per second) fall on the motion's own frames.
    const motion = sliceMotion(motionFromBvh(readBvh(fs.readFileSync(BVH, 'utf8'))), 0, 241);
    const characterBytes = new Uint8Array(fs.readFileSync(CHARACTER));

    // Server: the character's GLB with the motion on it.
    const exported = await load(await (await CharacterRetargeter.load(characterBytes)).glb(motion, 'take'), 'export.glb');
    const server = instantiate(exported);
    const serverClip = exported.clips[exported.defaultClip]!;

    // Viewport: the engine's mannequin GLB of the same motion, retargeted onto the character.
    const source = await load(await exportGlb(motion), 'mannequin.glb');
    const src = instantiate(source);
    const srcMixer = new AnimationMixer(src.model);
    const srcClip = source.clips[source.defaultClip]!;
    const srcAction = srcMixer.clipAction(srcClip).play();
    const preview = instantiate(await load(characterBytes, 'human-male.glb'));
    const previewClip = retargetClip({ inst: src, mixer: srcMixer, action: srcAction, duration: srcClip.duration, fps: motion.fps }, preview, 'preview');

    const bones = ARM_BONES.filter((b) => server.roles[b] && preview.roles[b]);
    expect(bones.length).toBe(ARM_BONES.length);
    const serverMixer = new AnimationMixer(server.model),
      previewMixer = new AnimationMixer(preview.model);
    // Compared at the preview's own keys (it samples at most 60 per second), so neither side interpolates.
    const step = motion.fps / Math.min(motion.fps, 60);
    const worst = new Map<HumanBone, number>();
    for (let f = 0; f < motion.frames; f += 5 * step) {
      const t = f / motion.fps;
      const a = poseAt(server, serverMixer, serverClip, t, bones);
      const b = poseAt(preview, previewMixer, previewClip, t, bones);
      a.forEach((q, k) => worst.set(bones[k]!, Math.max(worst.get(bones[k]!) ?? 0, q.angleTo(b[k]!))));
    }
    // Float32 keys on both sides: within 2 mrad (0.1°), the largest seen is under 1 mrad.
    for (const [bone, w] of worst) expect(w, bone).toBeLessThan(0.002);
  });
});
