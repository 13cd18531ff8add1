import { describe, expect, it } from 'vitest';
import { CreateJobRequest } from '../../server/contract/api.ts';
import { buildAnimateRequest, buildRigRequest, buildTextToMotionRequest, maxActions, moveAction, snapMotionDuration, toggleAction } from './actionRequests.ts';

/** Every body the panel builds must be one the server's own schema accepts. */
function accepted(body: unknown) {
  const r = CreateJobRequest.safeParse(body);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
}

describe('action selection', () => {
  it('keeps selection order, toggles off, and stops at the provider limit', () => {
    let s: number[] = [];
    for (const id of [5, 2, 9]) s = toggleAction(s, id, 3);
    expect(s).toEqual([5, 2, 9]);
    expect(toggleAction(s, 7, 3)).toEqual([5, 2, 9]);
    expect(toggleAction(s, 2, 3)).toEqual([5, 9]);
    expect(maxActions('meshy')).toBe(10);
    expect(maxActions('local')).toBe(8);
  });

  it('reorders one step at a time and ignores moves off either end', () => {
    expect(moveAction([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(moveAction([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moveAction([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveAction([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });

  it('snaps text-to-motion durations to 2–10 s in 0.5 s steps', () => {
    expect(snapMotionDuration(3.3)).toBe(3.5);
    expect(snapMotionDuration(3.2)).toBe(3);
    expect(snapMotionDuration(0)).toBe(2);
    expect(snapMotionDuration(42)).toBe(10);
    expect(snapMotionDuration(Number.NaN)).toBe(2);
  });
});

describe('request bodies', () => {
  it('rig: height only for Meshy', () => {
    expect(accepted(buildRigRequest({ provider: 'meshy', characterId: 'chr_abcdefgh12', heightMeters: '1.85' }))).toMatchObject({ heightMeters: 1.85 });
    expect(accepted(buildRigRequest({ provider: 'local', characterId: 'mannequin', heightMeters: '1.85' }))).not.toHaveProperty('heightMeters');
    // A typo goes to the server as typed, which names the field in its answer.
    expect(CreateJobRequest.safeParse(buildRigRequest({ provider: 'meshy', characterId: 'chr_abcdefgh12', heightMeters: 'tall' })).success).toBe(false);
  });

  it('animate: library actions in order, or a text-to-motion job; post-processing only for Meshy', () => {
    const base = { rigJobId: 'job_abcdefgh12', actionIds: [466, 0], motionJobId: null, fps: 60 as const };
    expect(accepted(buildAnimateRequest({ ...base, provider: 'meshy', source: 'library', postProcess: 'change_fps' }))).toMatchObject({
      kind: 'animate',
      parentJobId: 'job_abcdefgh12',
      actionIds: [466, 0],
      postProcess: { operation: 'change_fps', fps: 60 },
    });
    expect(accepted(buildAnimateRequest({ ...base, provider: 'meshy', source: 'library', postProcess: 'fbx2usdz' }))).toMatchObject({ postProcess: { operation: 'fbx2usdz' } });
    expect(accepted(buildAnimateRequest({ ...base, provider: 'local', source: 'library', postProcess: 'extract_armature' }))).not.toHaveProperty('postProcess');
    const motion = accepted(buildAnimateRequest({ ...base, provider: 'meshy', source: 'motion', motionJobId: 'job_motion1234', postProcess: 'none' }));
    expect(motion).toMatchObject({ motionJobId: 'job_motion1234' });
    expect(motion).not.toHaveProperty('actionIds');
  });

  it('textToMotion: the mode only for Meshy', () => {
    expect(accepted(buildTextToMotionRequest({ provider: 'meshy', prompt: 'a person jumps', durationSec: 4.5, mode: 'swift' }))).toMatchObject({ mode: 'swift', durationSec: 4.5 });
    expect(accepted(buildTextToMotionRequest({ provider: 'local', prompt: 'a person jumps', durationSec: 4, mode: 'swift' }))).not.toHaveProperty('mode');
  });
});
