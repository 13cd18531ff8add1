/**
 * Clip length from a BVH's MOTION header ("Frames: n" and "Frame Time: t"). SayMotion reports no
 * duration, and the BVH is the one format whose header states it plainly.
 */
export function bvhDurationSec(bytes: Uint8Array): number | null {
  const text = new TextDecoder().decode(bytes);
  const motion = text.indexOf('MOTION');
  if (motion < 0) return null;
  const head = text.slice(motion, motion + 200);
  const frames = /Frames:\s*(\d+)/.exec(head);
  const frameTime = /Frame Time:\s*([0-9]*\.?[0-9]+(?:[eE][-+]?\d+)?)/.exec(head);
  if (!frames || !frameTime) return null;
  const seconds = Number(frames[1]) * Number(frameTime[1]);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}
