import { describe, expect, it } from 'vitest';
import { CreateJobRequest } from '../../server/contract/api.ts';
import { requestForResubmit } from './resubmitRequest.ts';

function accepted(body: unknown) {
  const r = CreateJobRequest.safeParse(body);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
}

describe('requestForResubmit', () => {
  it('a stored action request loses the server-added fields its strict schema refuses, so Retry works', () => {
    const stored = { provider: 'local', kind: 'rig', characterId: 'mannequin', heightMeters: 1.7, seed: 1234 };
    expect(CreateJobRequest.safeParse(stored).success).toBe(false);
    expect(accepted(requestForResubmit(stored))).toEqual({ provider: 'local', kind: 'rig', characterId: 'mannequin', heightMeters: 1.7 });
    const animate = { provider: 'local', kind: 'animate', parentJobId: 'job_abcdefgh12', motionJobId: 'job_motion1234', seed: 3, motionSource: { jobId: 'job_motion1234' } };
    expect(accepted(requestForResubmit(animate))).toEqual({ provider: 'local', kind: 'animate', parentJobId: 'job_abcdefgh12', motionJobId: 'job_motion1234' });
    // text2motion keeps its seed: it is part of that request.
    const t2m = { provider: 'local', kind: 'text2motion', prompt: 'walk', seed: 7 };
    expect(requestForResubmit(t2m)).toBe(t2m);
  });
});
