/**
 * Camera framing for the loop seam preview, from bone positions (a skinned mesh's own box is its bind pose and
 * ignores the animation). Self-contained on purpose: the main viewport's framing evolves with the viewport,
 * while this small view only needs "both poses in shot, from a 3/4 front angle".
 */
import { Box3, MathUtils, Vector3 } from 'three';
import type { Object3D, PerspectiveCamera } from 'three';

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
  const side = new Vector3(0, 1, 0).cross(back).normalize();
  const up = back.clone().cross(side).normalize();
  const tanV = Math.tan(MathUtils.degToRad(camera.fov) / 2);
  const tanH = tanV * Math.max(camera.aspect, 0.2);
  let distance = 0.4;
  const c = new Vector3();
  for (let i = 0; i < 8; i++) {
    c.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).sub(target);
    // A corner nearer the camera (positive along `back`) needs more distance to stay in view.
    const toward = c.dot(back);
    distance = Math.max(distance, toward + Math.abs(c.dot(up)) / tanV, toward + Math.abs(c.dot(side)) / tanH);
  }
  distance *= margin;
  camera.position.copy(target).addScaledVector(back, distance);
  camera.near = Math.max(0.01, distance / 200);
  camera.far = Math.max(100, distance * 50);
  camera.lookAt(target);
  camera.updateProjectionMatrix();
  return target;
}
