/**
 * Submission-time checks of a job's constraints that need more than the zod contract: the local
 * engine's own validation (bone names on the rig, times within an explicit clip length), and the
 * providers that can honour them. A mistake here is a 400 naming the field, never a failed job.
 */
import type { CreateJobRequest } from '../contract/api.ts';
import { CANONICAL } from '../engine/core/skeleton.ts';
import { ConstraintError, validateConstraints } from '../engine/constraints/types.ts';
import { HttpError } from '../http/errors.ts';

export function checkConstraints(r: CreateJobRequest): void {
  if (r.kind !== 'text2motion' && r.kind !== 'rerun') return;
  const c = r.constraints;
  if (!c) return;
  if (r.provider !== 'local') {
    // Provider takes would need a local IK post-pass on their downloaded clip, which is not built yet.
    throw new HttpError(400, 'unsupported_operation', `constraints (paths, key poses, pins) are solved by the local engine; ${r.provider} takes words only. Submit with provider "local", or drop constraints.`, 'constraints');
  }
  const duration = r.durationSec && r.durationSec > 0 ? r.durationSec : Infinity;
  try {
    validateConstraints(c, duration, CANONICAL.names);
  } catch (e) {
    // The engine names fields as the server's zod errors do (keyPoses[0].t), so clients see one shape.
    if (e instanceof ConstraintError) throw new HttpError(400, 'validation_error', `constraints.${e.message}`, `constraints.${e.field}`);
    throw e;
  }
}
