import { describe, expect, it } from 'vitest';
import { bodyFrame, mirrorKey, moveKey } from './poseOps.ts';
import type { TakeClip } from './takeClip.ts';

/** Two frames of hips + hip joints: facing +Z at the origin, then facing +X at (2, 3). */
function clip(): TakeClip {
  const frames: number[][][] = [
    [
      [0, 0.97, 0],
      [0.09, 0.91, 0],
      [-0.09, 0.91, 0],
    ],
    [
      [2, 0.97, 3],
      [2, 0.91, 2.91],
      [2, 0.91, 3.09],
    ],
  ];
  return { frames: 2, fps: 30, jc: 3, parents: [-1, 0, 0], names: ['Hips', 'LeftUpLeg', 'RightUpLeg'], pos: Float32Array.from(frames.flat(2)) };
}

describe('pose mirror and copy/paste', () => {
  it('reads the body frame from the hips', () => {
    const b = bodyFrame(clip(), 1)!;
    expect(b.fwd[0]).toBeCloseTo(1);
    expect(b.fwd[2]).toBeCloseTo(0);
    expect(b.right[2]).toBeCloseTo(1);
  });

  it('mirrors left ↔ right across the body mid-plane', () => {
    const k = mirrorKey({ t: 0, effectors: { rightHand: [-0.3, 1.2, 0.2] }, lookAt: [1, 1.6, 2] }, bodyFrame(clip(), 0)!);
    expect(Object.keys(k.effectors!)).toEqual(['leftHand']);
    expect(k.effectors!.leftHand![0]).toBeCloseTo(0.3, 3);
    expect(k.effectors!.leftHand![1]).toBeCloseTo(1.2, 3);
    expect(k.effectors!.leftHand![2]).toBeCloseTo(0.2, 3);
    expect(k.lookAt![0]).toBeCloseTo(-1, 3);
  });

  it('pastes a copied pose where the body is at the new frame', () => {
    const c = clip();
    const k = moveKey({ t: 0, effectors: { rightHand: [-0.3, 1.2, 0.2] } }, bodyFrame(c, 0)!, bodyFrame(c, 1)!, 1 / 30);
    const p = k.effectors!.rightHand!;
    expect(k.t).toBeCloseTo(1 / 30);
    expect(p[0]).toBeCloseTo(2.2, 2);
    expect(p[1]).toBeCloseTo(1.2, 3);
    expect(p[2]).toBeCloseTo(3.3, 2);
  });
});
