import { describe, expect, it } from 'vitest';
import { fieldsFromActionJob } from './openActionJob.ts';

const job = (kind: string, request: Record<string, unknown>, parentJobId: string | null = null) => ({
  id: 'job_x',
  kind: kind as 'rig',
  provider: 'meshy' as const,
  request,
  parentJobId,
});

describe('a job’s settings back in the panel', () => {
  it('rig: the character and its height', () => {
    expect(fieldsFromActionJob(job('rig', { characterId: 'chr_abcdefgh12', heightMeters: 1.85 }))).toEqual({ characterId: 'chr_abcdefgh12', heightMeters: '1.85' });
  });

  it('animate: its rig, its actions in order and its post-processing', () => {
    expect(fieldsFromActionJob(job('animate', { actionIds: [466, 4], postProcess: { operation: 'change_fps', fps: 60 } }, 'job_rig'))).toEqual({
      rigJobId: 'job_rig',
      source: 'library',
      actionIds: [466, 4],
      postProcess: 'change_fps',
      fps: 60,
    });
    expect(fieldsFromActionJob(job('animate', { motionJobId: 'job_clip' }, 'job_rig'))).toEqual({
      rigJobId: 'job_rig',
      source: 'motion',
      motionJobId: 'job_clip',
      postProcess: 'none',
    });
  });

  it('textToMotion: prompt, a duration on the 0.5 s grid, and the model', () => {
    expect(fieldsFromActionJob(job('textToMotion', { prompt: 'a jump', durationSec: 3.5, mode: 'swift' }))).toEqual({
      motionPrompt: 'a jump',
      motionDurationSec: 3.5,
      motionMode: 'swift',
    });
  });
});
