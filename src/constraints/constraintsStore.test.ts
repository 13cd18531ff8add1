import { beforeEach, describe, expect, it } from 'vitest';
import { Constraints } from '../../server/contract/constraints.ts';
import { constraintsForRequest, useConstraints, withConstraints } from './constraintsStore.ts';

const s = () => useConstraints.getState();

describe('constraints store', () => {
  beforeEach(() => s().clear());

  it('anchors a drawn path at the character and ignores double clicks', () => {
    s().addWaypoint(1, 1);
    s().addWaypoint(1.05, 1.05);
    s().addWaypoint(0, 2);
    expect(s().waypoints).toEqual([
      { x: 0, z: 0 },
      { x: 1, z: 1 },
      { x: 0, z: 2 },
    ]);
    s().moveWaypoint(0, 5, 5); // the start stays where the character stands
    s().moveWaypoint(2, -1, 3);
    s().setWaypointTime(2, 4);
    expect(s().waypoints).toEqual([
      { x: 0, z: 0 },
      { x: 1, z: 1 },
      { x: -1, z: 3, t: 4 },
    ]);
    s().setWaypointTime(2, undefined);
    expect(s().waypoints[2]).toEqual({ x: -1, z: 3 });
  });

  it('keys the handle at a time, merging effectors keyed at the same time', () => {
    s().setHandle([0.1, 1.2, 0.3]);
    s().keyHandleAt(1.5);
    s().setEffector('leftFoot');
    expect(s().handle).toBeNull();
    s().setHandle([0.1, 0.08, 0]);
    s().keyHandleAt(1.5);
    s().setHandle([0, 1, 0]);
    s().keyHandleAt(0.5);
    expect(s().keyPoses.map((k) => k.t)).toEqual([0.5, 1.5]);
    expect(s().keyPoses[1]!.effectors).toEqual({ rightHand: [0.1, 1.2, 0.3], leftFoot: [0.1, 0.08, 0] });
    s().setEffector('hips');
    s().setHandle([0, 0.8, 0.1]);
    s().keyHandleAt(1.5);
    s().setEffector('lookAt');
    s().setHandle([2, 1.6, 1]);
    s().keyHandleAt(1.5);
    expect(s().keyPoses[1]).toMatchObject({ t: 1.5, hips: [0, 0.8, 0.1], lookAt: [2, 1.6, 1] });
  });

  it('keys an FK ring rotation per bone, and reset bone drops it (and a key left empty)', () => {
    s().setFkBone('rightLowerArm');
    s().keyRotationAt(1); // nothing turned yet: no key
    expect(s().keyPoses).toEqual([]);
    s().setFkRotation([0, 0.38268343, 0, 0.92387953]);
    s().keyRotationAt(1);
    s().setEffector('rightHand');
    s().setHandle([0.1, 1.2, 0.3]);
    s().keyHandleAt(1);
    s().setFkBone('head');
    expect(s().fkRotation).toBeNull();
    s().setFkRotation([0.1, 0, 0, 0.995]);
    s().keyRotationAt(1);
    s().keyRotationAt(2);
    expect(s().keyPoses[0]).toEqual({ t: 1, rotations: { rightLowerArm: [0, 0.3827, 0, 0.9239], head: [0.1, 0, 0, 0.995] }, effectors: { rightHand: [0.1, 1.2, 0.3] } });
    expect(Constraints.safeParse(constraintsForRequest()).success).toBe(true);
    s().resetBoneAt(1);
    expect(s().keyPoses[0]!.rotations).toEqual({ rightLowerArm: [0, 0.3827, 0, 0.9239] });
    expect(s().fkRotation).toBeNull();
    s().resetBoneAt(2);
    expect(s().keyPoses.map((k) => k.t)).toEqual([1]);
    s().setFkBone('rightLowerArm');
    s().resetBoneAt(1);
    expect(s().keyPoses[0]).toEqual({ t: 1, effectors: { rightHand: [0.1, 1.2, 0.3] } });
  });

  it('builds a request field the contract accepts, and none when empty', () => {
    expect(constraintsForRequest()).toBeUndefined();
    expect(withConstraints({ prompt: 'a person walks' })).toEqual({ prompt: 'a person walks' });
    s().addWaypoint(1, 2);
    s().addPin({ effector: 'leftFoot', start: 1, end: 2 });
    s().setHandle([0, 1.4, 0.4]);
    s().keyHandleAt(1);
    const c = constraintsForRequest();
    expect(Constraints.safeParse(c).success).toBe(true);
    expect(withConstraints({ prompt: 'p' })).toEqual({ prompt: 'p', constraints: c });
    s().load(undefined);
    expect(constraintsForRequest()).toBeUndefined();
  });
});
