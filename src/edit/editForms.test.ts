import { describe, expect, it } from 'vitest';
import { CreateJobRequest } from '../../server/contract/api.ts';
import { DEFAULT_FORMS, buildEditRequest, loopedLength, rerunFormFrom } from './editForms.ts';
import type { EditForms } from './editForms.ts';
import { EDIT_ACTIONS } from './editGates.ts';

const src = { jobId: 'job_abcdefgh12', variant: 2, provider: 'local' as const };
const ranges = [
  { start: 2, end: 3 },
  { start: 0.5, end: 1 + 1 / 30 },
];

describe('buildEditRequest', () => {
  it('every action builds a body the API contract accepts', () => {
    const forms: EditForms = {
      ...DEFAULT_FORMS,
      inpaint: { prompt: 'jump' },
      merge: { ...DEFAULT_FORMS.merge, prompt: 'sit down' },
    };
    for (const action of EDIT_ACTIONS.filter((a) => a !== 'render')) {
      const body = buildEditRequest(action, src, forms, ranges);
      const parsed = CreateJobRequest.safeParse(body);
      expect(parsed.success, `${action}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(body).toMatchObject({ parentJobId: 'job_abcdefgh12', variant: 2, kind: action });
    }
  });

  it('inpaint sends sorted, millisecond intervals', () => {
    const body = buildEditRequest('inpaint', src, { ...DEFAULT_FORMS, inpaint: { prompt: 'jump' } }, ranges);
    expect(body).toMatchObject({
      intervals: [
        { start: 0.5, end: 1.033 },
        { start: 2, end: 3 },
      ],
    });
  });

  it('merge sends whole frames', () => {
    const body = buildEditRequest('merge', src, { ...DEFAULT_FORMS, merge: { prompt: 'wave', trimLeftFrames: 12.4, trimRightFrames: -3, blendSec: 0.5 } }, []);
    expect(body).toMatchObject({ trimLeftFrames: 12, trimRightFrames: 0, blendSec: 0.5 });
  });

  it('loop and refine leave an empty prompt out', () => {
    expect(buildEditRequest('loop', src, DEFAULT_FORMS, [])).not.toHaveProperty('prompt');
    expect(buildEditRequest('refine', src, { ...DEFAULT_FORMS, refine: { prompt: '  more energy ', creativity: 0.8, variants: 2 } }, [])).toMatchObject({
      prompt: 'more energy',
      creativity: 0.8,
      variants: 2,
    });
  });

  it('rerun sends changed options, and no seed unless one is typed', () => {
    const body = buildEditRequest('rerun', src, { ...DEFAULT_FORMS, rerun: { ...DEFAULT_FORMS.rerun, variants: '3', durationSec: '' } }, []);
    expect(body).toMatchObject({ kind: 'rerun', variants: 3 });
    expect(body).not.toHaveProperty('seed');
    expect(body).not.toHaveProperty('durationSec');
    // A half-typed value goes to the server as typed, so its message names the field.
    expect(buildEditRequest('rerun', src, { ...DEFAULT_FORMS, rerun: { ...DEFAULT_FORMS.rerun, seed: 'abc' } }, [])).toMatchObject({ seed: 'abc' });
  });
});

describe('rerunFormFrom', () => {
  it('starts from the options the job used, with a fresh seed', () => {
    expect(rerunFormFrom({ variants: 4, durationSec: 6, footLocking: 'never', poseFiltering: 0.2, physicsFilter: false, seed: 9 })).toEqual({
      variants: '4',
      durationSec: '6',
      footLocking: 'never',
      poseFiltering: 0.2,
      physicsFilter: false,
      seed: '',
    });
    expect(rerunFormFrom({ footLocking: 'sometimes' }).footLocking).toBe('auto');
  });
});

describe('loopedLength', () => {
  it('is reps × the take', () => {
    expect(loopedLength(4, 3)).toBe(12);
    expect(loopedLength(4, 0)).toBe(4);
    expect(loopedLength(2.5, 2.4)).toBe(5);
  });
});
