/**
 * Camera framing from the character's actual motion, not magic numbers (three-gltf-viewer's approach, extended
 * over time): the skinned surface is sampled across the clip so a character that walks off still fits, and
 * skinned meshes' bind-pose boxes (which ignore skinning, three-gltf-viewer#147) are not trusted.
 */
import { Box3, Sphere, Vector3 } from 'three';
import type { Object3D, PerspectiveCamera } from 'three';
import { aimCamera, fitBoxDistance } from '../lib/boxFraming.ts';
import { collectParts, expandByPose } from './assets/measureBounds.ts';

const tmp = new Vector3();

/**
 * Bounds of the subject over its whole clip: `samples` evenly spaced poses, each measured through skinning
 * (measureBounds.ts), so a character that walks off or raises its arms still fits.
 */
export function motionBounds(root: Object3D, pose: ((t: number) => void) | null, duration: number, samples = 12): Box3 {
  const box = new Box3();
  const parts = collectParts(root);
  const count = pose && duration > 0 ? samples : 1;
  for (let i = 0; i < count; i++) {
    pose?.(count === 1 ? 0 : (i / (count - 1)) * duration);
    root.updateMatrixWorld(true);
    expandByPose(box, parts, 400);
  }
  if (box.isEmpty()) box.setFromObject(root);
  if (box.isEmpty()) box.set(new Vector3(-0.5, 0, -0.5), new Vector3(0.5, 1.8, 0.5));
  // Bones alone are joint centres: pad for the flesh around them (head top, hands); meshes need only a margin.
  const size = box.getSize(tmp);
  const pad = Math.max(0.04, Math.max(size.y, 0.5) * (parts.skinned.length + parts.statics.length > 0 ? 0.02 : 0.08));
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
  const distance = fitBoxDistance(box, target, dir, camera, 0.1, 0.5) * margin;
  const radius = Math.max(box.getBoundingSphere(new Sphere()).radius, 0.3);
  return { target, position: target.clone().addScaledVector(dir, distance), radius };
}

export function applyFraming(camera: PerspectiveCamera, f: Framing): void {
  aimCamera(camera, f.target, camera.position.copy(f.position).distanceTo(f.target));
}
