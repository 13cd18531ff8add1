/** The adapter methods beyond running jobs: characters, Animate 3D import, job list, prompt optimisation, cancel. */
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFbx, fixtureGlb } from '../../../test/contract/contractFixtures.ts';
import { SayMotionContractServer, type ContractOptions } from '../../../test/contract/saymotionServer.ts';
import type { JobContext } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import { SayMotionProvider } from './saymotionProvider.ts';

const BASE = 'http://saymotion.contract';
let contract: SayMotionContractServer;

function setup(opts: Partial<ContractOptions> = {}) {
  contract = new SayMotionContractServer({ clientId: 'test-id-123', clientSecret: 'test-secret-456', ...opts });
  return new SayMotionProvider(
    { baseUrl: BASE, clientId: 'test-id-123', clientSecret: 'test-secret-456' },
    { fetch: contract.fetch, timing: { client: { backoffBaseMs: 5 }, tracker: { intervalMs: 10 }, cacheMs: 60_000 } },
  );
}

afterEach(async () => {
  await contract?.close();
});

async function providerError(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

describe('characters', () => {
  it('lists stock and custom models with credits, and caches them', async () => {
    const p = setup();
    expect(await p.credits()).toBe(5000);
    expect(await p.characters()).toEqual([
      { id: 'dm_stock_male_01', name: 'Stock Male', provider: 'saymotion' },
      { id: 'dm_stock_female_01', name: 'Stock Female', provider: 'saymotion' },
    ]);
    await p.characters();
    expect(contract.count('listModels')).toBe(1);
    expect(contract.entries('listModels')[0]!.path).toBe('/character/v1/listModels');
  });

  it('uploads through a signed URL, stores the model and lists it', async () => {
    const p = setup();
    await p.characters();
    const bytes = fixtureGlb('hero');
    const { modelId } = await p.uploadCharacter({ name: 'Hero', ext: 'glb', bytes });
    expect(contract.count('uploadUrl')).toBe(1);
    expect(contract.entries('upload').map((e) => e.method)).toEqual(['PUT']);
    // Signed URLs: neither the Basic credentials nor the session go to storage.
    expect(contract.entries('upload').every((e) => !e.authorization && !e.cookie)).toBe(true);
    expect([...contract.uploads.values()]).toEqual([bytes]);
    expect(contract.count('storeModel', { accepted: true })).toBe(1);
    // The cached list is dropped after an upload.
    expect((await p.characters()).find((c) => c.id === modelId)).toEqual({ id: modelId, name: 'Hero', provider: 'saymotion' });
  });

  it('uploads resumably (start a session, then PUT) with a thumbnail', async () => {
    const p = setup();
    contract.inject({ endpoint: 'upload', kind: '503' });
    const { modelId } = await p.uploadCharacter({ name: 'Runner', ext: 'fbx', bytes: fixtureFbx('runner'), thumbnail: { ext: 'png', bytes: png }, resumable: true });
    const uploads = contract.entries('upload').map((e) => `${e.method} ${e.status}`);
    // The 503 on starting the first session is retried; a session start is safe to repeat.
    expect(uploads).toEqual(['POST 503', 'POST 201', 'PUT 200', 'POST 201', 'PUT 200']);
    expect([...contract.uploads.values()]).toEqual([fixtureFbx('runner'), png]);
    expect(contract.models.find((m) => m.id === modelId)?.name).toBe('Runner');
  });

  it('refuses a file that is not what its extension says, before any request', async () => {
    const p = setup();
    const err = await providerError(p.uploadCharacter({ name: 'Fake', ext: 'fbx', bytes: fixtureGlb('not fbx') }));
    expect(err.code).toBe('invalid_character');
    expect(err.message).toMatch(/not a valid \.fbx file/);
    expect(await providerError(p.uploadCharacter({ name: 'a/b', ext: 'glb', bytes: fixtureGlb('x') }))).toMatchObject({ code: 'invalid_character' });
    expect(contract.log).toHaveLength(0);
  });

  it('never resends storeModel when its reply is lost', async () => {
    const p = setup();
    contract.inject({ endpoint: 'storeModel', kind: '502', afterAccept: true });
    const err = await providerError(p.uploadCharacter({ name: 'Hero', ext: 'glb', bytes: fixtureGlb('x') }));
    expect(err.code).toBe('submit_uncertain');
    expect(contract.count('storeModel')).toBe(1);
  });

  it('deletes a custom model (count 1, then 0)', async () => {
    const p = setup();
    const { modelId } = await p.uploadCharacter({ name: 'Temp', ext: 'glb', bytes: fixtureGlb('t') });
    expect(await p.deleteCharacter(modelId)).toBe(1);
    expect(await p.deleteCharacter(modelId)).toBe(0);
    expect(contract.entries('deleteModel').map((e) => `${e.method} ${e.path}`)).toEqual([
      `DELETE /character/v1/deleteModel/${modelId}`,
      `DELETE /character/v1/deleteModel/${modelId}`,
    ]);
  });
});

describe('jobs beyond run()', () => {
  it('imports an Animate 3D job once and finds it in the job list', async () => {
    const p = setup();
    const rid = await p.importAnimate3d('a3d_rid_1', 'dm_stock_male_01', ['formats=bvh,fbx']);
    expect(contract.jobs.get(rid)!.params).toEqual(['formats=bvh,fbx']);
    expect(contract.entries('import').map((e) => e.path)).toEqual(['/job/v1/import/animate3d/a3d_rid_1']);
    const listed = await p.listJobs();
    expect(listed.map((j) => j.rid)).toEqual([rid]);
    expect(listed[0]).toMatchObject({ processor: 'text2motion', status: 'STARTING', chargedAmount: 0 });
  });

  it('builds the documented list paths from statuses and processor', async () => {
    const p = setup();
    await p.listJobs();
    await p.listJobs({ statuses: ['success', 'FAILURE'], processor: 'text2motion' });
    await p.listJobs({ processor: 'render' });
    await p.listJobs({ statuses: ['PROGRESS'] });
    expect(contract.entries('list').map((e) => [e.path, e.status])).toEqual([
      ['/job/v1/list', 200],
      ['/job/v1/list/SUCCESS,FAILURE/text2motion', 200],
      ['/job/v1/list/STARTING,PROGRESS,RETRY,SUCCESS,FAILURE/render', 200],
      ['/job/v1/list/PROGRESS', 200],
    ]);
  });

  it('cancels a running request', async () => {
    const p = setup({ ticks: { starting: 100 } });
    const rid = await p.importAnimate3d('a3d', 'dm_stock_male_01', []);
    expect(await p.cancel(rid)).toBe(true);
    expect(contract.jobs.get(rid)!.canceled).toBe(true);
    expect(await p.cancel(rid)).toBe(false);
  });
});

describe('prompt optimisation', () => {
  it('submits the prompt, follows its status and returns the optimised prompts', async () => {
    const p = setup({ optimizeTicks: 2 });
    const prompts = await p.optimizePrompt('walk "fast", then wave', { breakIntoActionablePrompts: true });
    expect(prompts).toEqual(["A person walk 'fast'", 'A person wave']);
    expect(contract.count('optimize', { accepted: true })).toBe(1);
    expect(contract.count('promptStatus')).toBe(3);
  });

  it('a timeout or an empty prompt is a ProviderError', async () => {
    const p = setup({ optimizeTicks: 1000 });
    const err = await providerError(p.optimizePrompt('walk', { timeoutMs: 100 }));
    expect(err.code).toBe('optimize_timeout');
    expect(await providerError(p.optimizePrompt('  '))).toMatchObject({ code: 'invalid_prompt' });
  });
});

describe('without credentials', () => {
  it('is listed as not configured and refuses to run', async () => {
    const p = new SayMotionProvider(null);
    expect(p.configured()).toBe(false);
    const ctx = { request: { provider: 'saymotion', kind: 'text2motion', prompt: 'x' }, parent: null, externalId: null } as unknown as JobContext;
    expect(await providerError(p.run(ctx))).toMatchObject({ code: 'provider_not_configured' });
  });
});
