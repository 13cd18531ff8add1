/**
 * Fingers in the viewport's preview retarget, on real characters (../shared/fixtures; skipped when absent):
 * a clip that curls the Quaternius character's thumb and index finger, played on Kenney's zombie (other
 * proportions and rest pose, thumb and index only), bends the zombie's fingers the same way relative to
 * its own palm. Each rig's palm frame is built from its wrist, index knuckle and thumb base.
 */
import { AnimationClip, AnimationMixer, Matrix4, Quaternion, QuaternionKeyframeTrack, Vector3 } from 'three';
import type { Object3D } from 'three';
import { describe, expect, it } from 'vitest';
import { instantiate, type AssetInstance } from '../assets/instantiate.ts';
import { parseAsset } from '../assets/parseAsset.ts';
import { FIXTURES_DIR as FIXTURES, exists, readBuffer } from '../testing/realFiles.ts';
import { retargetClip } from './retargetClip.ts';

const load = (file: string) => parseAsset(readBuffer(`${FIXTURES}/${file}`), { name: file, textures: false });
const world = (o: Object3D) => o.getWorldPosition(new Vector3());

/** Palm frame of one hand (rows: toward the index knuckle, across to the thumb side, their normal). */
function palmFrame(inst: AssetInstance, side: 'left' | 'right'): Matrix4 {
  const hand = world(inst.roles[`${side}Hand`]!);
  const x = world(inst.roles[`${side}IndexProximal`]!).sub(hand).normalize();
  const across = world(inst.roles[`${side}ThumbMetacarpal`]!).sub(world(inst.roles[`${side}IndexProximal`]!));
  const z = new Vector3().crossVectors(x, across).normalize();
  return new Matrix4().makeBasis(x, new Vector3().crossVectors(z, x), z).transpose();
}

/** Direction of the index finger's last bone (distal joint → its leaf child), in the palm frame. */
function indexTipDir(inst: AssetInstance, side: 'left' | 'right'): Vector3 {
  const distal = inst.roles[`${side}IndexDistal`]!;
  const leaf = distal.children.find((c) => (c as { isBone?: boolean }).isBone) ?? distal;
  return world(leaf).sub(world(distal)).normalize().applyMatrix4(palmFrame(inst, side));
}

describe.skipIf(!exists(`${FIXTURES}/human-male.glb`))('retargetClip with fingers (needs ../shared/fixtures)', () => {
  it('a curled index finger on the Quaternius rig curls the zombie’s index toward its own palm', async () => {
    const src = instantiate(await load('human-male.glb'));
    const tgt = instantiate(await load('human-zombie.glb'));
    src.root.updateMatrixWorld(true);
    tgt.root.updateMatrixWorld(true);
    expect(
      Object.keys(tgt.roles)
        .filter((r) => /Thumb|Index|Middle|Ring|Little/.test(r))
        .sort(),
    ).toEqual(
      ['Thumb', 'Index']
        .flatMap((f) =>
          ['left', 'right'].flatMap((s) => (f === 'Thumb' ? ['Metacarpal', 'Proximal', 'Distal'] : ['Proximal', 'Intermediate', 'Distal']).map((g) => `${s}${f}${g}`)),
        )
        .sort(),
    );

    // Curl each index bone 55° about the palm's across axis (toward the palm: the side the thumb's base sits below).
    const tracks: QuaternionKeyframeTrack[] = [];
    for (const side of ['left', 'right'] as const) {
      const frame = palmFrame(src, side).clone().transpose();
      const across = new Vector3(0, 0, 1).applyMatrix4(frame);
      for (const seg of ['IndexProximal', 'IndexIntermediate', 'IndexDistal'] as const) {
        const bone = src.roles[`${side}${seg}`]!;
        const parentQ = bone.parent!.getWorldQuaternion(new Quaternion());
        const localAxis = across.clone().applyQuaternion(parentQ.clone().invert());
        const curled = new Quaternion().setFromAxisAngle(localAxis, (-55 * Math.PI) / 180).multiply(bone.quaternion);
        tracks.push(new QuaternionKeyframeTrack(`${bone.name}.quaternion`, [0, 1], [...bone.quaternion.toArray(), ...curled.toArray()]));
      }
    }
    const clip = new AnimationClip('curl', 1, tracks);
    const mixer = new AnimationMixer(src.model);
    const action = mixer.clipAction(clip).play();
    const baked = retargetClip({ inst: src, mixer, action, duration: 1, fps: 30 }, tgt, 'curl');

    const tMixer = new AnimationMixer(tgt.model);
    const tAction = tMixer.clipAction(baked).play();
    for (const t of [0, 1]) {
      action.time = t;
      mixer.update(0);
      src.root.updateMatrixWorld(true);
      tAction.time = t;
      tMixer.update(0);
      tgt.root.updateMatrixWorld(true);
      for (const side of ['left', 'right'] as const) {
        const err = (indexTipDir(src, side).angleTo(indexTipDir(tgt, side)) * 180) / Math.PI;
        // At rest both fingers already lie alike in their palms (the alignment); curled, they still agree.
        expect(err, `${side} index at t=${t}`).toBeLessThan(12);
      }
    }
    // The curl really happened on the target: its fingertip turned by roughly the source's 3 × 55° overall.
    action.time = 0;
    mixer.update(0);
    tAction.time = 0;
    tMixer.update(0);
    tgt.root.updateMatrixWorld(true);
    const rest = indexTipDir(tgt, 'left');
    tAction.time = 1;
    tMixer.update(0);
    tgt.root.updateMatrixWorld(true);
    expect((rest.angleTo(indexTipDir(tgt, 'left')) * 180) / Math.PI).toBeGreaterThan(100);
  });
});
