/**
 * The fuzzy mapper on naming schemes the alias tables do not know: DAZ/Poser (a real CMU FBX clip),
 * joint-named rigs (Motion Analysis BVH), Rigify deform bones, 3ds Max Biped, camelCase, and rigs whose
 * limb bones are named only by hierarchy; and refusal when nothing is recognisable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBvh } from '../engine/io/bvhRead.ts';
import { loadFbx } from './fbxToGlb.ts';
import { mapHumanoid, type BoneTree, type HumanBone } from '../engine/rig/humanoidMap.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const HAVE_FIXTURES = fs.existsSync(path.join(FIXTURES, '91_48.fbx'));
if (!HAVE_FIXTURES) console.warn(`skipping the CMU FBX bone-name test: ${FIXTURES} is absent (it lives outside the repository)`);
const BVH_DIR = '/usr/share/assimp/models/BVH';
const HAVE_BVH = fs.existsSync(path.join(BVH_DIR, 'Boxing_Toes.bvh'));
if (!HAVE_BVH) console.warn(`skipping the joint-named BVH test: ${BVH_DIR} is absent (apt-get install assimp-testmodels)`);

/** A tree from [name, parent name] pairs. */
function tree(pairs: Array<[string, string | null]>): BoneTree {
  const names = pairs.map(([n]) => n);
  return { names, parents: pairs.map(([, p]) => (p === null ? -1 : names.indexOf(p))) };
}

function mapped(t: BoneTree): Record<string, string> {
  const r = mapHumanoid(
    t,
    t.names.map((_, i) => i),
  );
  if (!r.ok) throw new Error(r.reason);
  return Object.fromEntries([...r.bones].map(([b, i]) => [b, t.names[i]!]));
}

const chain = (names: string[], parent: string | null): Array<[string, string | null]> => names.map((n, i) => [n, i === 0 ? parent : names[i - 1]!]);

describe('fuzzy humanoid mapping', () => {
  it.skipIf(!HAVE_FIXTURES)('maps the DAZ-style skeleton of a real CMU FBX clip (lThigh, rShldr, lCollar, abdomen)', () => {
    const { root } = loadFbx(new Uint8Array(fs.readFileSync(path.join(FIXTURES, '91_48.fbx'))));
    const names: string[] = [];
    const parents: number[] = [];
    const index = new Map<unknown, number>();
    root.traverse((o) => {
      index.set(o, names.length);
      parents.push(o.parent && index.has(o.parent) ? index.get(o.parent)! : -1);
      names.push(o.name);
    });
    const got = mapped({ names, parents });
    expect(got).toMatchObject({
      hips: 'hip',
      spine: 'abdomen',
      chest: 'chest',
      neck: 'neck',
      head: 'head',
      leftShoulder: 'lCollar',
      leftUpperArm: 'lShldr',
      leftLowerArm: 'lForeArm',
      leftHand: 'lHand',
      rightShoulder: 'rCollar',
      rightUpperArm: 'rShldr',
      rightLowerArm: 'rForeArm',
      rightHand: 'rHand',
      leftUpperLeg: 'lThigh',
      leftLowerLeg: 'lShin',
      leftFoot: 'lFoot',
      rightUpperLeg: 'rThigh',
      rightLowerLeg: 'rShin',
      rightFoot: 'rFoot',
    });
  });

  it.skipIf(!HAVE_BVH)('maps a joint-named BVH (LeftCollar → LeftShoulder → LeftElbow → LeftWrist, LeftHip → LeftKnee → LeftAnkle)', () => {
    const clip = readBvh(fs.readFileSync(path.join(BVH_DIR, 'Boxing_Toes.bvh'), 'utf8'));
    const got = mapped({ names: clip.joints.map((j) => j.name), parents: clip.joints.map((j) => j.parent) });
    expect(got).toMatchObject({
      leftShoulder: 'LeftCollar',
      leftUpperArm: 'LeftShoulder',
      leftLowerArm: 'LeftElbow',
      leftHand: 'LeftWrist',
      leftUpperLeg: 'LeftHip',
      leftLowerLeg: 'LeftKnee',
      leftFoot: 'LeftAnkle',
      leftToes: 'LeftToes',
      spine: 'Ab',
      chest: 'Chest',
    });
  });

  it('maps Rigify deform bones: the first of split bones, hips where the thighs meet, head at the top of the centre chain', () => {
    const t = tree([
      ...chain(['DEF-spine', 'DEF-spine.001', 'DEF-spine.002', 'DEF-spine.003', 'DEF-spine.004', 'DEF-spine.005', 'DEF-spine.006'], null),
      ...(['L', 'R'] as const).flatMap((s) => [
        ...chain(
          [`DEF-shoulder.${s}`, `DEF-upper_arm.${s}`, `DEF-upper_arm.${s}.001`, `DEF-forearm.${s}`, `DEF-forearm.${s}.001`, `DEF-hand.${s}`, `DEF-f_index.01.${s}`],
          'DEF-spine.003',
        ),
        ...chain([`DEF-thigh.${s}`, `DEF-thigh.${s}.001`, `DEF-shin.${s}`, `DEF-shin.${s}.001`, `DEF-foot.${s}`, `DEF-toe.${s}`], 'DEF-spine'),
      ]),
    ]);
    expect(mapped(t)).toMatchObject({
      hips: 'DEF-spine',
      head: 'DEF-spine.006',
      neck: 'DEF-spine.005',
      leftUpperArm: 'DEF-upper_arm.L',
      leftLowerArm: 'DEF-forearm.L',
      leftHand: 'DEF-hand.L',
      leftShoulder: 'DEF-shoulder.L',
      rightUpperLeg: 'DEF-thigh.R',
      rightLowerLeg: 'DEF-shin.R',
      rightFoot: 'DEF-foot.R',
      rightToes: 'DEF-toe.R',
    });
  });

  it('maps 3ds Max Biped names and a camelCase rig', () => {
    const biped = tree([
      ...chain(['Bip01', 'Bip01 Pelvis', 'Bip01 Spine', 'Bip01 Spine1', 'Bip01 Neck', 'Bip01 Head', 'Bip01 HeadNub'], null),
      ...(['L', 'R'] as const).flatMap((s) => [
        ...chain([`Bip01 ${s} Clavicle`, `Bip01 ${s} UpperArm`, `Bip01 ${s} Forearm`, `Bip01 ${s} Hand`, `Bip01 ${s} Finger0`], 'Bip01 Neck'),
        ...chain([`Bip01 ${s} Thigh`, `Bip01 ${s} Calf`, `Bip01 ${s} Foot`, `Bip01 ${s} Toe0`], 'Bip01 Pelvis'),
      ]),
    ]);
    expect(mapped(biped)).toMatchObject({ hips: 'Bip01 Pelvis', head: 'Bip01 Head', leftUpperArm: 'Bip01 L UpperArm', rightLowerLeg: 'Bip01 R Calf', leftToes: 'Bip01 L Toe0' });

    const camel = tree([
      ...chain(['root', 'hips', 'spineLower', 'spineUpper', 'neck', 'head'], null),
      ...(['Left', 'Right'] as const).flatMap((s) => [
        ...chain([`upperArm${s}`, `lowerArm${s}`, `hand${s}`], 'spineUpper'),
        ...chain([`upperLeg${s}`, `lowerLeg${s}`, `foot${s}`], 'hips'),
      ]),
    ]);
    expect(mapped(camel)).toMatchObject({ hips: 'hips', spine: 'spineLower', chest: 'spineUpper', leftUpperArm: 'upperArmLeft', rightFoot: 'footRight' });
  });

  it('takes limb bones nobody named from the hierarchy (Hip_L → Knee_L → Ankle_L, an unnamed forearm)', () => {
    const t = tree([
      ...chain(['Pelvis', 'Spine', 'Neck', 'Head'], null),
      ...(['L', 'R'] as const).flatMap((s) => [
        ...chain([`Clavicle_${s}`, `UpperArm_${s}`, `Bone_${s}_7`, `Hand_${s}`], 'Spine'),
        ...chain([`Hip_${s}`, `Knee_${s}`, `Ankle_${s}`], 'Pelvis'),
      ]),
    ]);
    expect(mapped(t)).toMatchObject({ leftLowerArm: 'Bone_L_7', leftUpperLeg: 'Hip_L', leftLowerLeg: 'Knee_L', rightFoot: 'Ankle_R' });
  });

  it('refuses a rig of meaningless names, and a "hand" that is not below its arm', () => {
    const anon = tree(chain(['Bone', 'Bone.001', 'Bone.002', 'Bone.003', 'Bone.004'], null));
    const r = mapHumanoid(
      anon,
      anon.names.map((_, i) => i),
    );
    expect(r.ok).toBe(false);

    // The left "hand" hangs from the hips: no chain reaches it from the left lower arm.
    const t = tree([
      ...chain(['Hips', 'Spine', 'Neck', 'Head'], null),
      ...chain(['LeftArm', 'LeftForeArm'], 'Spine'),
      ['LeftHand', 'Hips'],
      ...chain(['RightArm', 'RightForeArm', 'RightHand'], 'Spine'),
      ...(['Left', 'Right'] as const).flatMap((s) => chain([`${s}UpLeg`, `${s}Leg`, `${s}Foot`], 'Hips')),
    ]);
    const bad = mapHumanoid(
      t,
      t.names.map((_, i) => i),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.missing).toEqual(['leftHand' as HumanBone]);
  });
});
