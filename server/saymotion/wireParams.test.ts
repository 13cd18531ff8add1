import { describe, expect, it } from 'vitest';
import { CreateJobRequest } from '../contract/api.ts';
import { buildJobParams } from '../providers/saymotion/buildJobParams.ts';
import { WireError } from './wireError.ts';
import { decodePrompt, parseWireJob } from './wireParams.ts';

const parent = { parentJobId: 'job_0000000001abcdefghijkl', variant: 2 };

/** Our SayMotion adapter's encoding of a request, read back by the local wire endpoint. */
function roundTrip(request: Record<string, unknown>) {
  const req = CreateJobRequest.parse({ provider: 'local', ...request });
  const modelId = 'characterId' in req ? (req.characterId ?? null) : null;
  const { processor, params } = buildJobParams(req, { modelId, parentRid: 'parentJobId' in req ? req.parentJobId : null });
  return { req, back: parseWireJob(processor, params) };
}

function wireError(fn: () => unknown): WireError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WireError);
    return err as WireError;
  }
  throw new Error('expected a WireError');
}

describe('the wire endpoint reads exactly what the SayMotion adapter writes', () => {
  it.each([
    [
      'text2motion, all options',
      {
        kind: 'text2motion',
        prompt: 'walk, then wave = hello',
        characterId: 'mannequin',
        variants: 3,
        durationSec: 4.5,
        footLocking: 'grounding',
        poseFiltering: 0.25,
        physicsFilter: false,
      },
    ],
    ['text2motion, minimal', { kind: 'text2motion', prompt: 'jump' }],
    ['inpaint', { kind: 'inpaint', ...parent, prompt: 'say "hi"\nand wave', intervals: [{ start: 0.5, end: 1.25 }] }],
    ['merge', { kind: 'merge', ...parent, prompt: 'sits down', trimLeftFrames: 4, trimRightFrames: 9, blendSec: 0.6 }],
    [
      'loop',
      {
        kind: 'loop',
        ...parent,
        prompt: 'keep going',
        reps: 4,
        blendSec: 0.3,
        rootFixMode: 'LOCKED',
        fixAltitude: true,
        fixHorizontal: false,
        fixOrientation: true,
        acrossEntireMotion: true,
      },
    ],
    ['refine', { kind: 'refine', ...parent, prompt: 'sharper', creativity: 0.9, variants: 2 }],
    ['rerun', { kind: 'rerun', ...parent, characterId: 'mannequin', durationSec: 3, footLocking: 'never', poseFiltering: 0.1, physicsFilter: false }],
    ['render', { kind: 'render', ...parent, bgColor: [1, 2, 3, 4], backdrop: 'studio', shadow: true, camMode: 'face', camAngleDeg: 15 }],
  ])('%s', (_name, request) => {
    const { req, back } = roundTrip(request);
    expect(back).toEqual(req);
  });
});

describe('SayMotion SDK quirks', () => {
  it('takes an unescaped prompt with inner quotes as the SDKs send it', () => {
    expect(decodePrompt('"He said "hi" twice"')).toBe('He said "hi" twice');
    expect(parseWireJob('text2motion', ['prompt="He said "hi""', 'model=mannequin'])).toMatchObject({ prompt: 'He said "hi"', characterId: 'mannequin' });
  });

  it('decodes a properly JSON-escaped prompt and accepts an unquoted one', () => {
    expect(decodePrompt('"line one\\nline \\"two\\""')).toBe('line one\nline "two"');
    expect(decodePrompt('walk fast')).toBe('walk fast');
  });

  it('reads the merge request the JS SDK builds (inner t2m_rid and variant_id repeated)', () => {
    const inner = JSON.stringify({ t2m_rid: parent.parentJobId, prompt: 'then sits', variant_id: 2, editRequest: { numTrimLeft: 0, numTrimRight: 10 }, blendDuration: 0.5 });
    expect(parseWireJob('text2motion', [`t2m_rid=${parent.parentJobId}`, 'variant_id=2', `mergingRequest=${inner}`])).toEqual({
      provider: 'local',
      kind: 'merge',
      ...parent,
      prompt: 'then sits',
      trimLeftFrames: 0,
      trimRightFrames: 10,
      blendSec: 0.5,
    });
  });

  it('defaults variant_id to 1 and accepts the rerun request the SDK sends with rerun 1', () => {
    expect(parseWireJob('text2motion', [`t2m_rid=${parent.parentJobId}`, 'model=mannequin', 'rerunRequest={"rerun": 1}'])).toEqual({
      provider: 'local',
      kind: 'rerun',
      parentJobId: parent.parentJobId,
      variant: 1,
      characterId: 'mannequin',
    });
  });
});

describe('bad params get a 400 naming the wire field', () => {
  it.each([
    ['no prompt', 'text2motion', ['model=mannequin'], /prompt is required/],
    ['unknown param', 'text2motion', ['prompt="x"', 'numVariants=2'], /Unknown text2motion param numVariants/],
    ['duplicate param', 'text2motion', ['prompt="x"', 'prompt="y"'], /given twice/],
    ['not key=value', 'text2motion', ['prompt'], /not of the form key=value/],
    ['non-numeric duration', 'text2motion', ['prompt="x"', 'requestedAnimationDuration=long'], /requestedAnimationDuration must be a number/],
    ['too many variants', 'text2motion', ['prompt="x"', 'numVariant=9'], /^numVariant: /],
    ['bad foot locking', 'text2motion', ['prompt="x"', 'footLockingMode=sometimes'], /footLockingMode must be one of/],
    ['dis other than s', 'text2motion', ['prompt="x"', 'dis=y'], /dis=s/],
    ['edit without t2m_rid', 'text2motion', ['loopRequest={"numReps": 2}'], /needs t2m_rid/],
    ['two edit requests', 'text2motion', [`t2m_rid=${parent.parentJobId}`, 'loopRequest={"numReps": 2}', 'refineRequest={"creativity": 1}'], /exactly one of/],
    ['edit request not JSON', 'text2motion', [`t2m_rid=${parent.parentJobId}`, 'loopRequest={numReps: 2}'], /must be a JSON object/],
    ['loop reps missing', 'text2motion', [`t2m_rid=${parent.parentJobId}`, 'loopRequest={}'], /^loopRequest.numReps: /],
    ['loop flag 2', 'text2motion', [`t2m_rid=${parent.parentJobId}`, 'loopRequest={"numReps": 1, "fixRootOrientation": 2}'], /fixRootOrientation must be 0 or 1/],
    ['merging another job', 'text2motion', [`t2m_rid=${parent.parentJobId}`, 'mergingRequest={"t2m_rid": "job_other0000000", "prompt": "x"}'], /same job and variant/],
    ['rerun with numVariant', 'text2motion', [`t2m_rid=${parent.parentJobId}`, 'numVariant=2', 'rerunRequest={"rerun": 1}'], /numVariant does not apply to a rerun/],
    [
      'inpaint interval backwards',
      'text2motion',
      [`t2m_rid=${parent.parentJobId}`, 'inPaintingRequest={"prompt": "x", "intervals": [{"start": 2, "end": 1}]}'],
      /^inPaintingRequest.intervals.0.end: /,
    ],
    ['camMode 5', 'render', [`t2m_rid=${parent.parentJobId}`, 'camMode=5'], /camMode must be 0/],
    ['unknown render param', 'render', [`t2m_rid=${parent.parentJobId}`, 'prompt="x"'], /Unknown render param prompt/],
    ['params not a list', 'text2motion', 'prompt="x"', /list of strings/],
  ] as const)('%s', (_name, processor, params, message) => {
    const err = wireError(() => parseWireJob(processor, params));
    expect(err.status).toBe(400);
    expect(err.code).toBe(1102);
    expect(err.message).toMatch(message);
  });

  it('an unknown processor is a 404', () => {
    expect(wireError(() => parseWireJob('video2motion', ['prompt="x"'])).status).toBe(404);
  });
});
