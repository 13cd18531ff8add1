/**
 * Retargeting real mocap onto real characters: a CMU BVH and a CMU FBX clip onto the two CC0 rigs (different bone
 * names, proportions and rest poses). The character's limbs must follow the source's: each foot stays near the
 * source foot (scaled by leg length), and the character's joints move.
 */
import { AnimationMixer, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../assets/instantiate.ts';
import { parseAsset } from '../assets/parseAsset.ts';
import { BVH_DIR, FIXTURES_DIR as FIXTURES, basename, exists, readBuffer } from '../testing/realFiles.ts';
import { retargetClip } from './retargetClip.ts';

const BVH = `${BVH_DIR}/01_01.bvh`;

async function load(file: string) {
  return parseAsset(readBuffer(file), { name: basename(file), textures: false });
}

const SEGMENTS = [
  ['leftUpperLeg', 'leftLowerLeg'],
  ['leftLowerLeg', 'leftFoot'],
  ['rightUpperLeg', 'rightLowerLeg'],
  ['rightLowerLeg', 'rightFoot'],
  ['leftUpperArm', 'leftLowerArm'],
  ['leftLowerArm', 'leftHand'],
  ['rightUpperArm', 'rightLowerArm'],
  ['rightLowerArm', 'rightHand'],
  ['hips', 'neck'],
] as const;

const cases = [
  [BVH, 'human-male.glb'],
  [`${FIXTURES}/91_49.fbx`, 'human-zombie.glb'],
] as const;

describe.skipIf(!exists(FIXTURES) || !exists(BVH))('retargetClip (needs ../shared/fixtures and assimp-testmodels)', () => {
  it.each(cases)('%s onto %s', async (motionFile, characterFile) => {
    const motion = await load(motionFile);
    const character = await load(`${FIXTURES}/${characterFile}`);
    const src = instantiate(motion);
    const mixer = new AnimationMixer(src.model);
    const clip = motion.clips[motion.defaultClip]!;
    const action = mixer.clipAction(clip).play();
    const tgt = instantiate(character);
    const baked = retargetClip({ inst: src, mixer, action, duration: clip.duration, fps: 30 }, tgt, 'retargeted');
    expect(baked.duration).toBeCloseTo(clip.duration, 5);

    const tMixer = new AnimationMixer(tgt.model);
    const tAction = tMixer.clipAction(baked).play();
    const legScale = (inst: typeof src) => inst.roles.leftUpperLeg!.getWorldPosition(new Vector3()).distanceTo(inst.roles.leftFoot!.getWorldPosition(new Vector3()));
    src.root.updateMatrixWorld(true);
    tgt.root.updateMatrixWorld(true);

    const errors: number[] = [];
    const footErrors: number[] = [];
    const samples = 24;
    const firstPose = tgt.bones.map((b) => b.getWorldPosition(new Vector3()));
    let moved = 0;
    for (let i = 0; i < samples; i++) {
      const t = (i / (samples - 1)) * clip.duration;
      action.time = t;
      mixer.update(0);
      src.root.updateMatrixWorld(true);
      tAction.time = t;
      tMixer.update(0);
      tgt.root.updateMatrixWorld(true);
      const k = legScale(tgt) / legScale(src);
      for (const foot of ['leftFoot', 'rightFoot'] as const) {
        const s = src.roles[foot]!.getWorldPosition(new Vector3()).multiplyScalar(k);
        const c = tgt.roles[foot]!.getWorldPosition(new Vector3());
        footErrors.push(s.distanceTo(c));
      }
      // Every limb segment points the same way in both rigs (whatever its length).
      for (const [a, b] of SEGMENTS) {
        const dir = (inst: typeof src) => inst.roles[b]!.getWorldPosition(new Vector3()).sub(inst.roles[a]!.getWorldPosition(new Vector3())).normalize();
        errors.push((dir(src).angleTo(dir(tgt)) * 180) / Math.PI);
      }
      if (i === samples >> 1) moved = tgt.bones.filter((b, j) => b.getWorldPosition(new Vector3()).distanceTo(firstPose[j]!) > 0.05).length;
    }
    const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
    expect(p90(errors), '90th percentile of limb direction error (degrees)').toBeLessThan(12);
    // Feet follow the source's feet, scaled by leg length (arm and spine proportions differ, so only the feet).
    expect(p90(footErrors), '90th percentile of foot distance (m)').toBeLessThan(0.16);
    expect(moved).toBeGreaterThan(15);
  });
});
