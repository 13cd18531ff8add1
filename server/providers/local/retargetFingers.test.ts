/**
 * Fingers through retargeting on real third-party characters (../shared/fixtures, skipped when absent):
 * a fist on the canonical rig curls the character's own finger bones (fingertip-to-palm distance
 * measured on the retargeted GLB), an open hand straightens them, and canonical → character →
 * canonical gives the hand shapes back. A character with fewer fingers (Kenney's zombie: thumb and
 * index) drives the ones it has; one without finger bones still retargets; our own BVH export comes
 * back into the engine with its hand shapes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Quaternion } from 'three';
import { describe, expect, it } from 'vitest';
import { CANONICAL_SKELETON, applyHandShape, exportBvh, fingerJoints, text2motion, type HandShape, type Motion } from '../../engine/index.ts';
import { readBvh } from '../../engine/io/bvhRead.ts';
import { motionFromBvh } from './motionFromBvh.ts';
import { validateGlb } from '../../../test/helpers/assetChecks.ts';
import { CharacterRetargeter } from './retargetGlb.ts';
import { humanoidGlb, mixamoNames } from './testing/humanoidGlb.ts';
import { angle, posed, recoverCanonical } from './testing/posedGlb.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../shared/fixtures');
const HAVE_FIXTURES = fs.existsSync(path.join(FIXTURES, 'human-male.glb'));
if (!HAVE_FIXTURES) console.warn(`skipping the real-character finger retarget tests: ${FIXTURES} is absent (it lives outside the repository)`);

const JC = CANONICAL_SKELETON.parents.length;
const base = text2motion({ prompt: 'idle', variants: 1, durationSec: 1, footLocking: 'auto', poseFiltering: 0, physicsFilter: false, seed: 4 }).motions[0]!;

/** The idle clip with `shape` on both hands for the whole clip. */
function withHands(shape: HandShape): Motion {
  const rot = base.rot.slice();
  for (let f = 0; f < base.frames; f++) for (const side of [0, 1] as const) applyHandShape(rot, CANONICAL_SKELETON, f, side, shape, 1);
  return { ...base, rot };
}

/** Mean distance from the character's fingertips (leaf bones) to its palm centre, at frame `f`, per side. */
async function tipToPalm(r: CharacterRetargeter, m: Motion, fingers: string[], f = 10): Promise<number[]> {
  const glb = await r.glb(m, 'Hands');
  const p = await posed(glb);
  p.at(f);
  return (['l', 'r'] as const).map((s) => {
    const palm = p
      .world(`hand_${s}`)
      .add(p.world(`${fingers[0]}_01_${s}`))
      .multiplyScalar(0.5);
    const ds = fingers.map((n) => p.world(`${n}_04_leaf_${s}`).distanceTo(palm));
    return ds.reduce((a, b) => a + b, 0) / ds.length;
  });
}

describe.skipIf(!HAVE_FIXTURES)('fingers on real characters', () => {
  it('Quaternius human-male: all 30 finger bones mapped; a fist curls them, open straightens them', async () => {
    const r = await CharacterRetargeter.load(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'human-male.glb'))));
    for (const side of [0, 1] as const) for (const c of fingerJoints(CANONICAL_SKELETON, side)) expect(r.plan.jointOf[c]!, CANONICAL_SKELETON.names[c]).toBeGreaterThanOrEqual(0);
    const fingers = ['middle', 'index', 'ring', 'pinky'];
    const fist = await tipToPalm(r, withHands('fist'), fingers);
    const relaxed = await tipToPalm(r, withHands('relaxed'), fingers);
    const open = await tipToPalm(r, withHands('open'), fingers);
    for (const s of [0, 1]) {
      expect(fist[s]!).toBeLessThan(relaxed[s]! * 0.75);
      expect(relaxed[s]!).toBeLessThan(open[s]!);
      expect(fist[s]!).toBeLessThan(open[s]! * 0.6);
    }
    expect((await validateGlb(await r.glb(withHands('fist'), 'Fist'))).numErrors).toBe(0);
  });

  it('human-male round trip: canonical → character → canonical gives each hand shape back', async () => {
    const r = await CharacterRetargeter.load(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'human-male.glb'))));
    for (const shape of ['fist', 'point', 'grip'] as const) {
      const m = withHands(shape);
      const back = await recoverCanonical(await r.glb(m, shape), m.frames, m.fps);
      let worst = 0;
      const a = new Quaternion(),
        b = new Quaternion();
      for (let f = 0; f < m.frames; f += 5)
        for (const side of [0, 1] as const)
          for (const c of fingerJoints(CANONICAL_SKELETON, side)) {
            worst = Math.max(worst, angle(a.fromArray(m.rot, (f * JC + c) * 4), b.fromArray(back.rot, (f * JC + c) * 4)));
          }
      expect(worst, shape).toBeLessThan(1e-3);
    }
  });

  it('Kenney zombie (thumb and index only): the index curls in a fist; the missing fingers are ignored', async () => {
    const r = await CharacterRetargeter.load(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'human-zombie.glb'))));
    const mapped = fingerJoints(CANONICAL_SKELETON, 0)
      .filter((c) => r.plan.jointOf[c]! >= 0)
      .map((c) => CANONICAL_SKELETON.names[c]);
    expect(mapped).toEqual(['leftThumbMetacarpal', 'leftThumbProximal', 'leftThumbDistal', 'leftIndexProximal', 'leftIndexIntermediate', 'leftIndexDistal']);
    const fist = await tipToPalm(r, withHands('fist'), ['index']);
    const open = await tipToPalm(r, withHands('open'), ['index']);
    for (const s of [0, 1]) expect(fist[s]!).toBeLessThan(open[s]! * 0.75);
  });
});

describe('our own BVH back into the engine', () => {
  it('exported BVH (fingers depth-first under each hand) imports with the same hand shapes', () => {
    const m = withHands('relaxed');
    for (let f = 0; f < m.frames; f++) {
      applyHandShape(m.rot, CANONICAL_SKELETON, f, 0, 'fist', f / (m.frames - 1));
      applyHandShape(m.rot, CANONICAL_SKELETON, f, 1, 'point', 1);
    }
    const back = motionFromBvh(readBvh(exportBvh(m)));
    const a = new Quaternion(),
      b = new Quaternion();
    let worst = 0;
    for (let f = 0; f < m.frames; f++)
      for (const side of [0, 1] as const)
        for (const c of fingerJoints(CANONICAL_SKELETON, side)) {
          worst = Math.max(worst, angle(a.fromArray(m.rot, (f * JC + c) * 4), b.fromArray(back.rot, (f * JC + c) * 4)));
        }
    expect(worst).toBeLessThan(1e-3);
  });
});

describe('a character without finger bones', () => {
  it('retargets a motion with hand shapes: body only, valid GLB', async () => {
    const names = mixamoNames();
    for (const n of CANONICAL_SKELETON.names) if (/Thumb|Index|Middle|Ring|Little/.test(n)) delete names[n];
    const r = await CharacterRetargeter.load(await humanoidGlb({ names, rolled: true }));
    for (const side of [0, 1] as const) for (const c of fingerJoints(CANONICAL_SKELETON, side)) expect(r.plan.jointOf[c]).toBe(-1);
    const glb = await r.glb(withHands('fist'), 'Fist');
    expect((await validateGlb(glb)).numErrors).toBe(0);
    const p = await posed(glb);
    expect(p.doc.getRoot().listAnimations()[0]!.listChannels().length).toBeGreaterThan(10);
  });
});
