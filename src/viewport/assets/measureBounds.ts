/**
 * World-space bounds of a posed model as it is drawn: skinned meshes are measured through their skinning (the
 * geometry's own box is the bind pose and ignores the skeleton, three-gltf-viewer#147), bones count as points,
 * static meshes by their boxes. Large meshes are sampled with a stride so this stays cheap enough to run for
 * several poses of a clip.
 */
import { Box3, Vector3 } from 'three';
import type { Object3D, SkinnedMesh } from 'three';

const v = new Vector3();
const tmpBox = new Box3();

export interface BoundsParts {
  bones: Object3D[];
  skinned: SkinnedMesh[];
  statics: Object3D[];
}

export function collectParts(root: Object3D): BoundsParts {
  const parts: BoundsParts = { bones: [], skinned: [], statics: [] };
  root.traverse((o) => {
    const f = o as { isBone?: boolean; isMesh?: boolean; isSkinnedMesh?: boolean; isPoints?: boolean; isLine?: boolean };
    if (f.isBone) parts.bones.push(o);
    else if (f.isSkinnedMesh) parts.skinned.push(o as SkinnedMesh);
    else if (f.isMesh || f.isPoints) parts.statics.push(o);
  });
  return parts;
}

/** Expands `box` by the model in its current pose. Call root.updateMatrixWorld(true) first. */
export function expandByPose(box: Box3, parts: BoundsParts, maxVertsPerMesh = 1500): Box3 {
  for (const b of parts.bones) box.expandByPoint(b.getWorldPosition(v));
  for (const m of parts.skinned) {
    const pos = m.geometry.getAttribute('position');
    if (!pos || !m.geometry.getAttribute('skinIndex')) continue;
    const stride = Math.max(1, Math.floor(pos.count / maxVertsPerMesh));
    for (let i = 0; i < pos.count; i += stride) {
      m.getVertexPosition(i, v);
      box.expandByPoint(v.applyMatrix4(m.matrixWorld));
    }
  }
  for (const s of parts.statics) {
    tmpBox.setFromObject(s, false);
    if (!tmpBox.isEmpty()) box.union(tmpBox);
  }
  return box;
}
