/**
 * Result files for the Meshy contract server: real, parseable files of the right kind (a GLB
 * with a clip of the documented length, binary-FBX headers, a BVH with a frame count, a USDZ zip),
 * small enough for tests. Their bytes are what the adapter must copy into its cache unchanged.
 */
import { Document, WebIO } from '@gltf-transform/core';
import { zipSync } from 'fflate';

const encoder = new TextEncoder();

export interface ClipSpec {
  name: string;
  durationSec: number;
}

/** A GLB with a two-joint rig and, when `durationSec` is given, one clip of that length named `clip`. */
export async function glbAsset(clip: string | null, durationSec: number | null, label: string): Promise<Uint8Array> {
  return glbClipsAsset(clip && durationSec ? [{ name: clip, durationSec }] : [], label);
}

/** The spine bends about a different axis in each clip, so clips of one file look different in a viewer. */
const BEND_AXES: Array<[number, number, number]> = [
  [0, 1, 0],
  [1, 0, 0],
  [0, 0, 1],
];

/**
 * A GLB with a two-joint rig (Hips → Spine) skinning a 1.7 m box figure, and one clip per entry of `clips`,
 * in order (as Meshy merges several actions into one file). The skinned mesh is what makes the file a
 * character a viewer can show: a skeleton of plain nodes without a skin has nothing to draw.
 */
export async function glbClipsAsset(clips: readonly ClipSpec[], label: string): Promise<Uint8Array> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = `meshy contract server: ${label}`;
  const buffer = doc.createBuffer();
  const scene = doc.createScene('Scene');
  const hips = doc.createNode('Hips').setTranslation([0, 1, 0]);
  const spine = doc.createNode('Spine').setTranslation([0, 0.1, 0]);
  hips.addChild(spine);
  scene.addChild(doc.createNode('Armature').addChild(hips));

  // Two boxes: legs and pelvis follow the hips, the chest and head follow the spine.
  const positions: number[] = [];
  const joints: number[] = [];
  const weights: number[] = [];
  const indices: number[] = [];
  const box = (y0: number, y1: number, halfX: number, halfZ: number, joint: number) => {
    const base = positions.length / 3;
    for (const y of [y0, y1])
      for (const [x, z] of [
        [-halfX, -halfZ],
        [halfX, -halfZ],
        [halfX, halfZ],
        [-halfX, halfZ],
      ] as const) {
        positions.push(x, y, z);
        joints.push(joint, 0, 0, 0);
        weights.push(1, 0, 0, 0);
      }
    const faces = [
      [0, 2, 1],
      [0, 3, 2],
      [4, 5, 6],
      [4, 6, 7],
      [0, 1, 5],
      [0, 5, 4],
      [1, 2, 6],
      [1, 6, 5],
      [2, 3, 7],
      [2, 7, 6],
      [3, 0, 4],
      [3, 4, 7],
    ];
    for (const f of faces) indices.push(...f.map((i) => base + i));
  };
  box(0, 1.05, 0.22, 0.12, 0);
  box(1.05, 1.7, 0.2, 0.13, 1);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(positions)).setBuffer(buffer))
    .setAttribute('JOINTS_0', doc.createAccessor().setType('VEC4').setArray(new Uint16Array(joints)).setBuffer(buffer))
    .setAttribute('WEIGHTS_0', doc.createAccessor().setType('VEC4').setArray(new Float32Array(weights)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)).setBuffer(buffer))
    .setMaterial(doc.createMaterial('Skin').setBaseColorFactor([0.75, 0.72, 0.68, 1]));
  // Inverse bind matrices: the joints' bind poses are pure translations (hips at 1 m, spine at 1.1 m).
  const inverseBind = new Float32Array(32);
  for (const [j, y] of [
    [0, 1],
    [1, 1.1],
  ] as const) {
    for (const d of [0, 5, 10, 15]) inverseBind[j * 16 + d] = 1;
    inverseBind[j * 16 + 13] = -y;
  }
  const skin = doc
    .createSkin('Armature')
    .addJoint(hips)
    .addJoint(spine)
    .setSkeleton(hips)
    .setInverseBindMatrices(doc.createAccessor().setType('MAT4').setArray(inverseBind).setBuffer(buffer));
  scene.addChild(doc.createNode('Body').setMesh(doc.createMesh('Body').addPrimitive(prim)).setSkin(skin));

  clips.forEach((clip, i) => {
    const [ax, ay, az] = BEND_AXES[i % BEND_AXES.length]!;
    // Keys at 30 fps, as Meshy's clips have: the spine bends up to 30° and back over the clip.
    const frames = Math.max(2, Math.round(clip.durationSec * 30) + 1);
    const times = new Float32Array(frames);
    const rotations = new Float32Array(frames * 4);
    for (let f = 0; f < frames; f++) {
      const t = (clip.durationSec * f) / (frames - 1);
      const half = (Math.PI / 12) * Math.sin((Math.PI * t) / clip.durationSec);
      times[f] = t;
      rotations.set([ax * Math.sin(half), ay * Math.sin(half), az * Math.sin(half), Math.cos(half)], f * 4);
    }
    const input = doc.createAccessor().setType('SCALAR').setArray(times).setBuffer(buffer);
    const output = doc.createAccessor().setType('VEC4').setArray(rotations).setBuffer(buffer);
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
    doc.createAnimation(clip.name).addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(spine).setTargetPath('rotation').setSampler(sampler));
  });
  doc.getRoot().setDefaultScene(scene);
  return new WebIO().writeBinary(doc);
}

/** The binary FBX header ("Kaydara FBX Binary  \0", 0x1A 0x00, version 7400) and a payload naming the file. */
export function fbxAsset(label: string): Uint8Array {
  const head = encoder.encode('Kaydara FBX Binary  \0');
  const body = encoder.encode(`\x1a\x00${label}`);
  const version = new Uint8Array([0xe8, 0x1c, 0x00, 0x00]);
  const out = new Uint8Array(head.length + version.length + body.length + 64);
  out.set(head, 0);
  out.set(body.subarray(0, 2), head.length);
  out.set(version, head.length + 2);
  out.set(body.subarray(2), head.length + 2 + version.length);
  return out;
}

/**
 * A prime-mode text-to-motion result: a real binary FBX (skeleton, skinned mannequin and one clip of
 * `durationSec`) that FBX readers such as three's FBXLoader open, made by the local engine's exporter.
 */
export async function fbxMotionAsset(prompt: string, durationSec: number): Promise<Uint8Array> {
  const [{ text2motion }, { exportFbx }] = await Promise.all([import('../../server/engine/index.ts'), import('../../server/engine/io/fbx.ts')]);
  const motion = text2motion({ prompt, variants: 1, durationSec, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 1 }).motions[0]!;
  return exportFbx(motion, { animationName: 'Motion' });
}

/** A one-joint BVH at 30 fps lasting `durationSec`. */
export function bvhAsset(durationSec: number): Uint8Array {
  const frames = Math.round(durationSec * 30) + 1;
  const lines = [
    'HIERARCHY',
    'ROOT Hips',
    '{',
    '  OFFSET 0 0 0',
    '  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation',
    '  End Site',
    '  {',
    '    OFFSET 0 10 0',
    '  }',
    '}',
    'MOTION',
    `Frames: ${frames}`,
    'Frame Time: 0.0333333',
    ...Array.from({ length: frames }, (_, f) => `0 ${(90 + Math.sin(f / 5)).toFixed(3)} ${(f * 0.5).toFixed(3)} 0 0 0`),
  ];
  return encoder.encode(lines.join('\n') + '\n');
}

/** USDZ is a zip (stored, not deflated) whose first file is the USD layer. */
export function usdzAsset(label: string): Uint8Array {
  return zipSync({ 'processed.usdc': encoder.encode(`PXR-USDC ${label}`) }, { level: 0 });
}
