/**
 * Submission-time checks of a job's constraints that need more than the zod contract: the local
 * engine's own validation (bone names on the rig, times within an explicit clip length), and the
 * providers that can honour them. A mistake here is a 400 naming the field, never a failed job.
 */
import type { CreateJobRequest } from '../contract/api.ts';
import type { Constraints } from '../engine/constraints/types.ts';
import { CANONICAL } from '../engine/core/skeleton.ts';
import { ConstraintError, validateConstraints } from '../engine/constraints/types.ts';
import { HttpError } from '../http/errors.ts';

export function checkConstraints(r: CreateJobRequest): void {
  if (r.kind !== 'text2motion' && r.kind !== 'rerun') return;
  const c = r.constraints;
  if (!c) return;
  if (r.provider !== 'local') {
    // The provider cannot honour them itself; its finished takes get them as a local post-pass instead.
    throw new HttpError(
      400,
      'unsupported_operation',
      `constraints (paths, key poses, pins) are solved by the local engine; ${r.provider} takes words only. Generate without constraints, then apply them to the finished take (a rerun with provider "local", its parentJobId and variant, and the constraints): they are solved locally with IK on the ${r.provider} clip.`,
      'constraints',
    );
  }
  checkConstraintsOnClip(c, r.durationSec && r.durationSec > 0 ? r.durationSec : Infinity);
}

/** The engine's validation against a clip of `durationSec` (Infinity when the engine picks the length). */
export function checkConstraintsOnClip(c: Constraints, durationSec: number): void {
  try {
    validateConstraints(c, durationSec, CANONICAL.names);
  } catch (e) {
    // The engine names fields as the server's zod errors do (keyPoses[0].t), so clients see one shape.
    if (e instanceof ConstraintError) throw new HttpError(400, 'validation_error', `constraints.${e.message}`, `constraints.${e.field}`);
    throw e;
  }
}
