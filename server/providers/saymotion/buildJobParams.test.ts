import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedPrompt } from '../../../test/contract/contractParams.ts';
import { CreateJobRequest } from '../../contract/api.ts';
import { ProviderError } from '../provider.ts';
import { buildJobParams, promptParam, sanitizePrompt } from './buildJobParams.ts';

const edit = { provider: 'saymotion', parentJobId: 'job_000000000parent0000', variant: 2 } as const;
const target = { modelId: 'dm_model_7', parentRid: 'rid123' };

function build(request: unknown, t: { modelId: string | null; parentRid: string | null } = target) {
  return buildJobParams(CreateJobRequest.parse(request), t);
}

/** The JSON value of a `name={...}` param. */
function jsonOf(params: string[], name: string): unknown {
  const p = params.find((x) => x.startsWith(`${name}=`));
  if (!p) throw new Error(`no ${name} param in ${params.join(' | ')}`);
  return JSON.parse(p.slice(name.length + 1));
}

describe('text2motion params', () => {
  it('maps every option to its documented param', () => {
    const r = build({
      provider: 'saymotion',
      kind: 'text2motion',
      prompt: 'a person walks forward then waves',
      characterId: 'dm_model_7',
      variants: 4,
      durationSec: 6.5,
      footLocking: 'grounding',
      poseFiltering: 0.35,
      physicsFilter: false,
      seed: 42,
    });
    expect(r.processor).toBe('text2motion');
    expect(r.variants).toBe(4);
    expect(r.params).toEqual([
      'prompt="a person walks forward then waves"',
      'model=dm_model_7',
      'requestedAnimationDuration=6.5',
      'dis=s',
      'footLockingMode=grounding',
      'poseFilteringStrength=0.35',
      'numVariant=4',
    ]);
  });

  it('leaves out what SayMotion defaults itself: duration 0, physics filter on, no model', () => {
    const r = build({ provider: 'saymotion', kind: 'text2motion', prompt: 'jump', durationSec: 0, physicsFilter: true }, { modelId: null, parentRid: null });
    expect(r.params).toEqual(['prompt="jump"']);
    expect(r.variants).toBe(1);
  });

  it.each(['auto', 'always', 'never', 'grounding'] as const)('footLocking %s → footLockingMode=%s', (mode) => {
    expect(build({ provider: 'saymotion', kind: 'text2motion', prompt: 'x', footLocking: mode }).params).toContain(`footLockingMode=${mode}`);
  });
});

describe('edit params carry t2m_rid, variant_id and exactly one JSON request', () => {
  it('inpaint', () => {
    const r = build({
      ...edit,
      kind: 'inpaint',
      prompt: 'raise both arms',
      intervals: [
        { start: 1, end: 2.5 },
        { start: 4, end: 5 },
      ],
    });
    expect(r.processor).toBe('text2motion');
    expect(r.params.slice(0, 2)).toEqual(['t2m_rid=rid123', 'variant_id=2']);
    expect(r.params).toHaveLength(3);
    expect(jsonOf(r.params, 'inPaintingRequest')).toEqual({
      prompt: 'raise both arms',
      intervals: [
        { start: 1, end: 2.5 },
        { start: 4, end: 5 },
      ],
    });
  });

  it('merge with trims and blend', () => {
    const r = build({ ...edit, kind: 'merge', prompt: 'then sits down', trimLeftFrames: 3, trimRightFrames: 12, blendSec: 0.8 });
    expect(r.params.slice(0, 2)).toEqual(['t2m_rid=rid123', 'variant_id=2']);
    expect(jsonOf(r.params, 'mergingRequest')).toEqual({
      t2m_rid: 'rid123',
      variant_id: 2,
      editRequest: { numTrimLeft: 3, numTrimRight: 12 },
      prompt: 'then sits down',
      blendDuration: 0.8,
    });
  });

  it('merge with one trim fills the other with 0, and without trims sends no editRequest', () => {
    expect(jsonOf(build({ ...edit, kind: 'merge', prompt: 'x', trimRightFrames: 5 }).params, 'mergingRequest')).toMatchObject({ editRequest: { numTrimLeft: 0, numTrimRight: 5 } });
    expect(jsonOf(build({ ...edit, kind: 'merge', prompt: 'x' }).params, 'mergingRequest')).not.toHaveProperty('editRequest');
  });

  it('loop maps every field, booleans as 0/1', () => {
    const r = build({
      ...edit,
      kind: 'loop',
      prompt: 'keep jogging',
      reps: 3,
      blendSec: 0.5,
      rootFixMode: 'LOCKED',
      fixAltitude: true,
      fixHorizontal: false,
      fixOrientation: true,
      acrossEntireMotion: false,
    });
    expect(jsonOf(r.params, 'loopRequest')).toEqual({
      prompt: 'keep jogging',
      numReps: 3,
      blendDuration: 0.5,
      fixRootMode: 'LOCKED',
      fixRootPositionAltitude: 1,
      fixRootPositionHorizontal: 0,
      fixRootOrientation: 1,
      fixAcrossEntireMotion: 0,
    });
  });

  it('loop without a prompt sends none', () => {
    expect(jsonOf(build({ ...edit, kind: 'loop', reps: 1 }).params, 'loopRequest')).toEqual({ numReps: 1 });
  });

  it('refine sends numVariant beside refineRequest', () => {
    const r = build({ ...edit, kind: 'refine', prompt: 'more energetic', creativity: 0.7, variants: 3 });
    expect(r.variants).toBe(3);
    expect(r.params).toContain('numVariant=3');
    expect(jsonOf(r.params, 'refineRequest')).toEqual({ prompt: 'more energetic', creativity: 0.7 });
    expect(jsonOf(build({ ...edit, kind: 'refine', prompt: '  ', creativity: 0 }).params, 'refineRequest')).toEqual({ creativity: 0 });
  });

  it('rerun carries the model and t2m options but never numVariant', () => {
    const r = build({ ...edit, kind: 'rerun', characterId: 'dm_model_7', variants: 5, durationSec: 4, footLocking: 'never', poseFiltering: 0.2, physicsFilter: false });
    expect(r.params).toEqual([
      't2m_rid=rid123',
      'variant_id=2',
      'model=dm_model_7',
      'requestedAnimationDuration=4',
      'dis=s',
      'footLockingMode=never',
      'poseFilteringStrength=0.2',
      'rerunRequest={"rerun":1}',
    ]);
    expect(r.variants).toBe(1);
  });

  it('refuses an edit without a SayMotion parent rid', () => {
    expect(() => build({ ...edit, kind: 'loop', reps: 2 }, { modelId: null, parentRid: null })).toThrow(ProviderError);
  });
});

describe('render params', () => {
  it('maps colour, backdrop, shadow, camera mode and angle', () => {
    const r = build({ ...edit, kind: 'render', bgColor: [0, 177, 64, 0], backdrop: 'studio', shadow: true, camMode: 'face', camAngleDeg: -45 });
    expect(r.processor).toBe('render');
    expect(r.params).toEqual(['t2m_rid=rid123', 'variant_id=2', 'bgColor=0,177,64,0', 'backdrop=studio', 'shadow=1', 'camMode=2', 'camHorizontalAngle=-45']);
  });

  it.each([
    ['cinematic', 0],
    ['fixed', 1],
    ['face', 2],
  ] as const)('camMode %s → %i', (mode, n) => {
    expect(build({ ...edit, kind: 'render', camMode: mode }).params).toContain(`camMode=${n}`);
  });

  it('accepts 2D backdrop names case-insensitively and sends the documented spelling', () => {
    expect(build({ ...edit, kind: 'render', backdrop: 'urban_rooftop', shadow: false }).params).toEqual(['t2m_rid=rid123', 'variant_id=2', 'backdrop=Urban_Rooftop', 'shadow=0']);
  });

  it('refuses an unknown backdrop and a shadow on a 2D backdrop before anything is submitted', () => {
    expect(() => build({ ...edit, kind: 'render', backdrop: 'Moon_Base' })).toThrow(/backdrop must be "studio" or one of/);
    const err = (() => {
      try {
        build({ ...edit, kind: 'render', backdrop: 'Red_Carpet', shadow: true });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).message).toMatch(/Shadows are not available with the 2D backdrop Red_Carpet/);
  });
});

describe('prompt escaping', () => {
  const cases: Array<[string, string]> = [
    ['He said "hello" and waved', `He said 'hello' and waved`],
    ['a path C:\\dance\\moves', 'a path C:/dance/moves'],
    ['walk, turn left, then run', 'walk, turn left, then run'],
    ['speed=fast and height = 2m', 'speed=fast and height = 2m'],
    ['walk forward\nthen wave', 'walk forward, then wave'],
    ['jump.\r\n\r\nland softly', 'jump. land softly'],
    ['tab\there  and   spaces', 'tab here and spaces'],
    ['"fully quoted"', `'fully quoted'`],
    ['ends with backslash\\', 'ends with backslash/'],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(sanitizePrompt(input)).toBe(expected);
    const param = promptParam(input);
    expect(param).toBe(`prompt="${expected}"`);
    // The contract server's strict reader takes exactly one quoted string and gets the sanitised text back.
    expect(quotedPrompt(param.slice('prompt='.length))).toBe(expected);
  });

  it('every possible prompt yields exactly one double-quoted value without quotes or control characters inside', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }), (s) => {
        const param = promptParam(s);
        expect(param.startsWith('prompt="') && param.endsWith('"')).toBe(true);
        const inner = param.slice('prompt="'.length, -1);
        expect(inner).not.toMatch(/["\\\u0000-\u001f\u007f]/);
        expect(inner).toBe(inner.trim());
      }),
      { numRuns: 500 },
    );
  });

  it('prompts inside JSON edit requests round-trip exactly, quotes, backslashes and newlines included', () => {
    const prompt = 'say "hi", then\\or\nwave = yes';
    const r = build({ ...edit, kind: 'inpaint', prompt, intervals: [{ start: 0, end: 1 }] });
    expect((jsonOf(r.params, 'inPaintingRequest') as { prompt: string }).prompt).toBe(prompt);
    const m = build({ ...edit, kind: 'merge', prompt });
    expect((jsonOf(m.params, 'mergingRequest') as { prompt: string }).prompt).toBe(prompt);
  });
});
