/** FBX array properties are written raw (encoding 0) once rawFbxArrays() has run, and a take's FBX still reads back. */
import { FBXElem } from '@comfyorg/fbx-exporter-three';
import { describe, expect, it } from 'vitest';
import { text2motion } from '../engine/index.ts';
import { parseFbx } from '../../test/helpers/assetChecks.ts';
import { convertMotion } from './convertMotion.ts';
import { exportSpec } from './exportOptions.ts';
import { rawFbxArrays } from './fbxRawArrays.ts';

describe('raw FBX arrays', () => {
  it('writes a large float array with encoding 0 and its bytes as they are', () => {
    rawFbxArrays();
    rawFbxArrays(); // idempotent
    const values = Float32Array.from({ length: 1000 }, (_, i) => i * 0.5);
    const e = new FBXElem('KeyValueFloat');
    e.addFloat32Array(values);
    const prop = e.propsData[0]!;
    const dv = new DataView(prop.buffer, prop.byteOffset, prop.byteLength);
    expect([dv.getUint32(0, true), dv.getUint32(4, true), dv.getUint32(8, true)]).toEqual([1000, 0, 4000]);
    expect(Array.from(new Float32Array(prop.slice(12).buffer))).toEqual(Array.from(values));
  });

  it("a take's FBX reads back with its animation", async () => {
    const { motions } = text2motion({ prompt: 'a person walks forward', variants: 1, durationSec: 2, footLocking: 'auto', poseFiltering: 0.5, physicsFilter: false, seed: 4 });
    const m = motions[0]!;
    const bytes = await convertMotion(m, exportSpec({ format: 'fbx' }, m.fps), { clipName: 'walk', character: null });
    const fbx = parseFbx(bytes);
    expect(fbx.animations).toHaveLength(1);
    expect(fbx.animations[0]!.duration).toBeCloseTo(2, 1);
    expect(fbx.animations[0]!.tracks.length).toBeGreaterThan(20);
  });
});
