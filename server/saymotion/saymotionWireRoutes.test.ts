/**
 * The local SayMotion-compatible endpoint over HTTP (in-process): login and sessions, every route's
 * wire shape, errors in SayMotion's style, and Kinema's own SayMotion adapter driving it end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';
import type { CreateJobRequest, Job } from '../contract/api.ts';
import { SayMotionProvider } from '../providers/saymotion/saymotionProvider.ts';
import { CreditBalance, DownloadReply, ListModelsReply, ListReply, StatusReply } from '../providers/saymotion/wireSchemas.ts';
import { LOCAL_CREDITS } from './wireAccountRoutes.ts';

let t: TestServer;
let cookie: string;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

beforeAll(async () => {
  t = await startTestServer();
  cookie = await login();
});
afterAll(async () => {
  await t.close();
});

async function login(id = 'local', secret = 'local'): Promise<string> {
  const res = await t.app.request('/saymotion/account/v1/auth', { headers: { authorization: basic(id, secret) } });
  expect(res.status).toBe(200);
  const set = res.headers.get('set-cookie')!;
  expect(set).toMatch(/^dmsess=[A-Za-z0-9_-]+; Path=\/saymotion; Expires=.+; HttpOnly; SameSite=Lax$/);
  return set.split(';')[0]!;
}

async function wire(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await t.app.request(`/saymotion${path}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: json };
}

/** A job in a given state without running the engine, for the status mapping. */
async function storedJob(status: Job['status'], patch: Parameters<TestServer['services']['store']['update']>[1] = {}): Promise<Job> {
  const request: CreateJobRequest = {
    provider: 'local',
    kind: 'text2motion',
    prompt: 'walk',
    characterId: 'mannequin',
    variants: 1,
    durationSec: 0,
    footLocking: 'auto',
    poseFiltering: 0,
    physicsFilter: true,
    seed: 1,
  };
  const job = await t.services.store.create({ provider: 'local', request, parentJobId: null, parentVariant: null, idempotencyKey: null });
  return t.services.store.update(job.id, { status, ...patch });
}

describe('login', () => {
  it('refuses missing or wrong credentials with a SayMotion-style 401', async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: basic('local', 'nope') }, { authorization: basic('nope', 'local') }, { authorization: 'Basic !!!' }];
    for (const headers of attempts) {
      const res = await t.app.request('/saymotion/account/v1/auth', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(((await res.json()) as { message: string }).message).toMatch(/KINEMA_LOCAL_CLIENT_ID/);
    }
  });

  it('every other route needs a live session', async () => {
    for (const c of [undefined, 'dmsess=forged', 'other=1']) {
      const res = await t.app.request('/saymotion/account/v1/creditBalance', { headers: c ? { cookie: c } : {} });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toMatch(/account\/v1\/auth/);
    }
  });

  it('uses KINEMA_LOCAL_CLIENT_ID/SECRET when set', async () => {
    const other = await startTestServer({ KINEMA_LOCAL_CLIENT_ID: 'studio-sdk', KINEMA_LOCAL_CLIENT_SECRET: 'a-long-local-secret' });
    try {
      expect((await other.app.request('/saymotion/account/v1/auth', { headers: { authorization: basic('local', 'local') } })).status).toBe(401);
      expect((await other.app.request('/saymotion/account/v1/auth', { headers: { authorization: basic('studio-sdk', 'a-long-local-secret') } })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('account and characters', () => {
  it('reports a large fixed local balance, labelled as Kinema local', async () => {
    const res = await wire('GET', '/account/v1/creditBalance');
    const balance = CreditBalance.parse(res.body);
    expect(balance.credits).toBe(LOCAL_CREDITS);
    expect(balance.subscription?.name).toMatch(/^Kinema local/);
  });

  it('lists the local characters as stock models only when stockModel is given', async () => {
    const stock = ListModelsReply.parse((await wire('GET', '/character/v1/listModels?stockModel=all')).body);
    expect(stock).toContainEqual({ id: 'mannequin', name: 'Kinema mannequin', thumb: null, glb: null, platform: 'deepmotion' });
    expect(ListModelsReply.parse((await wire('GET', '/character/v1/listModels')).body)).toEqual([]);
    expect(ListModelsReply.parse((await wire('GET', '/character/v1/listModels?stockModel=all&searchToken=MANNE')).body)).toHaveLength(1);
    expect(ListModelsReply.parse((await wire('GET', '/character/v1/listModels?stockModel=all&modelId=nope')).body)).toEqual([]);
  });

  it('points character upload and Animate 3D import elsewhere with a 400', async () => {
    expect((await wire('GET', '/character/v1/getModelUploadUrl?modelExt=glb')).body.message).toMatch(/POST \/api\/characters/);
    expect((await wire('POST', '/job/v1/import/animate3d/x', { model: 'm', params: [] })).status).toBe(400);
  });
});

describe('process', () => {
  it('creates a local studio job whose rid is the job id', async () => {
    const res = await wire('POST', '/job/v1/process/text2motion', {
      params: ['prompt="He waves "hello""', 'model=mannequin', 'numVariant=2', 'requestedAnimationDuration=2.5', 'dis=s', 'footLockingMode=never', 'poseFilteringStrength=0.3'],
    });
    expect(res.status).toBe(200);
    const job = (await t.services.store.get(res.body.rid))!;
    expect(job.provider).toBe('local');
    expect(job.request).toMatchObject({
      kind: 'text2motion',
      prompt: 'He waves "hello"',
      characterId: 'mannequin',
      variants: 2,
      durationSec: 2.5,
      physicsFilter: false,
      footLocking: 'never',
      poseFiltering: 0.3,
    });
    await t.services.runner.cancel(job.id);
  });

  it('takes a prompt the local engine cannot read, as real SayMotion would (no 422; the job is marked as accepting idle takes)', async () => {
    const res = await wire('POST', '/job/v1/process/text2motion', { params: ['prompt="xyzzy plugh"', 'numVariant=1'] });
    expect(res.status).toBe(200);
    const job = (await t.services.store.get(res.body.rid))!;
    expect(job.request).toMatchObject({ kind: 'text2motion', prompt: 'xyzzy plugh', acceptIdleTake: true });
    await t.services.runner.cancel(job.id);
  });

  it.each([
    ['an unknown model', { params: ['prompt="walk"', 'model=dm_stock_male_01'] }, 400, 1105, /Unknown model "dm_stock_male_01"/],
    ['a bad param', { params: ['prompt="walk"', 'numVariant=12'] }, 400, 1102, /^numVariant: /],
    ['no params', {}, 400, 1102, /list of strings/],
    ['an unknown parent', { params: ['t2m_rid=job_000000000missing0000', 'loopRequest={"numReps": 2}'] }, 404, undefined, /No job job_000000000missing0000/],
  ] as const)('answers %s in SayMotion style', async (_name, body, status, code, message) => {
    const res = await wire('POST', '/job/v1/process/text2motion', body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toMatch(message);
    expect(Object.keys(res.body).sort()).toEqual(code === undefined ? ['message'] : ['code', 'message']);
  });

  it('a render goes through the same checks as the studio API (capability, then parent)', async () => {
    const res = await wire('POST', '/job/v1/process/render', { params: ['t2m_rid=job_000000000missing0000', 'camMode=1'] });
    if (t.services.providers.get('local')!.capabilities().includes('render')) {
      expect(res).toEqual({ status: 404, body: { message: expect.stringMatching(/No job job_000000000missing0000/) } });
    } else {
      expect(res).toEqual({ status: 400, body: { code: 1102, message: expect.stringMatching(/does not support "render"/) } });
    }
  });

  it('a body that is not JSON is a 400', async () => {
    const res = await t.app.request('/saymotion/job/v1/process/text2motion', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{"params": [' });
    expect(res.status).toBe(400);
  });
});

describe('status, download, list, cancel', () => {
  it('maps every job state to the SayMotion status shape, in one comma-list call', async () => {
    const queued = await storedJob('queued', { queuePosition: 3 });
    const starting = await storedJob('running', { progress: 0 });
    const running = await storedJob('running', { progress: 42.4 });
    const done = await storedJob('succeeded', { progress: 100 });
    const failed = await storedJob('failed', { error: { code: 'engine_error', message: 'The local engine failed.' } });
    const canceled = await storedJob('canceled');
    const ids = [queued, starting, running, done, failed, canceled].map((j) => j.id);
    const reply = StatusReply.parse((await wire('GET', `/job/v1/status/${[...ids, 'job_0000000000unknown000', 'not-a-rid'].join(',')}`)).body);
    expect(reply.count).toBe(6);
    const byRid = Object.fromEntries(reply.status.map((s) => [s.rid, s]));
    // Queue positions are computed on read (the stored value is only a marker), as GET /api/jobs/:id reports them.
    const live = (await t.services.store.get(queued.id))!.queuePosition;
    expect(live).toBeGreaterThanOrEqual(1);
    expect(byRid[queued.id]).toMatchObject({ status: 'PROGRESS', positionInQueue: live, details: { step: 0, total: 100 } });
    expect(byRid[starting.id]).toMatchObject({ status: 'STARTING', positionInQueue: 0 });
    expect(byRid[running.id]).toMatchObject({ status: 'PROGRESS', positionInQueue: 0, details: { step: 42, total: 100 } });
    expect(byRid[done.id]).toMatchObject({ status: 'SUCCESS', details: { in: 'prompt="walk"' } });
    expect(byRid[failed.id]).toMatchObject({ status: 'FAILURE', details: { exc_type: 'engine_error', exc_message: 'The local engine failed.' } });
    expect(byRid[canceled.id]).toMatchObject({ status: 'FAILURE', details: { exc_type: 'canceled' } });
  });

  it('download links are absolute URLs to the cached files, per variant, from the request host', async () => {
    const job = await storedJob('running');
    for (const [variant, format, bytes] of [
      [1, 'glb', 'glTF-one'],
      [1, 'bvh', 'HIERARCHY one'],
      [2, 'glb', 'glTF-two'],
      [2, 'fbx', 'Kaydara two'],
    ] as const) {
      const relPath = `${job.id}/v${variant}.${format}`;
      const written = await t.services.cache.write(relPath, new TextEncoder().encode(bytes));
      await t.services.store.putFile({ jobId: job.id, variant, format, relPath, ...written });
    }
    await t.services.store.update(job.id, {
      status: 'succeeded',
      variants: [
        { index: 1, durationSec: 2 },
        { index: 2, durationSec: 2 },
      ],
    });
    const pending = await storedJob('running');

    const one = DownloadReply.parse((await wire('GET', `/job/v1/download/${job.id}?variant_id=2`, undefined, { host: '127.0.0.5:8790' })).body);
    expect(one.links).toEqual([
      {
        rid: job.id,
        parameters: ['prompt="walk"', 'model=mannequin', 'footLockingMode=auto', 'poseFilteringStrength=0', 'numVariant=1'],
        renderJobList: [],
        variantDownloadStatus: true,
        urls: [
          {
            name: 'variant_2',
            files: [{ fbx: `http://127.0.0.5:8790/api/jobs/${job.id}/variants/2/files/fbx` }, { glb: `http://127.0.0.5:8790/api/jobs/${job.id}/variants/2/files/glb` }],
          },
        ],
      },
    ]);
    const res = await t.app.request(new URL(one.links[0]!.urls![0]!.files[1]!.glb!).pathname);
    expect(await res.text()).toBe('glTF-two');

    const many = DownloadReply.parse((await wire('GET', `/job/v1/download/${job.id},${pending.id},${job.id}?variant_id=1,1,7`)).body);
    expect(many.count).toBe(2); // a repeated rid is asked once
    expect(many.links[0]!.urls![0]!.files.map((f) => Object.keys(f)[0])).toEqual(['bvh', 'glb']);
    expect(many.links[1]).toEqual({ rid: pending.id });
    const wrongVariant = DownloadReply.parse((await wire('GET', `/job/v1/download/${job.id}?variant_id=5`)).body);
    expect(wrongVariant.links[0]).toMatchObject({ variantDownloadStatus: false, urls: [] });
  });

  it('lists local jobs, filtered by status and processor', async () => {
    const done = await storedJob('succeeded');
    const all = ListReply.parse((await wire('GET', '/job/v1/list')).body);
    expect(all.list.find((j) => j.rid === done.id)).toMatchObject({ processor: 'text2motion', status: 'SUCCESS', chargedAmount: 0 });
    const success = ListReply.parse((await wire('GET', '/job/v1/list/SUCCESS/text2motion')).body);
    expect(success.list.length).toBeGreaterThan(0);
    expect(success.list.every((j) => j.status === 'SUCCESS')).toBe(true);
    expect(ListReply.parse((await wire('GET', '/job/v1/list/SUCCESS/render')).body).list).toEqual([]);
    expect((await wire('GET', '/job/v1/list/DONE')).status).toBe(400);
  });

  it('cancels a queued job once; unknown rids are a 404', async () => {
    const queued = await storedJob('queued');
    expect((await wire('GET', `/job/v1/cancel/${queued.id}`)).body).toEqual({ result: true });
    expect((await t.services.store.get(queued.id))!.status).toBe('canceled');
    expect((await wire('GET', `/job/v1/cancel/${queued.id}`)).body).toEqual({ result: false });
    expect((await wire('GET', '/job/v1/cancel/job_0000000000unknown000')).status).toBe(404);
  });

  it('unknown paths are a SayMotion-style 404, never the SPA', async () => {
    const res = await wire('GET', '/job/v2/whatever');
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/No route GET/);
  });
});

describe('prompt optimisation', () => {
  it('splits into actionable prompts and reports them through prompt status', async () => {
    const { rid } = (await wire('POST', '/prompt/v1/optimize', { params: ['prompt="walk forward, then wave"', 'breakIntoActionablePrompts=1'] })).body;
    const status = StatusReply.parse((await wire('GET', `/prompt/v1/status/${rid}`)).body);
    expect(status.status[0]).toMatchObject({ rid, status: 'SUCCESS' });
    expect(JSON.parse(status.status[0]!.details!.out as string)).toEqual(['A person walk forward', 'A person wave']);
    expect((await wire('POST', '/prompt/v1/optimize', { params: ['breakIntoActionablePrompts=1'] })).status).toBe(400);
  });
});

describe("Kinema's own SayMotion adapter against the local endpoint", () => {
  it('runs a text2motion and a rerun through /saymotion on the local engine', async () => {
    const viaWire: typeof fetch = async (input, init) => t.app.request(new Request(input as RequestInfo | URL, init));
    const adapter = new SayMotionProvider(
      { baseUrl: 'http://127.0.0.1:8790/saymotion', clientId: 'local', clientSecret: 'local' },
      { fetch: viaWire, timing: { tracker: { intervalMs: 20 }, notReadyDelayMs: 10 } },
    );
    expect(await adapter.credits()).toBe(LOCAL_CREDITS);
    expect((await adapter.characters()).map((c) => c.id)).toContain('mannequin');
    expect(await adapter.optimizePrompt('walk then wave', { breakIntoActionablePrompts: true })).toEqual(['A person walk', 'A person wave']);

    // Drive the adapter through a second studio's runner whose "saymotion" is this studio's /saymotion.
    const outer = await startTestServer({ DM_API_SERVER_URL: 'http://127.0.0.1:8790/saymotion', DM_CLIENT_ID: 'local', DM_CLIENT_SECRET: 'local' });
    try {
      (outer.services.providers as Map<string, unknown>).set('saymotion', adapter);
      const created = await outer.json('POST', '/api/jobs', {
        provider: 'saymotion',
        kind: 'text2motion',
        prompt: 'a person walks forward then waves',
        variants: 2,
        durationSec: 2,
      });
      const job = await outer.waitForJob(created.body.id, 60_000);
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
      expect(job.variants[0]!.durationSec).toBeCloseTo(2, 0);
      const rid = (await outer.services.store.row(job.id))!.externalId!;
      const inner = (await t.services.store.get(rid))!;
      expect(inner.provider).toBe('local');
      // Every format the local engine made arrived, GLB and BVH at least.
      const formats = (j: Job) => j.variants.map((v) => v.files.map((f) => f.format).sort());
      expect(formats(job)).toEqual(formats(inner));
      expect(formats(job)[0]).toEqual(expect.arrayContaining(['bvh', 'glb']));
      // Byte for byte what the local engine produced.
      const a = new Uint8Array(await (await outer.app.request(job.variants[1]!.files.find((f) => f.format === 'glb')!.url)).arrayBuffer());
      const b = new Uint8Array(await (await t.app.request(inner.variants[1]!.files.find((f) => f.format === 'glb')!.url)).arrayBuffer());
      expect(a).toEqual(b);

      const rerun = await outer.json('POST', '/api/jobs', { provider: 'saymotion', kind: 'rerun', parentJobId: job.id, variant: 2, footLocking: 'always' });
      const rerunJob = await outer.waitForJob(rerun.body.id, 60_000);
      expect(rerunJob.status, JSON.stringify(rerunJob.error)).toBe('succeeded');
      const innerRerun = (await t.services.store.get((await outer.services.store.row(rerunJob.id))!.externalId!))!;
      expect(innerRerun).toMatchObject({ kind: 'rerun', parentJobId: rid, parentVariant: 2 });
    } finally {
      await outer.close();
    }
  });
});
