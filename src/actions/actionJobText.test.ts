import { describe, expect, it } from 'vitest';
import type { ProviderId } from '../../server/contract/api.ts';
import { actionJobTitle, actionVariantLabel, isActionJob, NO_LOOKUPS, postProcessLabel } from './actionJobText.ts';
import type { ActionLookups } from './actionJobText.ts';

const names: Record<string, Record<number, string>> = { meshy: { 0: 'Idle', 466: 'Regular_Jump' }, local: { 1: 'Walking', 24: 'Wave Hello' } };
const lookups: ActionLookups = {
  actionName: (p: ProviderId, id: number) => names[p]?.[id],
  characterName: (id) => (id === 'chr_hero000001' ? 'Hero' : undefined),
};
const job = (kind: string, provider: ProviderId, request: Record<string, unknown>) => ({ kind: kind as 'rig', provider, request });

describe('action job titles', () => {
  it('names the character a rig job rigs', () => {
    expect(actionJobTitle(job('rig', 'local', { characterId: 'mannequin' }), lookups)).toBe('Rig Kinema mannequin');
    expect(actionJobTitle(job('rig', 'meshy', { characterId: 'chr_hero000001' }), lookups)).toBe('Rig Hero');
    // A deleted character still has a recognisable title.
    expect(actionJobTitle(job('rig', 'meshy', { characterId: 'chr_gone000001' }), lookups)).toBe('Rig chr_gone000001');
    expect(actionJobTitle(job('rig', 'meshy', { sourceTaskId: 'abc-1' }), lookups)).toBe('Rig Meshy model abc-1');
  });

  it('lists an animation’s actions in order, by the library of its provider', () => {
    expect(actionJobTitle(job('animate', 'meshy', { actionIds: [466, 0] }), lookups)).toBe('Animate: Regular Jump, Idle');
    expect(actionJobTitle(job('animate', 'local', { actionIds: [24, 99] }), lookups)).toBe('Animate: Wave Hello, #99');
    expect(actionJobTitle(job('animate', 'local', { actionIds: [1] }), NO_LOOKUPS)).toBe('Animate: #1');
    expect(actionJobTitle(job('animate', 'meshy', { motionJobId: 'job_x', motionSource: { prompt: 'a jump' } }), lookups)).toBe('Animate with text-to-motion: “a jump”');
  });

  it('is only for the action kinds', () => {
    expect(isActionJob({ kind: 'rig' })).toBe(true);
    expect(isActionJob({ kind: 'textToMotion' })).toBe(true);
    expect(isActionJob({ kind: 'text2motion' })).toBe(false);
  });
});

describe('variant labels', () => {
  it('rig: the character, then the walk and run clips', () => {
    const rig = job('rig', 'meshy', { characterId: 'chr_hero000001' });
    expect([1, 2, 3, 4].map((i) => actionVariantLabel(rig, i, lookups))).toEqual(['Rigged character', 'Walking', 'Running', null]);
  });

  it('local animate: one variant per action; Meshy: one merged file, then the post-processed one', () => {
    expect([1, 2].map((i) => actionVariantLabel(job('animate', 'local', { actionIds: [1, 24] }), i, lookups))).toEqual(['Walking', 'Wave Hello']);
    const meshy = job('animate', 'meshy', { actionIds: [466, 0], postProcess: { operation: 'change_fps', fps: 60 } });
    expect(actionVariantLabel(meshy, 1, lookups)).toBe('2 actions in one file');
    expect(actionVariantLabel(meshy, 2, lookups)).toBe('FBX at 60 fps');
    expect(actionVariantLabel(job('animate', 'meshy', { actionIds: [0] }), 1, lookups)).toBe('Idle');
    expect(actionVariantLabel(job('textToMotion', 'meshy', { prompt: 'x' }), 1, lookups)).toBe('Motion clip');
    expect(actionVariantLabel(job('text2motion', 'local', { prompt: 'x' }), 1, lookups)).toBeNull();
  });

  it('post-processing in words', () => {
    expect(postProcessLabel({ operation: 'extract_armature' })).toBe('Armature-only FBX');
    expect(postProcessLabel({ operation: 'change_fps' })).toBe('FBX at 30 fps');
    expect(postProcessLabel(undefined)).toBeNull();
  });
});
