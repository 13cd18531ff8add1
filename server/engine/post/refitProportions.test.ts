/**
 * Moving a motion onto other proportions: on the canonical body itself nothing may change; on bodies
 * with other thigh/shin/foot proportions, copying rotations alone makes planted feet slide, and the
 * leg re-solve must bring the skate ratio back under the engine's own gate (engine.md §4.3, 0.07 with
 * auto foot locking) while the bones keep the target's lengths.
 */
import { describe, expect, test } from 'vitest';
import { CANONICAL_SKELETON, legLength, refitProportions, restWorldPositions, text2motion } from '../index.ts';
import type { Motion, Skeleton } from '../index.ts';
import { fkAll } from '../core/fk.ts';
import { J, LEG } from '../core/skeleton.ts';
import { boneLengthDrift, clipOf, footSkateRatio, penetration } from '../eval/metrics.ts';

const walk = (prompt: string, seed: number): Motion =>
  text2motion({ prompt, variants: 1, durationSec: 8, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed }).motions[0]!;

/** The canonical body with other leg segments: thigh and shin lengths (m) and a foot scale. */
function body(thigh: number, shin: number, foot: number): Skeleton {
  const offsets = CANONICAL_SKELETON.offsets.slice();
  for (const leg of LEG) {
    offsets[leg.lower * 3 + 1] = -thigh;
    offsets[leg.foot * 3 + 1] = -shin;
    offsets[leg.toes * 3 + 1] = offsets[leg.toes * 3 + 1]! * foot;
    offsets[leg.toes * 3 + 2] = offsets[leg.toes * 3 + 2]! * foot;
  }
  // Hips as high above the floor as the legs allow, as on the canonical body.
  offsets[J.hips * 3 + 1] = CANONICAL_SKELETON.offsets[J.hips * 3 + 1]! - (0.83 - thigh - shin);
  return { ...CANONICAL_SKELETON, id: `test-${thigh}-${shin}-${foot}`, offsets };
}

/** Rotations copied, hips path scaled by the leg ratio about the rest pose: the transfer without the re-solve. */
function copiedOnly(m: Motion, sk: Skeleton): Motion {
  const s = legLength(sk) / legLength(m.skeleton);
  const rs = restWorldPositions(m.skeleton),
    rd = restWorldPositions(sk);
  const rootPos = m.rootPos.map((v, i) => rd[i % 3]! + s * (v - rs[i % 3]!));
  return { ...m, skeleton: sk, rootPos };
}

/** Mean horizontal travel of the balls of the feet between consecutive contact frames, in mm. */
function contactSlideMm(m: Motion, contacts: Uint8Array): number {
  const pos = fkAll(m).pos;
  const jc = m.skeleton.parents.length;
  let sum = 0,
    n = 0;
  for (let f = 1; f < m.frames; f++)
    for (let s = 0; s < 2; s++) {
      if (!contacts[f * 2 + s] || !contacts[(f - 1) * 2 + s]) continue;
      const a = (f * jc + LEG[s]!.toes) * 3,
        b = ((f - 1) * jc + LEG[s]!.toes) * 3;
      sum += Math.hypot(pos[a]! - pos[b]!, pos[a + 2]! - pos[b + 2]!);
      n++;
    }
  return (sum / n) * 1000;
}

describe('refitProportions', () => {
  test('onto the canonical body itself it changes nothing', () => {
    const m = walk('walk forward then turn left then run', 4);
    const out = refitProportions(m, CANONICAL_SKELETON);
    const a = fkAll(m).pos,
      b = fkAll(out).pos;
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    expect(worst).toBeLessThan(1e-5);
  });

  // Long thighs on short shins with big feet, short legs with long feet, and long shins on short thighs.
  const bodies: Array<[string, Skeleton]> = [
    ['long thighs, short shins, big feet', body(0.55, 0.28, 1.4)],
    ['short legs, long feet', body(0.26, 0.3, 1.5)],
    ['short thighs, long shins', body(0.3, 0.5, 1)],
  ];
  for (const [name, sk] of bodies) {
    test(`${name}: planted feet stay planted and the skate ratio is within the engine's gate`, () => {
      for (const [prompt, seed] of [
        ['walk forward then turn left then run', 4],
        ['jog in a circle', 2],
        ['walk backward slowly then march forward', 9],
      ] as const) {
        const m = walk(prompt, seed);
        const without = copiedOnly(m, sk);
        const out = refitProportions(m, sk);
        const floor = Math.min(...LEG.map((l) => restWorldPositions(sk)[l.toes * 3 + 1]!)) - (legLength(sk) / legLength(m.skeleton)) * 0.02;
        const skateWith = footSkateRatio(clipOf(out), floor);
        const skateWithout = footSkateRatio(clipOf(without), floor);
        expect(skateWith, `${prompt}: ${skateWith} vs ${skateWithout} without`).toBeLessThanOrEqual(0.07);
        expect(skateWith).toBeLessThanOrEqual(skateWithout);
        // The finer measure: planted balls of the feet do not move at all, where the copy slid.
        const slideWith = contactSlideMm(out, m.contacts),
          slideWithout = contactSlideMm(without, m.contacts);
        expect(slideWith).toBeLessThan(0.05);
        expect(slideWithout).toBeGreaterThan(1);
        // Rotation-only result on the target body: its bone lengths, and its feet on (not through) its floor.
        expect(boneLengthDrift(out)).toBeLessThan(1e-4);
        expect(penetration(clipOf(out), floor - 0.02).max).toBeLessThan(0.005);
      }
    });
  }

  test('a body whose proportions reintroduce fast sliding gets it removed (skate ratio clearly lower)', () => {
    // Long thighs, short shins and long feet: the copied rotations make the planted feet slide fast.
    const sk = body(0.58, 0.26, 1.5);
    const m = walk('walk forward then turn left then run', 4);
    const floor = Math.min(...LEG.map((l) => restWorldPositions(sk)[l.toes * 3 + 1]!)) - (legLength(sk) / legLength(m.skeleton)) * 0.02;
    const without = footSkateRatio(clipOf(copiedOnly(m, sk)), floor);
    const withRefit = footSkateRatio(clipOf(refitProportions(m, sk)), floor);
    expect(without).toBeGreaterThan(0.07);
    expect(withRefit).toBeLessThan(without / 4);
  });

  test('refuses a skeleton of another topology', () => {
    const m = walk('walk forward', 1);
    const other: Skeleton = { ...CANONICAL_SKELETON, id: 'other', parents: Int8Array.from(CANONICAL_SKELETON.parents, (p, j) => (j === J.leftFoot ? J.hips : p)) };
    expect(() => refitProportions(m, other)).toThrow(/topology/);
  });
});
