/**
 * The root's path over the clip, drawn on the floor, with a marker where the root is now. Shows at a glance how
 * far a clip travels and whether it drifts (root-motion questions, three.js#25177, o3de#10655).
 */
import { BufferAttribute, BufferGeometry, Group, Line, LineBasicMaterial, Mesh, MeshBasicMaterial, RingGeometry } from 'three';

const FLOOR_Y = 0.004;

export class RootTrail {
  readonly object = new Group();
  private readonly marker: Mesh;
  private readonly disposables: Array<{ dispose(): void }> = [];

  /** `trail`: root world positions (x, y, z per sample). */
  constructor(trail: Float32Array) {
    const n = trail.length / 3;
    const pts = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      pts[i * 3] = trail[i * 3]!;
      pts[i * 3 + 1] = FLOOR_Y;
      pts[i * 3 + 2] = trail[i * 3 + 2]!;
    }
    const geo = new BufferGeometry().setAttribute('position', new BufferAttribute(pts, 3));
    const mat = new LineBasicMaterial({ color: '#ffb36b', transparent: true, opacity: 0.85, depthWrite: false });
    const line = new Line(geo, mat);
    line.frustumCulled = false;
    const ringGeo = new RingGeometry(0.06, 0.085, 32).rotateX(-Math.PI / 2);
    const ringMat = new MeshBasicMaterial({ color: '#ffb36b', transparent: true, opacity: 0.9, depthWrite: false });
    this.marker = new Mesh(ringGeo, ringMat);
    this.marker.position.y = FLOOR_Y;
    this.object.add(line, this.marker);
    this.object.name = 'root-trail';
    this.object.renderOrder = 2;
    this.disposables.push(geo, mat, ringGeo, ringMat);
  }

  /** Moves the "you are here" ring under the root. */
  update(x: number, z: number): void {
    this.marker.position.x = x;
    this.marker.position.z = z;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
