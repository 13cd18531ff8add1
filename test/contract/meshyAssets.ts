/**
 * Result files for the Meshy contract server: real, parseable files of the right kind (a GLB
 * with a clip of the documented length, binary-FBX headers, a BVH with a frame count, a USDZ zip),
 * small enough for tests. Their bytes are what the adapter must copy into its cache unchanged.
 */
import { Document, WebIO } from '@gltf-transform/core';
import { zipSync } from 'fflate';

const encoder = new TextEncoder();

/** A GLB with a two-joint rig and, when `durationSec` is given, one clip of that length named `clip`. */
export async function glbAsset(clip: string | null, durationSec: number | null, label: string): Promise<Uint8Array> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = `meshy contract server: ${label}`;
  const buffer = doc.createBuffer();
  const scene = doc.createScene('Scene');
  const hips = doc.createNode('Hips').setTranslation([0, 1, 0]);
  const spine = doc.createNode('Spine').setTranslation([0, 0.1, 0]);
  hips.addChild(spine);
  scene.addChild(doc.createNode('Armature').addChild(hips));
  if (clip && durationSec) {
    const input = doc.createAccessor().setType('SCALAR').setArray(new Float32Array([0, durationSec / 2, durationSec])).setBuffer(buffer);
    const output = doc
      .createAccessor()
      .setType('VEC4')
      .setArray(new Float32Array([0, 0, 0, 1, 0, 0.2588, 0, 0.9659, 0, 0, 0, 1]))
      .setBuffer(buffer);
    const sampler = doc.createAnimationSampler().setInput(input).setOutput(output).setInterpolation('LINEAR');
    doc.createAnimation(clip).addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(spine).setTargetPath('rotation').setSampler(sampler));
  }
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
