import { expect, test } from 'vitest';
import { FBXLoader } from 'three/examples/jsm/loaders/FBXLoader.js';
import { text2motion } from '../index.ts';
import { exportFbx } from './fbx.ts';

test('FBX export is binary FBX that three FBXLoader reads back with bones and one animation', async () => {
  const m = text2motion({ prompt: 'walk forward then wave', variants: 1, durationSec: 3, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 2 }).motions[0]!;
  const bytes = await exportFbx(m);
  expect(new TextDecoder().decode(bytes.subarray(0, 18))).toBe('Kaydara FBX Binary');
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const group = new FBXLoader().parse(ab, '');
  expect(group.animations).toHaveLength(1);
  expect(group.animations[0]!.duration).toBeCloseTo(3, 1);
  const names = new Set<string>();
  let skinned = 0;
  group.traverse((o) => {
    names.add(o.name);
    if ((o as { isSkinnedMesh?: boolean }).isSkinnedMesh) skinned++;
  });
  expect(skinned).toBe(1);
  for (const n of ['Hips', 'LeftUpLeg', 'RightForeArm', 'Head', 'LeftHandThumb1', 'LeftHandIndex3', 'RightHandPinky1']) expect(names.has(n)).toBe(true);
  for (const n of m.skeleton.exportNames) expect(names.has(n), n).toBe(true);
});
