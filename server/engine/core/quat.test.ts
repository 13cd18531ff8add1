/** The quaternion sign-continuity helpers every exporter, filter and retargeter uses. */
import { describe, expect, it } from 'vitest';
import { qAlignSign, qContinuousTrack, qMul, qMulInvA, qMulInvB } from './quat.ts';

describe('quaternion sign continuity', () => {
  it('qAlignSign negates only a key in the other hemisphere', () => {
    const q = [0, 0, 0.6, -0.8];
    qAlignSign(q, 0, [0, 0, 0, 1], 0);
    expect(q).toEqual([-0, -0, -0.6, 0.8]);
    qAlignSign(q, 0, [0, 0, 0.6, 0.8], 0);
    expect(q).toEqual([-0, -0, -0.6, 0.8]);
  });

  it('qContinuousTrack normalises each key and keeps consecutive keys on one side', () => {
    // Two joints per frame; joint 1 flips sign on the middle frame and is stored at twice unit length there.
    const rot = [0, 0, 0, 1, 0, 0, 0.6, 0.8, 0, 0, 0, 1, 0, 0, -1.2, -1.6, 0, 0, 0, 1, 0, 0, 0.8, 0.6];
    const track = Array.from(qContinuousTrack(rot, 3, 2, 1));
    const want = [0, 0, 0.6, 0.8, 0, 0, 0.6, 0.8, 0, 0, 0.8, 0.6];
    track.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 6));
  });
});

describe('products with conjugates', () => {
  it('qMulInvA and qMulInvB are products with the conjugated factor', () => {
    const a = [0.1, 0.2, 0.3, 0.927],
      b = [-0.4, 0.1, 0.2, 0.889];
    const conj = (q: number[]) => [-q[0]!, -q[1]!, -q[2]!, q[3]!];
    const out = [0, 0, 0, 0],
      ref = [0, 0, 0, 0];
    qMulInvA(out, a, b);
    qMul(ref, conj(a), b);
    expect(out).toEqual(ref);
    qMulInvB(out, a, b);
    qMul(ref, a, conj(b));
    expect(out).toEqual(ref);
  });
});
