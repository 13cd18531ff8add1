import type { Job } from '../../server/contract/api.ts';

const ACTION_KINDS = new Set(['rig', 'animate', 'textToMotion']);

/**
 * A stored request ready to be submitted again (Retry). For rig, animate and textToMotion the server adds
 * fields of its own when it accepts a job (a seed on the local engine, a snapshot of the motion job) that
 * their strict request schemas refuse, so those go; a retry gets a fresh seed.
 */
export function requestForResubmit(request: Job['request']): Job['request'] {
  if (typeof request.kind !== 'string' || !ACTION_KINDS.has(request.kind)) return request;
  const { seed: _seed, motionSource: _source, ...rest } = request;
  return rest;
}
