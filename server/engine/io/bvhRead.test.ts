import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { exportBvh, text2motion } from '../index.ts';
import { bvhPositions, readBvh } from './bvhRead.ts';
import { fkPositions } from '../core/fk.ts';
import { clipFromBvh, footSkateRatio, meanJerk, penetration, resample } from '../eval/metrics.ts';

describe('BVH reader', () => {
  test('our BVH export reads back to the same joint positions (property)', () => {
    fc.assert(fc.property(fc.constantFrom('walk forward then wave', 'jump', 'kick', 'dance', 'turn right then clap'), fc.nat(100), (prompt, seed) => {
      const m = text2motion({ prompt, variants: 1, durationSec: 2, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed }).motions[0]!;
      const clip = readBvh(exportBvh(m));
      expect(clip.frames).toBe(m.frames);
      const got = bvhPositions(clip, 0.01);
      const want = fkPositions(m);
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
      expect(worst).toBeLessThan(5e-4);
    }), { numRuns: 8 });
  });

  test('rejects malformed files with a clear error', () => {
    expect(() => readBvh('nonsense')).toThrow(/HIERARCHY/);
    expect(() => readBvh('HIERARCHY ROOT Hips { OFFSET 0 0 0 CHANNELS 3 Xrotation Yrotation Zrotation }')).toThrow(/MOTION|end of file/);
  });

  const dir = '/usr/share/assimp/models/BVH';
  const cmu = ['01_01', '01_03', 'Boxing_Toes'].map((n) => `${dir}/${n}.bvh`);
  const present = cmu.every((f) => existsSync(f));
  if (!present) console.warn(`CMU BVH fixtures not found under ${dir} (apt-get install assimp-testmodels); skipping mocap metric checks`);
  test.skipIf(!present)('metrics on real CMU mocap land in the ranges measured in engine.md §4.3', () => {
    for (const file of cmu) {
      const c = clipFromBvh(readBvh(readFileSync(file, 'utf8')));
      const skate = footSkateRatio(c);
      expect(skate).toBeGreaterThan(0.02);
      expect(skate).toBeLessThan(0.12);
      expect(penetration(c).mean).toBeLessThan(0.002);
      const jerk = meanJerk(resample(c, 20));
      expect(jerk).toBeGreaterThan(60);
      expect(jerk).toBeLessThan(250);
    }
  });
});
