/**
 * Camera framing from the character's actual motion, not magic numbers (three-gltf-viewer's approach, extended
 * over time): bones are sampled across the clip so a character that walks off still fits, and skinned meshes'
 * bind-pose boxes (which ignore skinning, three-gltf-viewer#147) are not trusted.
 */
import { Box3, MathUtils, Sphere, Vector3 } from 'three';
import type { AnimationAction, AnimationMixer, Object3D, PerspectiveCamera } from 'three';

const tmp = new Vector3();

/** Union of bone positions (and non-skinned meshes) over `samples` evenly spaced times of the clip. */
export function motionBounds(
  root: Object3D,
  mixer: AnimationMixer | null,
  action: AnimationAction | null,
  duration: number,
  samples = 12,
): Box3 {
  const box = new Box3();
  const bones: Object3D[] = [];
  const staticMeshes: Object3D[] = [];
  root.traverse((o) => {
    if ((o as { isBone?: boolean }).isBone) bones.push(o);
    else if ((o as { isMesh?: boolean }).isMesh && !(o as { isSkinnedMesh?: boolean }).isSkinnedMesh) staticMeshes.push(o);
  });

  const count = action && mixer && duration > 0 ? samples : 1;
  for (let i = 0; i < count; i++) {
    if (action && mixer) {
      action.time = count === 1 ? 0 : (i / (count - 1)) * duration;
      mixer.update(0);
    }
    root.updateMatrixWorld(true);
    for (const b of bones) box.expandByPoint(b.getWorldPosition(tmp));
    for (const m of staticMeshes) box.expandByObject(m);
  }
  if (bones.length === 0 && staticMeshes.length === 0) box.setFromObject(root);

  if (box.isEmpty()) box.set(new Vector3(-0.5, 0, -0.5), new Vector3(0.5, 1.8, 0.5));
  // Bones are joint centres: pad for the flesh around them (head top, hands, feet), proportional to size.
  const size = box.getSize(tmp);
  const pad = Math.max(0.08, Math.max(size.y, 0.5) * 0.08);
  box.expandByScalar(pad);
  if (box.min.y > 0 && box.min.y < pad * 2) box.min.y = 0; // keep the floor contact in view
  return box;
}

export interface Framing {
  target: Vector3;
  position: Vector3;
  radius: number;
}

/**
 * A 3/4 front view (glTF characters face +Z) at the smallest distance where all eight box corners fit in both
 * the vertical and horizontal field of view (tighter than fitting the bounding sphere).
 */
export function frameBox(box: Box3, camera: PerspectiveCamera, margin = 1.06): Framing {
  const target = box.getCenter(new Vector3());
  const dir = new Vector3(0.55, 0.3, 1).normalize(); // from target towards the camera
  const right = new Vector3(0, 1, 0).cross(dir).normalize();
  const up = dir.clone().cross(right).normalize();
  const tanV = Math.tan(MathUtils.degToRad(camera.fov) / 2);
  const tanH = tanV * Math.max(camera.aspect, 0.1);
  let distance = 0.5;
  const corner = new Vector3();
  for (let i = 0; i < 8; i++) {
    corner.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).sub(target);
    const depth = corner.dot(dir);
    distance = Math.max(distance, depth + Math.abs(corner.dot(up)) / tanV, depth + Math.abs(corner.dot(right)) / tanH);
  }
  distance *= margin;
  const radius = Math.max(box.getBoundingSphere(new Sphere()).radius, 0.3);
  return { target, position: target.clone().addScaledVector(dir, distance), radius };
}

export function applyFraming(camera: PerspectiveCamera, f: Framing): void {
  const distance = camera.position.copy(f.position).distanceTo(f.target);
  camera.near = Math.max(0.01, distance / 200);
  camera.far = Math.max(100, distance * 50);
  camera.lookAt(f.target);
  camera.updateProjectionMatrix();
}
