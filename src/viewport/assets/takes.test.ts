/**
 * Several takes in one FBX (animation stacks): each is a selectable clip, and the one played first is the
 * longest, because Mixamo-style files put a one-frame T-pose take first (three.js#23785). The file is written by
 * an independent FBX writer (@comfyorg/fbx-exporter-three) and read back through the player's loading path.
 */
import { FBXExporter } from '@comfyorg/fbx-exporter-three';
import { AnimationClip, Bone, Group, Quaternion, QuaternionKeyframeTrack, Scene, Vector3, VectorKeyframeTrack } from 'three';
import { describe, expect, it } from 'vitest';
import { buildSubjectRig } from '../subjectRig.ts';
import { parseAsset } from './parseAsset.ts';

function twoTakeFbx(): ArrayBuffer {
  const hips = new Bone();
  hips.name = 'Hips';
  hips.position.set(0, 1, 0);
  const spine = new Bone();
  spine.name = 'Spine';
  spine.position.set(0, 0.5, 0);
  hips.add(spine);
  const armature = new Group();
  armature.name = 'Armature';
  armature.add(hips);
  const scene = new Scene();
  scene.add(armature);
  const bent = new Quaternion().setFromAxisAngle(new Vector3(0, 0, 1), 0.8);
  const tpose = new AnimationClip('TPose', 1 / 30, [new QuaternionKeyframeTrack('Spine.quaternion', [0, 1 / 30], [0, 0, 0, 1, 0, 0, 0, 1])]);
  const bend = new AnimationClip('Bend', 2, [
    new QuaternionKeyframeTrack('Spine.quaternion', [0, 1, 2], [0, 0, 0, 1, bent.x, bent.y, bent.z, bent.w, 0, 0, 0, 1]),
    new VectorKeyframeTrack('Hips.position', [0, 2], [0, 1, 0, 1, 1, 0]),
  ]);
  const bytes = new FBXExporter().parseSync(scene, { fps: 30, animations: [tpose, bend] });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('FBX takes', () => {
  it('lists every take, plays the longest first, and each take can be chosen', async () => {
    const asset = await parseAsset(twoTakeFbx(), { name: 'takes.fbx', textures: false });
    expect(asset.clips.map((c) => c.name).sort()).toEqual(['Bend', 'TPose']);
    expect(asset.clips[asset.defaultClip]!.name).toBe('Bend');

    const tposeIndex = asset.clips.findIndex((c) => c.name === 'TPose');
    const bend = buildSubjectRig(asset, asset.defaultClip, null);
    const still = buildSubjectRig(asset, tposeIndex, null);
    expect(bend.duration).toBeCloseTo(2, 3);
    expect(still.duration).toBeLessThan(0.1);
    const tip = (rig: typeof bend) => rig.display.bones.find((b) => b.name === 'Spine')!.getWorldQuaternion(new Quaternion());
    bend.pose(1);
    still.pose(0);
    expect(tip(bend).angleTo(tip(still))).toBeGreaterThan(0.5);
  });
});
