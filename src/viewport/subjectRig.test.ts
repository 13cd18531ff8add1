/**
 * The per-view rig on real files: in-place playback pins the root over its start while the clip still moves,
 * a motion-only clip plays on a character when one is given, and a character without motion is shown still.
 */
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { parseAsset } from './assets/parseAsset.ts';
import { buildSubjectRig, canRetarget } from './subjectRig.ts';
import { BVH_DIR, FIXTURES_DIR, basename, exists, readBuffer } from './testing/realFiles.ts';

const BVH = `${BVH_DIR}/01_01.bvh`;
const MALE = `${FIXTURES_DIR}/human-male.glb`;
const load = (file: string) => parseAsset(readBuffer(file), { name: basename(file), textures: false });

describe.skipIf(!exists(BVH))(`in-place playback (${BVH})`, () => {
  it('pins the root horizontally; height and limbs still move', async () => {
    const rig = buildSubjectRig(await load(BVH), 0, null);
    expect(rig.skeletonOnly).toBe(true);
    const root = rig.display.rootBone!;
    const at = (t: number, inPlace: boolean) => {
      rig.pose(t, inPlace);
      return root.getWorldPosition(new Vector3());
    };
    const start = at(0, false);
    let travelled = 0;
    const heights = new Set<string>();
    for (const t of [2, 6, 10, 15, 20]) {
      travelled = Math.max(travelled, Math.hypot(at(t, false).x - start.x, at(t, false).z - start.z));
      const pinned = at(t, true);
      expect(Math.hypot(pinned.x - start.x, pinned.z - start.z)).toBeLessThan(1e-6);
      heights.add(pinned.y.toFixed(3));
    }
    expect(travelled, 'the clip itself travels').toBeGreaterThan(0.5);
    expect(heights.size, 'the hips still move up and down').toBeGreaterThan(2);
    rig.dispose();
  });
});

describe.skipIf(!exists(BVH) || !exists(MALE))('retargeting through the rig', () => {
  it('a BVH clip plays on a rigged character; the character alone has nothing to play', async () => {
    const [motion, character] = await Promise.all([load(BVH), load(MALE)]);
    expect(canRetarget(motion, character)).toBe(true);
    expect(canRetarget(character, motion)).toBe(false);
    const rig = buildSubjectRig(motion, 0, character);
    expect(rig.retargetedOnto).toBe('human-male.glb');
    expect(rig.skeletonOnly).toBe(false);
    expect(rig.duration).toBeCloseTo(motion.clips[0]!.duration, 3);
    expect(rig.analysis!.contacts.left.length).toBeGreaterThan(2);
    const hand = rig.display.roles.leftHand!;
    rig.pose(1);
    const a = hand.getWorldPosition(new Vector3());
    rig.pose(8);
    expect(hand.getWorldPosition(new Vector3()).distanceTo(a)).toBeGreaterThan(0.1);

    const still = buildSubjectRig(character, 0, null);
    expect(still.action).toBeNull();
    expect(still.analysis).toBeNull();
    expect(still.duration).toBe(0);
  });
});
