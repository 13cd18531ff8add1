/**
 * A solid stick figure for files that have a skeleton and no mesh (BVH, mocap FBX, armature-only GLB). Thin
 * SkeletonHelper lines read poorly at a distance and cast no shadow (a skeleton-only file otherwise looks like a
 * blank canvas, three-gltf-viewer#390); capsules and joint balls read as a body and ground it with a shadow.
 * Two instanced meshes, updated from bone world positions once per frame: no allocations per frame.
 */
import { Color, CylinderGeometry, Group, InstancedMesh, Matrix4, MeshStandardMaterial, Quaternion, SphereGeometry, Vector3 } from 'three';
import type { Object3D } from 'three';

const UP = new Vector3(0, 1, 0);
const a = new Vector3();
const b = new Vector3();
const dir = new Vector3();
const q = new Quaternion();
const s = new Vector3();
const m = new Matrix4();

export class BoneFigure {
  readonly object = new Group();
  private readonly segments: Array<[Object3D, Object3D]> = [];
  private readonly joints: Object3D[];
  private readonly limbs: InstancedMesh;
  private readonly balls: InstancedMesh;
  private readonly material: MeshStandardMaterial;

  /** `radius` in metres (world units after placement). */
  constructor(bones: readonly Object3D[], radius = 0.022) {
    const set = new Set(bones);
    for (const bone of bones) if (bone.parent && set.has(bone.parent)) this.segments.push([bone.parent, bone]);
    this.joints = [...bones];
    this.material = new MeshStandardMaterial({ color: new Color('#c9ced8'), roughness: 0.55, metalness: 0.05 });
    this.limbs = new InstancedMesh(new CylinderGeometry(radius, radius * 0.7, 1, 10, 1).translate(0, 0.5, 0), this.material, Math.max(1, this.segments.length));
    this.balls = new InstancedMesh(new SphereGeometry(radius * 1.35, 12, 8), this.material, Math.max(1, this.joints.length));
    for (const im of [this.limbs, this.balls]) {
      im.castShadow = true;
      im.frustumCulled = false; // instance matrices move every frame; the geometry's box says nothing
      this.object.add(im);
    }
    this.object.name = 'bone-figure';
  }

  update(): void {
    this.segments.forEach(([p, c], i) => {
      p.getWorldPosition(a);
      c.getWorldPosition(b);
      dir.subVectors(b, a);
      const len = dir.length();
      if (len < 1e-6) {
        m.makeScale(0, 0, 0);
      } else {
        q.setFromUnitVectors(UP, dir.divideScalar(len));
        m.compose(a, q, s.set(1, len, 1));
      }
      this.limbs.setMatrixAt(i, m);
    });
    this.joints.forEach((j, i) => {
      j.getWorldPosition(a);
      this.balls.setMatrixAt(i, m.makeTranslation(a.x, a.y, a.z));
    });
    this.limbs.instanceMatrix.needsUpdate = true;
    this.balls.instanceMatrix.needsUpdate = true;
  }

  set wireframe(on: boolean) {
    this.material.wireframe = on;
  }

  dispose(): void {
    this.limbs.geometry.dispose();
    this.balls.geometry.dispose();
    this.material.dispose();
  }
}
