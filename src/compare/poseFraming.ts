/**
 * Camera framing for the compare grid and the seam preview, from bone positions (a skinned mesh's own box is
 * its bind pose and ignores the animation). Deliberately self-contained: the main viewport's framing evolves
 * with it, while these small views only need "everything in shot, from a 3/4 front angle".
 */
import { Box3, MathUtils, Sphere, Vector3 } from 'three';
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

/** Points the camera at the box from the front-right, far enough for its bounding sphere to fit. */
export function frameCamera(camera: PerspectiveCamera, box: Box3, margin = 1.05): Vector3 {
  const sphere = box.getBoundingSphere(new Sphere());
  const target = sphere.center.clone();
  const fov = MathUtils.degToRad(camera.fov);
  const fit = Math.min(fov, 2 * Math.atan(Math.tan(fov / 2) * Math.max(camera.aspect, 0.2)));
  const distance = (Math.max(sphere.radius, 0.3) / Math.sin(fit / 2)) * margin;
  const dir = new Vector3(0.55, 0.3, 1).normalize();
  camera.position.copy(target).addScaledVector(dir, distance);
  camera.near = Math.max(0.01, distance / 200);
  camera.far = Math.max(100, distance * 50);
  camera.lookAt(target);
  camera.updateProjectionMatrix();
  return target;
}
