/**
 * Retargeting onto a character: on the engine's own mannequin it must reproduce the engine's
 * animation exactly (same skeleton, so nothing may change), and on a character resting in an
 * A-pose the arms must point where the engine's arms point.
 */
import { Document, WebIO, type Node } from '@gltf-transform/core';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { exportGlb, text2motion, type Motion } from '../../engine/index.ts';
import { RetargetError, retargetToGlb } from './retargetGlb.ts';

const walkWave = (): Motion =>
  text2motion({ prompt: 'walk forward then wave', variants: 1, durationSec: 3, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 3 }).motions[0]!;

async function channels(bytes: Uint8Array): Promise<Map<string, Float32Array>> {
  const doc = await new WebIO().readBinary(bytes);
  const out = new Map<string, Float32Array>();
  for (const ch of doc.getRoot().listAnimations()[0]!.listChannels()) {
    out.set(`${ch.getTargetNode()!.getName()}.${ch.getTargetPath()}`, ch.getSampler()!.getOutput()!.getArray() as Float32Array);
  }
  return out;
}

describe('retargetToGlb', () => {
  it('on the engine mannequin reproduces the engine’s own tracks', async () => {
    const motion = walkWave();
    const original = await exportGlb(motion);
    const retargeted = await retargetToGlb(original, motion, 'Again');
    const a = await channels(original);
    const b = await channels(retargeted);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [key, values] of a) {
      const other = b.get(key)!;
      let maxDiff = 0;
      for (let i = 0; i < values.length; i++) maxDiff = Math.max(maxDiff, Math.abs(values[i]! - other[i]!));
      expect(maxDiff, key).toBeLessThan(1e-4);
    }
  });

  it('on an A-pose rig, upper arms point where the engine’s do (alignment of rest poses)', async () => {
    const motion = walkWave();
    // A minimal A-pose humanoid: arms hang 45° down, Z-up armature rotated like many exporters do.
    const doc = new Document();
    const scene = doc.createScene();
    const skin = doc.createSkin();
    const nodes = new Map<string, Node>();
    const add = (name: string, parent: string | null, t: [number, number, number]) => {
      const n = doc.createNode(name).setTranslation(t);
      nodes.set(name, n);
      (parent ? nodes.get(parent)! : scene).addChild(n);
      skin.addJoint(n);
    };
    add('Hips', null, [0, 1, 0]);
    add('Spine', 'Hips', [0, 0.2, 0]);
    add('Neck', 'Spine', [0, 0.3, 0]);
    add('Head', 'Neck', [0, 0.1, 0]);
    const s = Math.SQRT1_2;
    for (const [side, x] of [
      ['Left', 1],
      ['Right', -1],
    ] as const) {
      add(`${side}Arm`, 'Spine', [x * 0.2, 0.25, 0]);
      add(`${side}ForeArm`, `${side}Arm`, [x * 0.25 * s, -0.25 * s, 0]);
      add(`${side}Hand`, `${side}ForeArm`, [x * 0.25 * s, -0.25 * s, 0]);
      add(`${side}UpLeg`, 'Hips', [x * 0.1, -0.05, 0]);
      add(`${side}Leg`, `${side}UpLeg`, [0, -0.45, 0]);
      add(`${side}Foot`, `${side}Leg`, [0, -0.45, 0]);
    }
    doc.createNode('Body').setSkin(skin);
    const bytes = await retargetToGlb(await new WebIO().writeBinary(doc), motion, 'Walk');

    // Pose the result by hand (TRS per frame) and compare the left upper-arm direction with the engine's.
    const out = await new WebIO().readBinary(bytes);
    const byName = new Map(
      out
        .getRoot()
        .listNodes()
        .map((n) => [n.getName(), n]),
    );
    const anim = out.getRoot().listAnimations()[0]!;
    const frame = Math.floor(motion.frames / 2);
    for (const ch of anim.listChannels()) {
      const arr = ch.getSampler()!.getOutput()!.getArray()!;
      const size = ch.getTargetPath() === 'rotation' ? 4 : 3;
      const v = Array.from(arr.slice(frame * size, frame * size + size));
      if (size === 4) ch.getTargetNode()!.setRotation(v as [number, number, number, number]);
      else ch.getTargetNode()!.setTranslation(v as [number, number, number]);
    }
    const dir = (a: string, b: string) => new Vector3(...byName.get(b)!.getWorldTranslation()).sub(new Vector3(...byName.get(a)!.getWorldTranslation())).normalize();
    const target = dir('LeftArm', 'LeftForeArm');

    // The engine's own left upper arm direction at that frame (its rest direction is +X).
    const sk = motion.skeleton;
    const world: Quaternion[] = [];
    for (let j = 0; j < sk.parents.length; j++) {
      const o = (frame * sk.parents.length + j) * 4;
      const q = new Quaternion(motion.rot[o]!, motion.rot[o + 1]!, motion.rot[o + 2]!, motion.rot[o + 3]!);
      world.push(sk.parents[j]! >= 0 ? world[sk.parents[j]!]!.clone().multiply(q) : q);
    }
    const upper = sk.names.indexOf('leftUpperArm');
    const lower = sk.names.indexOf('leftLowerArm');
    const engineDir = new Vector3(sk.offsets[lower * 3]!, sk.offsets[lower * 3 + 1]!, sk.offsets[lower * 3 + 2]!).applyQuaternion(world[upper]!).normalize();
    expect(target.angleTo(engineDir)).toBeLessThan(0.02);
  });

  it('refuses a character without a humanoid skeleton', async () => {
    const doc = new Document();
    doc.createScene().addChild(doc.createNode('Teapot'));
    await expect(retargetToGlb(await new WebIO().writeBinary(doc), walkWave(), 'x')).rejects.toBeInstanceOf(RetargetError);
  });
});
