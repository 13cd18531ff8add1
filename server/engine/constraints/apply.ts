/**
 * The constraint pass, run after synthesis and clean-up: path first (it moves the whole body),
 * then key poses (in-betweened around their frames), then pins (exact on every pinned frame, so
 * they win where a key pose and a pin disagree). Pure: the input motion is not modified.
 */
import type { Motion } from '../core/motion.ts';
import { motionDurationSec } from '../core/motion.ts';
import { applyKeyPoses } from './keyPoses.ts';
import { followPath } from './path.ts';
import { applyPins } from './pins.ts';
import { validateConstraints } from './types.ts';
import type { Constraints } from './types.ts';

export function applyConstraints(m: Motion, c: Constraints): Motion {
  validateConstraints(c, motionDurationSec(m), m.skeleton.names);
  let out = m;
  if (c.path) out = followPath(out, c.path);
  if (c.keyPoses?.length) out = applyKeyPoses(out, c.keyPoses);
  if (c.pins?.length) out = applyPins(out, c.pins);
  return out;
}

export function hasConstraints(c: Constraints | undefined): c is Constraints {
  return Boolean(c && (c.path || c.keyPoses?.length || c.pins?.length));
}

/** One line for the job report, so the user sees what the engine honoured. */
export function describeConstraints(c: Constraints): string {
  const parts: string[] = [];
  if (c.path) parts.push(`path through ${c.path.waypoints.length} waypoints`);
  if (c.keyPoses?.length) parts.push(`${c.keyPoses.length} key pose${c.keyPoses.length > 1 ? 's' : ''}`);
  if (c.pins?.length) parts.push(`${c.pins.length} pin${c.pins.length > 1 ? 's' : ''}`);
  return `constraints: ${parts.join(', ')}`;
}
