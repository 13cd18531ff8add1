/**
 * The framing mathematics shared by the viewport camera and the seam preview: how far back along a view direction
 * a perspective camera must stand for a box to fit, and aiming it with clip planes that suit that distance.
 */
import { MathUtils, Vector3 } from 'three';
import type { Box3, PerspectiveCamera } from 'three';

/**
 * The nearest distance along `dir` (unit, from the box centre `target` towards the camera) at which all eight box
 * corners are inside both the vertical and the horizontal field of view (tighter than fitting the bounding sphere).
 * `minAspect` keeps a very narrow view from pushing the camera away without bound; the result is at least `minDistance`.
 */
export function fitBoxDistance(box: Box3, target: Vector3, dir: Vector3, camera: PerspectiveCamera, minAspect: number, minDistance: number): number {
  const right = new Vector3(0, 1, 0).cross(dir).normalize();
  const up = dir.clone().cross(right).normalize();
  const tanV = Math.tan(MathUtils.degToRad(camera.fov) / 2);
  const tanH = tanV * Math.max(camera.aspect, minAspect);
  let distance = minDistance;
  const corner = new Vector3();
  for (let i = 0; i < 8; i++) {
    corner.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).sub(target);
    // A corner nearer the camera (positive along `dir`) needs more distance to stay in view.
    const depth = corner.dot(dir);
    distance = Math.max(distance, depth + Math.abs(corner.dot(up)) / tanV, depth + Math.abs(corner.dot(right)) / tanH);
  }
  return distance;
}

/** Looks at `target` from the camera's position, with near and far planes scaled to the viewing distance. */
export function aimCamera(camera: PerspectiveCamera, target: Vector3, distance: number): void {
  camera.near = Math.max(0.01, distance / 200);
  camera.far = Math.max(100, distance * 50);
  camera.lookAt(target);
  camera.updateProjectionMatrix();
}
