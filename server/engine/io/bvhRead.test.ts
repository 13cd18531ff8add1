import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { exportBvh, text2motion } from '../index.ts';
import { bvhPositions, readBvh } from './bvhRead.ts';
import { fkPositions } from '../core/fk.ts';
import { clipFromBvh, footSkateRatio, meanJerk, penetration, resample } from '../eval/metrics.ts';

describe('BVH reader', () => {
  test('our BVH export reads back to the same joint positions (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('walk forward then wave', 'jump', 'kick', 'dance', 'turn right then clap'), fc.nat(100), (prompt, seed) => {
        const m = text2motion({ prompt, variants: 1, durationSec: 2, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed }).motions[0]!;
        const clip = readBvh(exportBvh(m));
        expect(clip.frames).toBe(m.frames);
        const got = bvhPositions(clip, 0.01);
        const want = fkPositions(m);
        // The file lists joints depth-first (each hand's fingers right after it), so match them by name.
        const jc = m.skeleton.parents.length;
        expect(clip.joints).toHaveLength(jc);
        const at = clip.joints.map((j) => m.skeleton.exportNames.indexOf(j.name));
        let worst = 0;
        for (let f = 0; f < m.frames; f++)
          for (let b = 0; b < jc; b++)
            for (let k = 0; k < 3; k++) {
              worst = Math.max(worst, Math.abs(got[(f * jc + b) * 3 + k]! - want[(f * jc + at[b]!) * 3 + k]!));
            }
        expect(worst).toBeLessThan(5e-4);
      }),
      { numRuns: 8 },
    );
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
