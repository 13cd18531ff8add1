/**
 * Props a variant's actions hold (a cup, a sword, a ball) as simple shapes that follow the hand bones while
 * they are held (frames from the job report's `scenes`). Positions are copied from the bones each frame, so
 * the proxy never inherits a rig's scale the way a child object would.
 */
import { BoxGeometry, CylinderGeometry, Group, Mesh, MeshStandardMaterial, SphereGeometry, Vector3 } from 'three';
import type { BufferGeometry, Object3D } from 'three';
import type { VariantScene } from '../../../server/contract/api.ts';

type Prop = VariantScene['props'][number];

/** A rough shape per kind: long things are thin boxes, round things spheres, containers cylinders. */
function geometryFor(kind: string): BufferGeometry {
  switch (kind) {
    case 'ball':
      return new SphereGeometry(0.11, 20, 14);
    case 'cup':
    case 'bottle':
      return new CylinderGeometry(0.04, 0.035, kind === 'cup' ? 0.1 : 0.22, 16);
    case 'sword':
    case 'bat':
    case 'club':
    case 'stick':
    case 'broom':
    case 'shovel':
    case 'rifle':
      return new BoxGeometry(0.04, 0.04, 0.9);
    case 'box':
      return new BoxGeometry(0.4, 0.3, 0.3);
    default:
      return new BoxGeometry(0.08, 0.08, 0.16);
  }
}

const a = new Vector3(),
  b = new Vector3();

export class HeldProps {
  readonly object = new Group();
  private readonly items: Array<{ prop: Prop; mesh: Mesh }> = [];
  private readonly material = new MeshStandardMaterial({ color: '#f4a261', roughness: 0.6 });

  constructor(
    props: readonly Prop[],
    private readonly hands: { left: Object3D | null; right: Object3D | null },
  ) {
    this.object.name = 'held-props';
    for (const prop of props) {
      const mesh = new Mesh(geometryFor(prop.kind), this.material);
      mesh.castShadow = true;
      mesh.visible = false;
      this.object.add(mesh);
      this.items.push({ prop, mesh });
    }
  }

  /** Shows each prop at its hand (midway between the hands for two-handed props) while it is held. */
  update(time: number, fps: number): void {
    const f = Math.round(time * fps);
    for (const { prop, mesh } of this.items) {
      const held = f >= prop.startFrame && f <= prop.endFrame;
      const l = this.hands.left,
        r = this.hands.right;
      mesh.visible = held && Boolean(prop.attach === 'leftHand' ? l : prop.attach === 'rightHand' ? r : l && r);
      if (!mesh.visible) continue;
      if (prop.attach === 'both') {
        l!.getWorldPosition(a);
        r!.getWorldPosition(b);
        mesh.position.copy(a).add(b).multiplyScalar(0.5);
      } else (prop.attach === 'leftHand' ? l! : r!).getWorldPosition(mesh.position);
    }
  }

  dispose(): void {
    for (const { mesh } of this.items) mesh.geometry.dispose();
    this.material.dispose();
  }
}
