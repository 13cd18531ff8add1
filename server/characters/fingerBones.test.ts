/**
 * Finger bones across naming schemes (server/engine/rig/fingerBones.ts through mapHumanoid): Mixamo,
 * Unreal and Rigify trees, the real Quaternius/Kenney characters and a real CMU (DAZ-style) FBX when
 * ../shared/fixtures is present, VRM 0.x thumb names, and rigs without fingers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { FINGER_BONES, fingerOf } from '../engine/rig/fingerBones.ts';
import { mapHumanoid, type BoneTree } from '../engine/rig/humanoidMap.ts';
import { loadFbx } from './fbxToGlb.ts';
import { vrmDeclaredBones } from './humanoidSkeleton.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const HAVE_FIXTURES = fs.existsSync(path.join(FIXTURES, 'human-male.glb'));
if (!HAVE_FIXTURES) console.warn(`skipping the real-file finger tests: ${FIXTURES} is absent (it lives outside the repository)`);

function tree(pairs: Array<[string, string | null]>): BoneTree {
  const names = pairs.map(([n]) => n);
  return { names, parents: pairs.map(([, p]) => (p === null ? -1 : names.indexOf(p))) };
}
const chain = (names: string[], parent: string | null): Array<[string, string | null]> => names.map((n, i) => [n, i === 0 ? parent : names[i - 1]!]);

function fingersOf(t: BoneTree, candidates = t.names.map((_, i) => i)): Record<string, string> {
  const r = mapHumanoid(t, candidates);
  if (!r.ok) throw new Error(r.reason);
  return Object.fromEntries([...r.bones].filter(([b]) => (FINGER_BONES as readonly string[]).includes(b)).map(([b, i]) => [b, t.names[i]!]));
}

/** A body with the given hand children per side ("L"/"R" substituted into each name). */
function body(hand: (s: 'L' | 'R', side: 'Left' | 'Right') => Array<[string, string | null]>, names = { hips: 'Hips', spine: 'Spine', neck: 'Neck', head: 'Head' }): BoneTree {
  return tree([
    ...chain([names.hips, names.spine, names.neck, names.head], null),
    ...(['L', 'R'] as const).flatMap((s) => {
      const side = s === 'L' ? 'Left' : 'Right';
      return [
        ...chain([`${side}Shoulder`, `${side}Arm`, `${side}ForeArm`, `${side}Hand`], names.spine),
        ...hand(s, side),
        ...chain([`${side}UpLeg`, `${side}Leg`, `${side}Foot`, `${side}ToeBase`], names.hips),
      ];
    }),
  ]);
}

describe('finger bones by name', () => {
  it('classifies finger words, not body words', () => {
    expect(fingerOf('mixamorig:LeftHandIndex1')).toBe('Index');
    expect(fingerOf('lMid2')).toBe('Middle');
    expect(fingerOf('DEF-f_pinky.02.L')).toBe('Little');
    expect(fingerOf('thumb_03_r')).toBe('Thumb');
    expect(fingerOf('leftRingIntermediate')).toBe('Ring');
    expect(fingerOf('LeftForeArm')).toBeNull();
    expect(fingerOf('LeftFingerBase')).toBeNull();
  });

  it('Mixamo: three bones per finger, the Index4-style leaf dropped', () => {
    const t = body((_, side) =>
      ['Thumb', 'Index', 'Middle', 'Ring', 'Pinky'].flatMap((f) =>
        chain(
          [1, 2, 3, 4].map((k) => `mixamorig:${side}Hand${f}${k}`),
          `${side}Hand`,
        ),
      ),
    );
    const got = fingersOf(t);
    expect(Object.keys(got)).toHaveLength(30);
    expect(got).toMatchObject({
      leftThumbMetacarpal: 'mixamorig:LeftHandThumb1',
      leftThumbDistal: 'mixamorig:LeftHandThumb3',
      leftIndexProximal: 'mixamorig:LeftHandIndex1',
      leftIndexIntermediate: 'mixamorig:LeftHandIndex2',
      leftIndexDistal: 'mixamorig:LeftHandIndex3',
      rightLittleProximal: 'mixamorig:RightHandPinky1',
      rightLittleDistal: 'mixamorig:RightHandPinky3',
    });
  });

  it('Unreal 5: finger metacarpals skipped; Rigify: palm bones skipped, f_ fingers mapped', () => {
    const ue = body((s, side) => [
      ...chain([`thumb_01_${s.toLowerCase()}`, `thumb_02_${s.toLowerCase()}`, `thumb_03_${s.toLowerCase()}`], `${side}Hand`),
      ...chain([`index_metacarpal_${s.toLowerCase()}`, `index_01_${s.toLowerCase()}`, `index_02_${s.toLowerCase()}`, `index_03_${s.toLowerCase()}`], `${side}Hand`),
    ]);
    expect(fingersOf(ue)).toEqual({
      leftThumbMetacarpal: 'thumb_01_l',
      leftThumbProximal: 'thumb_02_l',
      leftThumbDistal: 'thumb_03_l',
      leftIndexProximal: 'index_01_l',
      leftIndexIntermediate: 'index_02_l',
      leftIndexDistal: 'index_03_l',
      rightThumbMetacarpal: 'thumb_01_r',
      rightThumbProximal: 'thumb_02_r',
      rightThumbDistal: 'thumb_03_r',
      rightIndexProximal: 'index_01_r',
      rightIndexIntermediate: 'index_02_r',
      rightIndexDistal: 'index_03_r',
    });
    const rigify = body((s, side) => [
      ...chain([`DEF-palm.04.${s}`, `DEF-f_pinky.01.${s}`, `DEF-f_pinky.02.${s}`, `DEF-f_pinky.03.${s}`], `${side}Hand`),
      ...chain([`DEF-thumb.01.${s}`, `DEF-thumb.02.${s}`, `DEF-thumb.03.${s}`], `${side}Hand`),
    ]);
    expect(fingersOf(rigify)).toMatchObject({ leftLittleProximal: 'DEF-f_pinky.01.L', leftLittleDistal: 'DEF-f_pinky.03.L', rightThumbMetacarpal: 'DEF-thumb.01.R' });
    expect(Object.keys(fingersOf(rigify))).toHaveLength(12);
  });

  it('bones outside the candidates (not skin joints) and a rig without fingers give no finger bones', () => {
    const t = body((_, side) => chain([`${side}HandIndex1`, `${side}HandIndex2`], `${side}Hand`));
    const skinOnly = t.names.map((_, i) => i).filter((i) => !t.names[i]!.includes('Index'));
    expect(fingersOf(t, skinOnly)).toEqual({});
    expect(fingersOf(body(() => []))).toEqual({});
  });

  it('VRM 0.x thumbs (Proximal/Intermediate/Distal) become VRM 1.0 Metacarpal/Proximal/Distal', () => {
    const json = {
      extensions: {
        VRM: {
          humanoid: {
            humanBones: [
              { bone: 'leftThumbProximal', node: 1 },
              { bone: 'leftThumbIntermediate', node: 2 },
              { bone: 'leftThumbDistal', node: 3 },
              { bone: 'leftIndexProximal', node: 4 },
            ],
          },
        },
      },
    };
    const got = vrmDeclaredBones(json, 10)!;
    expect(Object.fromEntries(got)).toEqual({ leftThumbMetacarpal: 1, leftThumbProximal: 2, leftThumbDistal: 3, leftIndexProximal: 4 });
  });
});

describe.skipIf(!HAVE_FIXTURES)('finger bones of real characters (../shared/fixtures)', () => {
  async function glbTree(file: string): Promise<{ t: BoneTree; joints: number[] }> {
    const doc = await new NodeIO().read(path.join(FIXTURES, file));
    const nodes = doc.getRoot().listNodes();
    const index = new Map(nodes.map((n, i) => [n, i]));
    const t = {
      names: nodes.map((n) => n.getName()),
      parents: nodes.map((n) => {
        const p = n.getParentNode();
        return p ? index.get(p)! : -1;
      }),
    };
    return {
      t,
      joints: [
        ...new Set(
          doc
            .getRoot()
            .listSkins()
            .flatMap((s) => s.listJoints()),
        ),
      ].map((n) => index.get(n)!),
    };
  }

  it('Quaternius human-male: all 30 finger bones (Unreal names, _04_leaf ends dropped)', async () => {
    const { t, joints } = await glbTree('human-male.glb');
    const got = fingersOf(t, joints);
    expect(Object.keys(got).sort()).toEqual([...FINGER_BONES].sort());
    expect(got).toMatchObject({ leftThumbMetacarpal: 'thumb_01_l', leftIndexDistal: 'index_03_l', rightLittleProximal: 'pinky_01_r', rightMiddleIntermediate: 'middle_02_r' });
  });

  it('Kenney zombie: index and thumb only (a mitten hand), the other fingers absent', async () => {
    const { t, joints } = await glbTree('human-zombie.glb');
    const got = fingersOf(t, joints);
    expect(Object.keys(got).sort()).toEqual(FINGER_BONES.filter((b) => /Thumb|Index/.test(b)).sort());
  });

  it('CMU FBX (DAZ names lThumb1, lMid1 …): two bones per finger', () => {
    const { root } = loadFbx(new Uint8Array(fs.readFileSync(path.join(FIXTURES, '91_48.fbx'))));
    const names: string[] = [],
      parents: number[] = [];
    const index = new Map<unknown, number>();
    root.traverse((o) => {
      index.set(o, names.length);
      parents.push(o.parent && index.has(o.parent) ? index.get(o.parent)! : -1);
      names.push(o.name);
    });
    const got = fingersOf({ names, parents });
    expect(Object.keys(got)).toHaveLength(20);
    expect(got).toMatchObject({
      leftThumbMetacarpal: 'lThumb1',
      leftThumbProximal: 'lThumb2',
      leftMiddleProximal: 'lMid1',
      leftMiddleIntermediate: 'lMid2',
      rightLittleProximal: 'rPinky1',
    });
  });
});
