/**
 * Rest-pose alignment of hands and fingers, shared by the server's retargeting and the viewport's preview
 * retarget. It uses three.js's math classes (pure: no DOM, no WebGL) because both retargeters hold their
 * rest poses as three Quaternion/Vector3 already, and the same arithmetic on both sides is what keeps
 * preview and export in agreement.
 */
import { Matrix4, Quaternion, Vector3 } from 'three';

/**
 * The rotation taking a (primary, secondary) pair of directions onto another: the primary exactly, the
 * secondary as nearly as the primary allows. Both retargeters align hands and fingers with it: a bone's
 * direction alone leaves its twist open, and a finger curls about its palm's own axis, so the twist is
 * taken from the line across the knuckles. Null when a pair is degenerate (parallel directions).
 */
export function alignPair(pt: Vector3, st: Vector3, pc: Vector3, sc: Vector3): Quaternion | null {
  const frame = (p: Vector3, s: Vector3): Matrix4 | null => {
    const x = p.clone().normalize();
    const z = new Vector3().crossVectors(x, s);
    if (z.lengthSq() < 1e-12) return null;
    z.normalize();
    return new Matrix4().makeBasis(x, new Vector3().crossVectors(z, x), z);
  };
  const t = frame(pt, st), c = frame(pc, sc);
  return t && c ? new Quaternion().setFromRotationMatrix(c.multiply(t.transpose())) : null;
}
