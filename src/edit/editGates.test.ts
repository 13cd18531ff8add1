import { describe, expect, it } from 'vitest';
import type { ProviderInfo } from '../../server/contract/api.ts';
import { estimateCost } from './costEstimate.ts';
import { EDIT_ACTIONS, gateEditActions, optimizerChoices } from './editGates.ts';
import type { GateJob } from './editGates.ts';

const LOCAL: ProviderInfo = {
  id: 'local',
  name: 'Local engine (offline)',
  configured: true,
  capabilities: ['text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'characters'],
  credits: null,
};
const SAYMOTION: ProviderInfo = {
  id: 'saymotion',
  name: 'SayMotion',
  configured: true,
  capabilities: ['text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'render', 'optimizePrompt'],
  credits: 120,
};
const SAYMOTION_OFF: ProviderInfo = { ...SAYMOTION, configured: false, capabilities: [], credits: null };
const MESHY: ProviderInfo = { id: 'meshy', name: 'Meshy', configured: true, capabilities: ['rig', 'animate', 'textToMotion'], credits: 40 };

const variant = { index: 1, durationSec: 4, files: [] };
const job = (p: Partial<GateJob> = {}): GateJob => ({ provider: 'local', kind: 'text2motion', status: 'succeeded', variants: [variant], ...p });

describe('gateEditActions', () => {
  it('offers every local edit except render, which is explained', () => {
    const { gates, note } = gateEditActions(job(), [LOCAL, SAYMOTION_OFF]);
    expect(note).toBeNull();
    for (const a of ['inpaint', 'merge', 'loop', 'refine', 'rerun'] as const) expect(gates[a]).toEqual({ state: 'ready' });
    expect(gates.render.state).toBe('blocked');
    expect(gates.render.state === 'blocked' && gates.render.reason).toMatch(/can't render video.*SayMotion/);
  });

  it('names the provider that can do what this one cannot', () => {
    const { gates } = gateEditActions(job(), [LOCAL, SAYMOTION]);
    expect(gates.render.state === 'blocked' && gates.render.reason).toMatch(/SayMotion can, on motions it generated/);
  });

  it('offers render for a SayMotion job when SayMotion can render', () => {
    const { gates } = gateEditActions(job({ provider: 'saymotion' }), [LOCAL, SAYMOTION]);
    expect(EDIT_ACTIONS.every((a) => gates[a].state === 'ready')).toBe(true);
  });

  it('blocks everything, with a fix, when the job’s provider is not configured', () => {
    const r = gateEditActions(job({ provider: 'saymotion' }), [LOCAL, SAYMOTION_OFF]);
    expect(EDIT_ACTIONS.every((a) => r.gates[a].state === 'blocked')).toBe(true);
    expect(r.note).toMatch(/isn't configured.*\.env/);
  });

  it('blocks SayMotion edits at a zero balance', () => {
    const r = gateEditActions(job({ provider: 'saymotion' }), [LOCAL, { ...SAYMOTION, credits: 0 }]);
    expect(r.gates.loop).toEqual({ state: 'blocked', reason: expect.stringMatching(/0 credits/) });
  });

  it('explains that the local engine reruns prompt jobs only', () => {
    const { gates } = gateEditActions(job({ kind: 'loop' }), [LOCAL]);
    expect(gates.rerun.state === 'blocked' && gates.rerun.reason).toMatch(/reruns prompt jobs only.*loop edit/);
    expect(gates.refine.state).toBe('ready');
    expect(gateEditActions(job({ kind: 'rerun' }), [LOCAL]).gates.rerun.state).toBe('ready');
  });

  it('hides edits for jobs without motion takes and for providers without edits', () => {
    expect(gateEditActions(job({ kind: 'rig' }), [LOCAL]).gates.inpaint).toEqual({ state: 'hidden' });
    expect(gateEditActions(job({ kind: 'render', provider: 'saymotion' }), [SAYMOTION]).note).toMatch(/render jobs/);
    const meshy = gateEditActions(job({ provider: 'meshy' }), [LOCAL, MESHY]);
    expect(meshy.gates.merge).toEqual({ state: 'hidden' });
    expect(meshy.note).toMatch(/Meshy jobs can't be edited/);
    expect(gateEditActions(undefined, [LOCAL]).gates.loop).toEqual({ state: 'hidden' });
  });

  it('waits for running jobs and the provider list instead of guessing', () => {
    expect(gateEditActions(job({ status: 'running', variants: [] }), [LOCAL]).gates.inpaint).toMatchObject({ state: 'blocked', reason: expect.stringMatching(/cancel/) });
    expect(gateEditActions(job({ status: 'failed', variants: [] }), [LOCAL]).gates.loop).toMatchObject({ state: 'blocked', reason: expect.stringMatching(/Retry/) });
    expect(gateEditActions(job(), undefined).gates.merge).toMatchObject({ state: 'blocked', reason: expect.stringMatching(/Checking/) });
  });
});

describe('optimizerChoices', () => {
  it('always offers the local rules; SayMotion only when configured with the capability', () => {
    expect(optimizerChoices([LOCAL, SAYMOTION_OFF]).map((c) => [c.provider, c.available])).toEqual([
      ['local', true],
      ['saymotion', false],
    ]);
    expect(optimizerChoices([LOCAL, SAYMOTION])[1]).toMatchObject({ available: true, reason: null });
    expect(optimizerChoices([LOCAL, { ...SAYMOTION, capabilities: ['text2motion'] }])[1]!.reason).toMatch(/doesn't offer/);
    expect(optimizerChoices(undefined)[1]!.reason).toMatch(/Checking/);
  });
});

describe('estimateCost', () => {
  it('is free on the local engine', () => {
    expect(estimateCost(LOCAL, 'loop')).toMatchObject({ credits: 0, affordable: true });
  });
  it('does not invent SayMotion prices but shows the balance', () => {
    expect(estimateCost(SAYMOTION, 'inpaint')).toMatchObject({ credits: null, text: expect.stringMatching(/balance 120 cr/) });
    expect(estimateCost({ ...SAYMOTION, credits: 0 }, 'inpaint').affordable).toBe(false);
  });
  it('uses Meshy’s published prices', () => {
    expect(estimateCost(MESHY, 'animate', { actions: 4 }).credits).toBe(12);
    expect(estimateCost(MESHY, 'textToMotion', { mode: 'swift' }).credits).toBe(3);
    expect(estimateCost({ ...MESHY, credits: 4 }, 'rig').affordable).toBe(false);
  });
});
