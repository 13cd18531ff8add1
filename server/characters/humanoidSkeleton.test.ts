/**
 * Humanoid bone recognition across naming schemes: Mixamo (with and without namespace), CMU mocap,
 * Unreal/Quaternius, Blender, VRM by extension, and refusal of rigs that lack limbs.
 */
import { Document, type Node } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { REQUIRED_BONES } from '../engine/rig/humanBones.ts';
import { findHumanoid } from './humanoidSkeleton.ts';

/** Builds a skinned hierarchy from [name, parent] pairs. */
function rig(bones: Array<[string, string | null]>): { doc: Document; nodes: Map<string, Node> } {
  const doc = new Document();
  const scene = doc.createScene();
  const nodes = new Map<string, Node>();
  const skin = doc.createSkin();
  for (const [name, parent] of bones) {
    const n = doc.createNode(name);
    nodes.set(name, n);
    if (parent) nodes.get(parent)!.addChild(n);
    else scene.addChild(n);
    skin.addJoint(n);
  }
  doc.createNode('Body').setSkin(skin);
  return { doc, nodes };
}

function chain(names: string[], parent: string | null): Array<[string, string | null]> {
  return names.map((n, i) => [n, i === 0 ? parent : names[i - 1]!]);
}

function mixamo(prefix: string): Array<[string, string | null]> {
  const p = (n: string) => prefix + n;
  return [
    ...chain([p('Hips'), p('Spine'), p('Spine1'), p('Spine2'), p('Neck'), p('Head')], null),
    ...chain([p('LeftShoulder'), p('LeftArm'), p('LeftForeArm'), p('LeftHand'), p('LeftHandIndex1')], p('Spine2')),
    ...chain([p('RightShoulder'), p('RightArm'), p('RightForeArm'), p('RightHand')], p('Spine2')),
    ...chain([p('LeftUpLeg'), p('LeftLeg'), p('LeftFoot'), p('LeftToeBase'), p('LeftToe_End')], p('Hips')),
    ...chain([p('RightUpLeg'), p('RightLeg'), p('RightFoot'), p('RightToeBase')], p('Hips')),
  ];
}

describe('findHumanoid', () => {
  it('maps a Mixamo rig, with or without the mixamorig: namespace, spine chain from the hierarchy', () => {
    for (const prefix of ['mixamorig:', 'mixamorig1:', '']) {
      const { doc, nodes } = rig(mixamo(prefix));
      const found = findHumanoid(doc, null);
      expect(found.ok, prefix).toBe(true);
      if (!found.ok) continue;
      expect(found.bones.get('leftLowerLeg')).toBe(nodes.get(`${prefix}LeftLeg`));
      expect(found.bones.get('leftUpperArm')).toBe(nodes.get(`${prefix}LeftArm`));
      expect(found.bones.get('spine')).toBe(nodes.get(`${prefix}Spine`));
      expect(found.bones.get('chest')).toBe(nodes.get(`${prefix}Spine1`));
      expect(found.bones.get('upperChest')).toBe(nodes.get(`${prefix}Spine2`));
      expect(found.bones.get('leftToes')).toBe(nodes.get(`${prefix}LeftToeBase`));
    }
  });

  it('maps a CMU mocap skeleton (LowerBack, LHipJoint, Neck1)', () => {
    const { doc, nodes } = rig([
      ...chain(['Hips', 'LowerBack', 'Spine', 'Spine1', 'Neck', 'Neck1', 'Head'], null),
      ...chain(['LeftShoulder', 'LeftArm', 'LeftForeArm', 'LeftHand'], 'Spine1'),
      ...chain(['RightShoulder', 'RightArm', 'RightForeArm', 'RightHand'], 'Spine1'),
      ...chain(['LHipJoint', 'LeftUpLeg', 'LeftLeg', 'LeftFoot', 'LeftToeBase'], 'Hips'),
      ...chain(['RHipJoint', 'RightUpLeg', 'RightLeg', 'RightFoot', 'RightToeBase'], 'Hips'),
    ]);
    const found = findHumanoid(doc, null);
    expect(found.ok).toBe(true);
    if (found.ok) {
      expect(found.bones.get('neck')).toBe(nodes.get('Neck'));
      expect(found.bones.get('spine')).toBe(nodes.get('LowerBack'));
      expect(found.bones.get('upperChest')).toBe(nodes.get('Spine1'));
    }
  });

  it('maps a VRM by its humanBones extension whatever the node names are', () => {
    const names = REQUIRED_BONES.map((b, i) => [`Node_${i}`, i === 0 ? null : 'Node_0'] as [string, string | null]);
    const { doc } = rig(names);
    const humanBones = Object.fromEntries(REQUIRED_BONES.map((b, i) => [b, { node: i }]));
    const found = findHumanoid(doc, { extensions: { VRMC_vrm: { humanoid: { humanBones } } } });
    expect(found.ok && found.scheme).toBe('vrm');
    const v0 = findHumanoid(doc, { extensions: { VRM: { humanoid: { humanBones: REQUIRED_BONES.map((bone, node) => ({ bone, node })) } } } });
    expect(v0.ok).toBe(true);
  });

  it('refuses a plain mesh and a rig without legs, listing what is missing', () => {
    const plain = new Document();
    plain.createScene().addChild(plain.createNode('Teapot'));
    const none = findHumanoid(plain, null);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.reason).toMatch(/no skeleton/);

    const { doc } = rig(mixamo('').filter(([n]) => !/Leg|Foot|Toe/.test(n)));
    const legless = findHumanoid(doc, null);
    expect(legless.ok).toBe(false);
    if (!legless.ok) expect(legless.missing).toEqual(['leftUpperLeg', 'leftLowerLeg', 'leftFoot', 'rightUpperLeg', 'rightLowerLeg', 'rightFoot']);
  });
});
