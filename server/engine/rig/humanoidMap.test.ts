/**
 * The rig kernel's bone mapping on real rigs' names, as the viewport asks it (every bone a candidate, no VRM
 * table, a partial answer rather than a verdict).
 */
import { describe, expect, it } from 'vitest';
import type { HumanBone } from './humanBones.ts';
import { classifyBoneName, tokenizeBoneName } from './fuzzyBoneMap.ts';
import { canDriveBody, mapHumanoidBones, parseBoneName } from './humanoidMap.ts';

interface BoneInfo {
  name: string;
  parent: number;
}
type HumanRole = HumanBone;

function mapHumanoid(bones: BoneInfo[]): Partial<Record<HumanRole, number>> {
  return Object.fromEntries(
    mapHumanoidBones(
      { names: bones.map((b) => b.name), parents: bones.map((b) => b.parent) },
      bones.map((_, i) => i),
    ).bones,
  );
}

function isHumanoid(map: Partial<Record<HumanRole, number>>): boolean {
  return canDriveBody((b) => map[b] !== undefined);
}

/** Builds a BoneInfo list from an indented outline (one space per level), as rigs print in a DCC outliner. */
function outline(text: string): BoneInfo[] {
  const bones: BoneInfo[] = [];
  const stack: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const depth = line.length - line.trimStart().length;
    stack.length = depth;
    bones.push({ name: line.trim(), parent: depth > 0 ? stack[depth - 1]! : -1 });
    stack[depth] = bones.length - 1;
  }
  return bones;
}

function named(bones: BoneInfo[], map: Partial<Record<HumanRole, number>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([role, i]) => [role, bones[i!]!.name]));
}

describe('mapHumanoid', () => {
  it('CMU BVH names (assimp-testmodels 01_01.bvh)', () => {
    const b = outline(`Hips
 LHipJoint
  LeftUpLeg
   LeftLeg
    LeftFoot
     LeftToeBase
 RHipJoint
  RightUpLeg
   RightLeg
    RightFoot
     RightToeBase
 LowerBack
  Spine
   Spine1
    Neck
     Neck1
      Head
    LeftShoulder
     LeftArm
      LeftForeArm
       LeftHand
        LeftFingerBase
        LThumb
    RightShoulder
     RightArm
      RightForeArm
       RightHand`);
    const m = mapHumanoid(b);
    expect(named(b, m)).toMatchObject({
      hips: 'Hips',
      spine: 'LowerBack',
      chest: 'Spine',
      upperChest: 'Spine1',
      neck: 'Neck',
      head: 'Head',
      leftUpperLeg: 'LeftUpLeg',
      leftLowerLeg: 'LeftLeg',
      leftFoot: 'LeftFoot',
      leftToes: 'LeftToeBase',
      leftShoulder: 'LeftShoulder',
      leftUpperArm: 'LeftArm',
      leftLowerArm: 'LeftForeArm',
      leftHand: 'LeftHand',
      rightHand: 'RightHand',
    });
    expect(isHumanoid(m)).toBe(true);
  });

  it('CMU FBX names (91_48.fbx: Poser style)', () => {
    const b = outline(`hip
 lButtock
  lThigh
   lShin
    lFoot
 rButtock
  rThigh
   rShin
    rFoot
 abdomen
  chest
   neck
    head
     leftEye
   rCollar
    rShldr
     rForeArm
      rHand
       rThumb1
   lCollar
    lShldr
     lForeArm
      lHand
       lMid1`);
    expect(named(b, mapHumanoid(b))).toEqual({
      hips: 'hip',
      spine: 'abdomen',
      chest: 'chest',
      neck: 'neck',
      head: 'head',
      leftUpperLeg: 'lThigh',
      leftLowerLeg: 'lShin',
      leftFoot: 'lFoot',
      rightUpperLeg: 'rThigh',
      rightLowerLeg: 'rShin',
      rightFoot: 'rFoot',
      leftShoulder: 'lCollar',
      leftUpperArm: 'lShldr',
      leftLowerArm: 'lForeArm',
      leftHand: 'lHand',
      rightShoulder: 'rCollar',
      rightUpperArm: 'rShldr',
      rightLowerArm: 'rForeArm',
      rightHand: 'rHand',
      // Finger bones under each hand: Poser's first thumb bone is its metacarpal.
      rightThumbMetacarpal: 'rThumb1',
      leftMiddleProximal: 'lMid1',
    });
  });

  it('Unreal names (human-male.glb)', () => {
    const b = outline(`root
 pelvis
  spine_01
   spine_02
    spine_03
     neck_01
      head
       head_leaf
     clavicle_l
      upperarm_l
       lowerarm_l
        hand_l
         index_01_l
     clavicle_r
      upperarm_r
       lowerarm_r
        hand_r
  thigh_l
   calf_l
    foot_l
     ball_l
      ball_leaf_l
  thigh_r
   calf_r
    foot_r
     ball_r`);
    expect(named(b, mapHumanoid(b))).toMatchObject({
      hips: 'pelvis',
      spine: 'spine_01',
      chest: 'spine_02',
      upperChest: 'spine_03',
      neck: 'neck_01',
      head: 'head',
      leftShoulder: 'clavicle_l',
      leftUpperArm: 'upperarm_l',
      leftLowerArm: 'lowerarm_l',
      leftHand: 'hand_l',
      leftUpperLeg: 'thigh_l',
      leftLowerLeg: 'calf_l',
      leftFoot: 'foot_l',
      leftToes: 'ball_l',
      rightToes: 'ball_r',
      leftIndexProximal: 'index_01_l',
    });
  });

  it('Mixamo prefixes and Blender suffixes', () => {
    const mixamo = outline(`mixamorig:Hips
 mixamorig:LeftUpLeg
  mixamorig:LeftLeg
   mixamorig:LeftFoot
 mixamorig:RightUpLeg
  mixamorig:RightLeg
 mixamorig:Spine
  mixamorig:Spine1
   mixamorig:Spine2
    mixamorig:Neck
     mixamorig:Head
    mixamorig:LeftShoulder
     mixamorig:LeftArm
      mixamorig:LeftForeArm
       mixamorig:LeftHand
        mixamorig:LeftHandThumb1
    mixamorig:RightShoulder
     mixamorig:RightArm`);
    expect(named(mixamo, mapHumanoid(mixamo))).toMatchObject({
      hips: 'mixamorig:Hips',
      leftHand: 'mixamorig:LeftHand',
      rightUpperArm: 'mixamorig:RightArm',
      upperChest: 'mixamorig:Spine2',
      leftThumbMetacarpal: 'mixamorig:LeftHandThumb1',
    });

    const blender = outline(`DEF-hips
 DEF-thigh.L
  DEF-shin.L
   DEF-foot.L
 DEF-thigh.R
  DEF-shin.R
 DEF-spine
  DEF-chest
   DEF-neck
   DEF-upper_arm.L
    DEF-forearm.L
   DEF-upper_arm.R`);
    expect(named(blender, mapHumanoid(blender))).toMatchObject({
      hips: 'DEF-hips',
      leftUpperLeg: 'DEF-thigh.L',
      leftLowerLeg: 'DEF-shin.L',
      rightUpperArm: 'DEF-upper_arm.R',
      leftLowerArm: 'DEF-forearm.L',
    });
  });

  it('joint-named limbs (assimp Boxing_Toes.bvh: LeftCollar → LeftShoulder → LeftElbow, LeftHip → LeftKnee)', () => {
    const bones = outline(`Hips
 Ab
  Chest
   Neck
    Head
   LeftCollar
    LeftShoulder
     LeftElbow
      LeftWrist
   RightCollar
    RightShoulder
     RightElbow
      RightWrist
 LeftHip
  LeftKnee
   LeftAnkle
    LeftToes
 RightHip
  RightKnee
   RightAnkle
    RightToes`);
    const map = mapHumanoid(bones);
    expect(isHumanoid(map)).toBe(true);
    expect(named(bones, map)).toMatchObject({
      leftShoulder: 'LeftCollar',
      leftUpperArm: 'LeftShoulder',
      leftLowerArm: 'LeftElbow',
      leftHand: 'LeftWrist',
      rightUpperLeg: 'RightHip',
      rightLowerLeg: 'RightKnee',
      rightFoot: 'RightAnkle',
      spine: 'Ab',
      chest: 'Chest',
    });
  });

  it('does not call a quadruped or a prop humanoid', () => {
    const b = outline(`Root
 Body
  Tail
  FrontLeg_L
  FrontLeg_R`);
    expect(isHumanoid(mapHumanoid(b))).toBe(false);
  });
});

describe('bone names', () => {
  it('splits side and base across conventions', () => {
    expect(parseBoneName('mixamorig:LeftForeArm')).toEqual({ side: 'left', base: 'forearm' });
    expect(parseBoneName('upperarm_r')).toEqual({ side: 'right', base: 'upperarm' });
    expect(parseBoneName('thigh.L')).toEqual({ side: 'left', base: 'thigh' });
    expect(parseBoneName('J_Bip_R_UpperLeg')).toEqual({ side: 'right', base: 'upperleg' });
    expect(parseBoneName('Bip01 L Calf')).toEqual({ side: 'left', base: 'calf' });
    expect(parseBoneName('spine_01')).toEqual({ side: null, base: 'spine01' });
  });
});

describe('bone name tokens', () => {
  it('splits camelCase, digits and separators, and reads the side and role', () => {
    expect(tokenizeBoneName('mixamorig:LeftForeArm')).toEqual(['mixamorig', 'left', 'fore', 'arm']);
    expect(tokenizeBoneName('lThigh')).toEqual(['l', 'thigh']);
    expect(tokenizeBoneName('DEF-upper_arm.L.001')).toEqual(['def', 'upper', 'arm', 'l', '001']);
    expect(tokenizeBoneName('Bip01 R Calf')).toEqual(['bip', '01', 'r', 'calf']);
    expect(classifyBoneName('rShldr')).toEqual({ side: 'right', role: 'UpperArm' });
    expect(classifyBoneName('upperArmLeft')).toEqual({ side: 'left', role: 'UpperArm' });
    expect(classifyBoneName('J_Bip_L_LowerLeg')).toEqual({ side: 'left', role: 'LowerLeg' });
    expect(classifyBoneName('Leg_R')).toEqual({ side: 'right', role: 'leg' });
    expect(classifyBoneName('upperarm_twist_01_l').role).toBe('helper');
    expect(classifyBoneName('LeftHandIndex1').role).toBe('helper');
    expect(classifyBoneName('HeadTop_End').role).toBe('helper');
    expect(classifyBoneName('pelvis')).toEqual({ side: null, role: 'hips' });
  });
});
