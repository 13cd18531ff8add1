import { describe, expect, it } from 'vitest';
import { characterContentType, characterFileProblem, characterNameFrom, MAX_CHARACTER_BYTES } from './characterFiles.ts';

describe('character files', () => {
  it('sends GLB and VRM as glTF binary and FBX as octet-stream (what the upload route accepts)', () => {
    expect(characterContentType('Hero.GLB')).toBe('model/gltf-binary');
    expect(characterContentType('avatar.vrm')).toBe('model/gltf-binary');
    expect(characterContentType('rig.fbx')).toBe('application/octet-stream');
  });

  it('makes a plain label from the file name', () => {
    expect(characterNameFrom('C:\\models\\my_hero_v2.glb')).toBe('my hero v2');
    expect(characterNameFrom('...glb')).toBe('Character');
    expect(characterNameFrom(`${'x'.repeat(120)}.glb`)).toHaveLength(80);
  });

  it('refuses other formats, empty and oversized files before uploading', () => {
    expect(characterFileProblem({ name: 'walk.bvh', size: 10 })).toMatch(/GLB, VRM or FBX/);
    expect(characterFileProblem({ name: 'a.glb', size: 0 })).toMatch(/empty/);
    expect(characterFileProblem({ name: 'a.glb', size: MAX_CHARACTER_BYTES + 1 })).toMatch(/50 MiB/);
    expect(characterFileProblem({ name: 'a.fbx', size: 1000 })).toBeNull();
  });
});
