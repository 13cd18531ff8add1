import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPOSER, fieldsFromRequest } from '../state/composerFields.ts';
import { buildText2MotionRequest } from './text2motionRequest.ts';

describe('buildText2MotionRequest', () => {
  it('builds a full request from the form', () => {
    const req = buildText2MotionRequest({
      ...DEFAULT_COMPOSER,
      prompt: 'walks forward then waves',
      characterId: 'mannequin',
      variants: '4',
      durationSec: '6.5',
      seed: '42',
    });
    expect(req).toEqual({
      provider: 'local',
      kind: 'text2motion',
      prompt: 'walks forward then waves',
      characterId: 'mannequin',
      variants: 4,
      durationSec: 6.5,
      footLocking: 'auto',
      poseFiltering: 0.3,
      physicsFilter: true,
      seed: 42,
    });
  });

  it('omits empty optional numbers and the empty character', () => {
    const req = buildText2MotionRequest({ ...DEFAULT_COMPOSER, prompt: 'jump', variants: '', durationSec: ' ', seed: '' });
    expect(req).not.toHaveProperty('variants');
    expect(req).not.toHaveProperty('durationSec');
    expect(req).not.toHaveProperty('seed');
    expect(req).not.toHaveProperty('characterId');
  });

  it('sends unparseable numbers as typed so the server can explain', () => {
    const req = buildText2MotionRequest({ ...DEFAULT_COMPOSER, variants: 'many' }) as Record<string, unknown>;
    expect(req.variants).toBe('many');
  });
});

describe('fieldsFromRequest', () => {
  it('round-trips the form through a request', () => {
    const form = { ...DEFAULT_COMPOSER, prompt: 'bow', characterId: 'mannequin', variants: '3', durationSec: '4', seed: '7' };
    expect(fieldsFromRequest(buildText2MotionRequest(form) as Record<string, unknown>)).toEqual(form);
  });
});
