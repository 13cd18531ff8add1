/**
 * FBX → GLB on real third-party FBX files from Debian's assimp-testmodels: the GLB passes the Khronos
 * validator, a skinned mesh is drawn by three's GLTFLoader exactly where three's FBXLoader draws it,
 * and an embedded texture arrives as its original PNG bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WebIO } from '@gltf-transform/core';
import { Vector3, type Object3D, type SkinnedMesh } from 'three';
import { describe, expect, it } from 'vitest';
import { loadGlb, validateGlb } from '../../test/helpers/assetChecks.ts';
import { fbxToGlb, loadFbx } from './fbxToGlb.ts';

const DIR = '/usr/share/assimp/models/FBX';
const HAVE = fs.existsSync(path.join(DIR, 'animation_with_skeleton.fbx'));
if (!HAVE) console.warn(`skipping FBX conversion tests: ${DIR} is absent (apt-get install assimp-testmodels)`);
const read = (f: string) => new Uint8Array(fs.readFileSync(path.join(DIR, f)));

function skinned(root: Object3D): SkinnedMesh[] {
  const out: SkinnedMesh[] = [];
  root.traverse((o) => {
    if ((o as SkinnedMesh).isSkinnedMesh) out.push(o as SkinnedMesh);
  });
  return out;
}

/** World positions of a skinned mesh's vertices at its current pose, as three draws them. */
function drawn(mesh: SkinnedMesh): Vector3[] {
  mesh.updateMatrixWorld(true);
  const out: Vector3[] = [];
  const pos = mesh.geometry.attributes.position!;
  for (let i = 0; i < pos.count; i++) out.push(mesh.applyBoneTransform(i, new Vector3().fromBufferAttribute(pos, i)).applyMatrix4(mesh.matrixWorld));
  return out;
}

describe.skipIf(!HAVE)('FBX characters as GLB', () => {
  it('a skinned FBX: valid GLB, same joints, every vertex drawn where FBXLoader draws it', async () => {
    const bytes = read('animation_with_skeleton.fbx');
    const glb = await fbxToGlb(bytes);
    const report = await validateGlb(glb);
    expect(report.numErrors, JSON.stringify(report.messages.slice(0, 3))).toBe(0);

    const fbxMesh = skinned(loadFbx(bytes).root)[0]!;
    const gltf = await loadGlb(glb);
    const glbMesh = skinned(gltf.scene)[0]!;
    expect(glbMesh.skeleton.bones.map((b) => b.name)).toEqual(fbxMesh.skeleton.bones.map((b) => b.name));
    // The GLB is indexed (welded), FBXLoader's is not: compare the set of drawn triangle corners.
    const a = drawn(fbxMesh);
    const b = drawn(glbMesh);
    const index = glbMesh.geometry.index!;
    expect(index.count).toBe(a.length);
    let worst = 0,
      size = 0;
    for (let i = 0; i < a.length; i++) {
      worst = Math.max(worst, a[i]!.distanceTo(b[index.getX(i)]!));
      size = Math.max(size, a[i]!.length());
    }
    // Float32 storage: within a millionth of the model's size (this one spans about 7000 units).
    expect(worst / size).toBeLessThan(1e-6);
    expect(b.length).toBeLessThan(a.length);
  });

  it('an embedded texture keeps its original image bytes', async () => {
    const glb = await fbxToGlb(read('embedded_ascii/box.FBX'));
    expect((await validateGlb(glb)).numErrors).toBe(0);
    const doc = await new WebIO().readBinary(glb);
    const [tex] = doc.getRoot().listTextures();
    expect(tex?.getMimeType()).toBe('image/png');
    expect(Array.from(tex!.getImage()!.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(
      doc
        .getRoot()
        .listMaterials()
        .some((m) => m.getBaseColorTexture() === tex),
    ).toBe(true);
  });

  it('files with cameras and 3ds Max materials convert to valid GLBs', async () => {
    for (const f of ['huesitos.fbx', 'spider.fbx', 'maxPbrMaterial_metalRough.fbx']) {
      const report = await validateGlb(await fbxToGlb(read(f)));
      expect(report.numErrors, `${f}: ${JSON.stringify(report.messages.slice(0, 3))}`).toBe(0);
    }
    expect('window' in globalThis).toBe(false);
  });
});

it('a damaged FBX is an error, not a crash of the process', async () => {
  await expect(fbxToGlb(new TextEncoder().encode('Kaydara FBX Binary  \0\x1a\0xxxx'))).rejects.toThrow();
});
