/** VRM Animation downloads read back with @pixiv/three-vrm-animation, the loader VRM apps use. */
import { VRMAnimationLoaderPlugin } from '@pixiv/three-vrm-animation';
import type { VRMAnimation } from '@pixiv/three-vrm-animation';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { describe, expect, it } from 'vitest';
import { text2motion } from '../engine/index.ts';
import { convertMotion, ConversionRefused } from './convertMotion.ts';
import { exportSpec } from './exportOptions.ts';

const motion = text2motion(
  { prompt: 'a person walks forward then waves', variants: 1, durationSec: 3, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 2 },
  () => {},
).motions[0]!;

async function readVrma(bytes: Uint8Array): Promise<VRMAnimation> {
  const loader = new GLTFLoader();
  loader.register((parser) => new VRMAnimationLoaderPlugin(parser));
  const gltf = await loader.parseAsync(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, '');
  const anims = gltf.userData.vrmAnimations as VRMAnimation[] | undefined;
  expect(anims, 'the file is a VRM Animation').toHaveLength(1);
  return anims![0]!;
}

describe('VRM Animation (.vrma)', () => {
  it('carries every humanoid bone of the take, the hips travel and its length', async () => {
    const bytes = await convertMotion(motion, exportSpec({ format: 'vrma' }, motion.fps), { clipName: 'walk', character: null });
    const anim = await readVrma(bytes);
    expect(anim.duration).toBeCloseTo((motion.frames - 1) / motion.fps, 3);
    const rotated = [...anim.humanoidTracks.rotation.keys()].sort();
    expect(rotated).toEqual([...motion.skeleton.names].sort());
    expect(anim.humanoidTracks.translation.has('hips')).toBe(true);
    // Rest rotations are identity, so the keys are the take's local rotations (up to the quaternion sign).
    const jc = motion.skeleton.parents.length;
    const j = motion.skeleton.names.indexOf('leftUpperArm');
    const track = anim.humanoidTracks.rotation.get('leftUpperArm' as never)!;
    const f = 40;
    const dot = [0, 1, 2, 3].reduce((a, k) => a + track.values[f * 4 + k]! * motion.rot[(f * jc + j) * 4 + k]!, 0);
    expect(Math.abs(dot)).toBeGreaterThan(0.9999);
  });

  it('keeps the travel on the hips: a root bone is refused naming rootMotion', async () => {
    await expect(convertMotion(motion, exportSpec({ format: 'vrma', rootMotion: 'root' }, motion.fps), { clipName: 'walk', character: null })).rejects.toThrow(ConversionRefused);
  });
});
