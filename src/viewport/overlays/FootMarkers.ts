/**
 * Foot contacts on the floor: a footprint disc where each plant happened (left blue, right orange) and a ring
 * under each foot that fills while that foot is planted now. Sliding feet show as footprints smeared along the
 * path; a plant that never touches down shows as a ring that never fills.
 */
import { CircleGeometry, Color, Group, InstancedMesh, Matrix4, Mesh, MeshBasicMaterial, RingGeometry } from 'three';
import type { Object3D } from 'three';
import type { Span } from '../../player/index.ts';
import type { ClipAnalysis } from '../rig/analyseClip.ts';

const FLOOR_Y = 0.005;
const COLORS = { left: new Color('#5aa9ff'), right: new Color('#ff8a4c') };

function inSpans(spans: readonly Span[], t: number): boolean {
  for (const s of spans) if (t >= s.start - 1e-4 && t <= s.end + 1e-4) return true;
  return false;
}

export class FootMarkers {
  readonly object = new Group();
  private readonly rings: Record<'left' | 'right', Mesh>;
  private readonly fills: Record<'left' | 'right', Mesh>;
  private readonly disposables: Array<{ dispose(): void }> = [];

  constructor(
    private readonly analysis: ClipAnalysis,
    private readonly feet: { left: Object3D | null; right: Object3D | null },
  ) {
    const disc = new CircleGeometry(0.05, 20).rotateX(-Math.PI / 2);
    const ring = new RingGeometry(0.07, 0.09, 28).rotateX(-Math.PI / 2);
    const fill = new CircleGeometry(0.07, 24).rotateX(-Math.PI / 2);
    this.disposables.push(disc, ring, fill);
    const m = new Matrix4();
    const sides = ['left', 'right'] as const;
    const rings = {} as Record<'left' | 'right', Mesh>;
    const fills = {} as Record<'left' | 'right', Mesh>;
    for (const side of sides) {
      const spans = analysis.contacts[side];
      const pos = analysis.feet[side];
      const mat = new MeshBasicMaterial({ color: COLORS[side], transparent: true, opacity: 0.55, depthWrite: false });
      this.disposables.push(mat);
      if (pos && spans.length) {
        const prints = new InstancedMesh(disc, mat, spans.length);
        spans.forEach((span, i) => {
          // Footprint at the middle of the plant.
          const k = nearestIndex(analysis.times, (span.start + span.end) / 2);
          prints.setMatrixAt(i, m.makeTranslation(pos[k * 3]!, FLOOR_Y, pos[k * 3 + 2]!));
        });
        prints.frustumCulled = false;
        this.object.add(prints);
      }
      const ringMat = new MeshBasicMaterial({ color: COLORS[side], transparent: true, opacity: 0.9, depthWrite: false });
      const fillMat = new MeshBasicMaterial({ color: COLORS[side], transparent: true, opacity: 0.45, depthWrite: false });
      this.disposables.push(ringMat, fillMat);
      rings[side] = new Mesh(ring, ringMat);
      fills[side] = new Mesh(fill, fillMat);
      rings[side].visible = fills[side].visible = feet[side] !== null;
      this.object.add(rings[side], fills[side]);
    }
    this.rings = rings;
    this.fills = fills;
    this.object.name = 'foot-contacts';
    this.object.renderOrder = 2;
  }

  update(t: number): void {
    for (const side of ['left', 'right'] as const) {
      const foot = this.feet[side];
      if (!foot) continue;
      const p = foot.getWorldPosition(this.rings[side].position);
      p.y = FLOOR_Y + 0.001;
      this.fills[side].position.copy(p);
      this.fills[side].visible = inSpans(this.analysis.contacts[side], t);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function nearestIndex(times: Float32Array, t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid;
    else hi = mid;
  }
  return Math.abs(times[lo]! - t) <= Math.abs(times[hi]! - t) ? lo : hi;
}
