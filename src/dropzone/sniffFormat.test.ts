import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniffFormat.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sniffFormat', () => {
  it('recognises each format by content, not name', () => {
    expect(sniffFormat(enc('glTF\x02\x00\x00\x00'), 'clip.fbx')).toEqual({ format: 'glb' });
    expect(sniffFormat(enc('Kaydara FBX Binary  \x00'), 'a.bin')).toEqual({ format: 'fbx' });
    expect(sniffFormat(enc('; FBX 7.4.0 project file\n'), 'a.fbx')).toEqual({ format: 'fbx', ascii: true });
    expect(sniffFormat(enc('\ufeff\r\nHIERARCHY\nROOT Hips'), 'walk.txt')).toEqual({ format: 'bvh' });
    expect(sniffFormat(enc('{"asset":{"version":"2.0"}}'), 'x.gltf')).toEqual({ format: 'gltf' });
  });

  it('explains what is wrong with other files', () => {
    const png = sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'pose.fbx');
    expect(png).toEqual({ error: expect.stringMatching(/"pose\.fbx" is not a GLB, glTF, FBX or BVH file \(it starts with "·PNG/) });
    expect(sniffFormat(new Uint8Array(), 'e.glb')).toEqual({ error: expect.stringMatching(/empty/) });
    expect(sniffFormat(enc('{"name":"package"}'), 'package.json')).toEqual({ error: expect.stringMatching(/JSON, but not glTF/) });
  });
});
