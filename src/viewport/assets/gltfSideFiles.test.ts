import { describe, expect, it } from 'vitest';
import { AssetError, parseAsset } from './parseAsset.ts';

const gltf = (json: unknown) => new TextEncoder().encode(JSON.stringify(json)).buffer as ArrayBuffer;
const doc = { asset: { version: '2.0' }, buffers: [{ uri: 'walk%20cycle.bin', byteLength: 1024 }], scenes: [{ nodes: [] }], scene: 0 };

describe('a .gltf dropped without its side files', () => {
  it('names the missing .bin instead of failing with "Invalid typed array length"', async () => {
    const err = await parseAsset(gltf(doc), { name: 'walk.gltf', textures: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssetError);
    expect((err as AssetError).message).toMatch(/"walk cycle\.bin", which was not dropped with it.*single GLB/);
  });

  it('gets past the check once the .bin is there (a data URI counts as there)', async () => {
    const bin = 'data:application/octet-stream;base64,AAAAAA==';
    const asset = await parseAsset(gltf({ ...doc, buffers: [{ uri: bin, byteLength: 4 }] }), { name: 'walk.gltf', textures: false }).catch((e: unknown) => e);
    // This stub has no meshes, so loading stops later, for that reason and not for a missing file.
    expect((asset as Error).message).toMatch(/no meshes/);
    expect((asset as Error).message).not.toMatch(/not dropped/);
  });
});
