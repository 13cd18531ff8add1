/**
 * Camera framing for the loop seam preview, from bone positions (a skinned mesh's own box is its bind pose and
 * ignores the animation). This small view only needs "both poses in shot, from a 3/4 front angle"; the fitting
 * mathematics is the viewport's (lib/boxFraming.ts), with its own angle and margin.
 */
import { Box3, Vector3 } from 'three';
import type { Object3D, PerspectiveCamera } from 'three';
import { aimCamera, fitBoxDistance } from '../lib/boxFraming.ts';

const tmp = new Vector3();

/** Union of bone (and plain mesh) positions of the given roots in their current poses, padded for flesh. */
export function poseBox(roots: readonly Object3D[], into: Box3 = new Box3()): Box3 {
  for (const root of roots) {
    root.updateMatrixWorld(true);
    root.traverse((o) => {
      if ((o as { isBone?: boolean }).isBone) into.expandByPoint(o.getWorldPosition(tmp));
      else if ((o as { isMesh?: boolean }).isMesh && !(o as { isSkinnedMesh?: boolean }).isSkinnedMesh) into.expandByObject(o);
    });
  }
  if (into.isEmpty()) into.set(new Vector3(-0.4, 0, -0.4), new Vector3(0.4, 1.8, 0.4));
  const h = into.getSize(tmp).y;
  into.expandByScalar(Math.max(0.1, h * 0.08));
  if (into.min.y > 0) into.min.y = 0;
  return into;
}

/**
 * Points the camera at the box from the front-right (glTF characters face +Z), at the nearest distance where
 * every box corner is inside both the vertical and the horizontal field of view.
 */
export function frameCamera(camera: PerspectiveCamera, box: Box3, margin = 1.05): Vector3 {
  const target = box.getCenter(new Vector3());
  const back = new Vector3(0.5, 0.32, 1).normalize();
  const distance = fitBoxDistance(box, target, back, camera, 0.2, 0.4) * margin;
  camera.position.copy(target).addScaledVector(back, distance);
  aimCamera(camera, target, distance);
  return target;
}
