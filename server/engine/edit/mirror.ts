/**
 * Mirror left ↔ right: the clip as if seen in a mirror standing on the character's YZ plane (a wave with the
 * right hand becomes one with the left, a turn left becomes a turn right). Every rest rotation is identity and
 * the rest pose is symmetric, so mirroring is exact: swap each joint with its mirror twin (skeleton.mirror),
 * reflect its local rotation across the YZ plane (x, y, z, w) → (x, −y, −z, w), and negate the hips' x.
 */
import type { Motion } from '../core/motion.ts';

export function mirrorMotion(m: Motion): Motion {
  const jc = m.skeleton.parents.length;
  const mirror = m.skeleton.mirror;
  const rot = new Float32Array(m.rot.length);
  const rootPos = m.rootPos.slice();
  const contacts = new Uint8Array(m.contacts.length);
  for (let f = 0; f < m.frames; f++) {
    rootPos[f * 3] = -m.rootPos[f * 3]!;
    for (let j = 0; j < jc; j++) {
      const src = (f * jc + mirror[j]!) * 4;
      const dst = (f * jc + j) * 4;
      rot[dst] = m.rot[src]!;
      rot[dst + 1] = -m.rot[src + 1]!;
      rot[dst + 2] = -m.rot[src + 2]!;
      rot[dst + 3] = m.rot[src + 3]!;
    }
    // Contacts are [left, right]: the mirrored left foot is the source's right one.
    contacts[f * 2] = m.contacts[f * 2 + 1]!;
    contacts[f * 2 + 1] = m.contacts[f * 2]!;
  }
  return { fps: m.fps, frames: m.frames, skeleton: m.skeleton, rootPos, rot, contacts };
}
