/**
 * Hands that reach the floor are laid flat on it: checked on push-ups and a crawl (weight on the hands)
 * and lying on the back (arms resting on the floor), by forward kinematics of the finished motion.
 */
import { describe, expect, test } from 'vitest';
import { fkFrame } from '../core/fk.ts';
import { fingerJointMap, handShapeQuats } from '../core/hands.ts';
import { qRotate } from '../core/quat.ts';
import { ARM } from '../core/skeleton.ts';
import { motionsFromPlan } from '../text2motion.ts';
import { handsOnFloor } from './handFloor.ts';

function synth(action: string) {
  const plan = { steps: [{ action, label: action, with: [] }], understood: [], ignored: [], style: { energy: 0, tension: 0, age: 0 } };
  return motionsFromPlan(plan, { prompt: action, variants: 1, durationSec: 0, footLocking: 'auto', poseFiltering: 0, physicsFilter: true, seed: 3 }).motions[0]!;
}

describe('hands on the floor', () => {
  test.each([['pushUps'], ['crawl'], ['lieOnBack']])('%s: fingers stay out of the floor and a hand on it is flat, palm down and open', (id) => {
    const m = synth(id);
    const jc = m.skeleton.parents.length;
    const wr = new Float64Array(jc * 4),
      wp = new Float64Array(jc * 3),
      n = new Float64Array(3);
    const fingers = fingerJointMap(m.skeleton);
    let lowest = Infinity,
      flatFrames = 0;
    for (let f = 0; f < m.frames; f++) {
      fkFrame(m, f, wr, wp);
      for (const s of [0, 1] as const) {
        for (const j of fingers[s]!) lowest = Math.min(lowest, wp[j * 3 + 1]!);
        if (wp[ARM[s].hand * 3 + 1]! > 0.06) continue;
        // A wrist at palm height: the back of the hand faces up and the fingers have the open shape.
        n[0] = 0;
        n[1] = 1;
        n[2] = 0;
        qRotate(n, wr.subarray(ARM[s].hand * 4, ARM[s].hand * 4 + 4), n);
        expect(n[1], `frame ${f} side ${s}`).toBeGreaterThan(0.9);
        const open = handShapeQuats('open', s),
          j = fingers[s]![3]!;
        expect(Math.abs(m.rot[(f * jc + j) * 4 + 3]! - open[3 * 4 + 3]!)).toBeLessThan(0.02);
        flatFrames++;
      }
    }
    expect(flatFrames).toBeGreaterThan(5);
    // The wrist can end at floor level after grounding moves the body; the thumb sits ~3 cm under the palm plane.
    expect(lowest).toBeGreaterThan(-0.045);
  });

  test('a hand clear of the floor is left alone', () => {
    const m = synth('wave');
    expect(handsOnFloor(m)).toBe(m);
  });
});
