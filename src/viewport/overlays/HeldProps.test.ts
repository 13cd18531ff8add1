import { Object3D } from 'three';
import { describe, expect, test } from 'vitest';
import { HeldProps } from './HeldProps.ts';

describe('held props', () => {
  test('a prop follows its hand while held and is hidden outside its frames; two-handed props sit between the hands', () => {
    const left = new Object3D(),
      right = new Object3D();
    left.position.set(0.3, 1, 0.2);
    right.position.set(-0.3, 1.2, 0.4);
    left.updateMatrixWorld();
    right.updateMatrixWorld();
    const props = new HeldProps(
      [
        { kind: 'cup', attach: 'rightHand', startFrame: 10, endFrame: 20 },
        { kind: 'rifle', attach: 'both', startFrame: 0, endFrame: 100 },
      ],
      { left, right },
    );
    const [cup, rifle] = props.object.children;
    props.update(0.1, 30); // frame 3
    expect(cup!.visible).toBe(false);
    expect(rifle!.visible).toBe(true);
    expect(rifle!.position.toArray().map((v) => Number(v.toFixed(3)))).toEqual([0, 1.1, 0.3]);
    props.update(0.5, 30); // frame 15
    expect(cup!.visible).toBe(true);
    expect(cup!.position.toArray()).toEqual([-0.3, 1.2, 0.4]);
    props.dispose();
  });
});
