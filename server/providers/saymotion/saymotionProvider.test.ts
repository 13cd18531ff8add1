/**
 * The SayMotion provider driven through the real job runner: POST /api/jobs on a real Kinema server,
 * SayMotion played by the contract server on a real port.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { startSayMotionRig, waitForExternalId, type SayMotionRig } from '../../../test/contract/saymotionRig.ts';
import { validateGlb } from '../../../test/helpers/assetChecks.ts';
import { startTestServer } from '../../../test/helpers/testServer.ts';
import type { Job } from '../../contract/api.ts';
import type { JobEvent } from '../../jobs/eventBus.ts';
import { SAYMOTION_CAPABILITIES, type SayMotionProvider } from './saymotionProvider.ts';

let rig: SayMotionRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

async function start(...args: Parameters<typeof startSayMotionRig>): Promise<SayMotionRig> {
  rig = await startSayMotionRig(...args);
  return rig;
}

async function fileBytes(r: SayMotionRig, url: string): Promise<Uint8Array> {
  const res = await r.t.app.request(url);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** Every variant has every format SayMotion offers, byte for byte what the contract server served. */
async function expectAllFilesCached(r: SayMotionRig, job: Job, rid: string, formats = ['glb', 'bvh', 'fbx']) {
  for (const v of job.variants) {
    expect(v.files.map((f) => f.format).sort()).toEqual([...formats].sort());
    for (const f of v.files) {
      const got = await fileBytes(r, f.url);
      if (f.format === 'fbx') {
        // Served zipped; stored unpacked.
        const inner = Object.values(unzipSync(await r.contract.fileBytes(rid, v.index, 'fbx')))[0]!;
        expect(got).toEqual(inner);
        expect(new TextDecoder().decode(got.subarray(0, 18))).toBe('Kaydara FBX Binary');
      } else {
        expect(got).toEqual(await r.contract.fileBytes(rid, v.index, f.format));
      }
    }
  }
}

describe('text2motion through the job runner', () => {
  it('submits once with the mapped params, follows progress and caches every variant before succeeding', async () => {
    const r = await start({ ticks: { starting: 1, queued: 2, progress: 4 } });
    // Slower than the runner's 80 ms progress coalescing, so every upstream state becomes its own event.
    r.provider.setTiming({ tracker: { intervalMs: 120 } });
    const events: JobEvent[] = [];
    const off = r.t.services.bus.subscribe((e) => events.push(e));
    const created = await r.submit({
      kind: 'text2motion',
      prompt: 'He says "hi", waves\nthen bows',
      characterId: 'dm_stock_female_01',
      variants: 2,
      durationSec: 4,
      footLocking: 'always',
      poseFiltering: 0.5,
      physicsFilter: false,
    });
    const job = await r.t.waitForJob(created.id);
    off();
    expect(job.status).toBe('succeeded');
    expect(job.error).toBeNull();
    const rid = (await r.t.services.store.row(job.id))!.externalId!;
    expect(r.contract.count('process', { accepted: true })).toBe(1);
    expect(r.contract.count('process')).toBe(1);
    expect(r.contract.jobs.get(rid)!.params).toEqual([
      `prompt="He says 'hi', waves, then bows"`,
      'model=dm_stock_female_01',
      'requestedAnimationDuration=4',
      'dis=s',
      'footLockingMode=always',
      'poseFilteringStrength=0.5',
      'numVariant=2',
    ]);

    expect(job.variants.map((v) => v.index)).toEqual([1, 2]);
    // The clip length comes from the downloaded BVH's header.
    expect(job.variants[0]!.durationSec).toBeCloseTo(4, 1);
    await expectAllFilesCached(r, job, rid);
    const glb = await fileBytes(r, job.variants[0]!.files.find((f) => f.format === 'glb')!.url);
    expect((await validateGlb(glb)).numErrors).toBe(0);

    // The queue position and upstream progress reached the job's events.
    const mine = events.flatMap((e) => (e.job?.id === job.id ? [e.job] : []));
    expect(mine.some((j) => j.queuePosition === 2 && /queue/.test(j.stage ?? ''))).toBe(true);
    expect(mine.some((j) => j.status === 'running' && j.progress > 0 && j.progress <= 90 && j.stage === 'generating at SayMotion')).toBe(true);
    // Files were in the cache in the very event that first said "succeeded".
    const firstSucceeded = mine.find((j) => j.status === 'succeeded')!;
    expect(firstSucceeded.variants.every((v) => v.files.length === 3)).toBe(true);
    const lastFileFetch = Math.max(...r.contract.entries('file').map((e) => e.at));
    expect(lastFileFetch).toBeLessThanOrEqual(Date.parse(firstSucceeded.updatedAt));
    // Intermediates and DeepMotion's own format are skipped.
    expect(r.contract.entries('file').some((e) => /inter|dmpe/.test(e.path))).toBe(false);
    // Serving the cached files does not touch SayMotion.
    const before = r.contract.log.length;
    await fileBytes(r, job.variants[1]!.files[0]!.url);
    expect(r.contract.log.length).toBe(before);
  });

  it('uses a stock SayMotion character when the studio default (the local mannequin) is filled in', async () => {
    const r = await start();
    const job = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'jump' })).id);
    expect(job.status).toBe('succeeded');
    const rid = (await r.t.services.store.row(job.id))!.externalId!;
    expect(r.contract.jobs.get(rid)!.params).toContain('model=dm_stock_male_01');
  });

  it('keeps the FBX archive too when it holds more than the .fbx', async () => {
    const r = await start({ fbxZipWithExtras: true });
    const job = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'spin' })).id);
    expect(job.variants[0]!.files.map((f) => f.format).sort()).toEqual(['bvh', 'fbx', 'glb', 'zip']);
  });

  it('lists itself configured with credits, capabilities and characters', async () => {
    const r = await start();
    const providers = await r.t.json('GET', '/api/providers');
    expect(providers.body.find((p: { id: string }) => p.id === 'saymotion')).toEqual({
      id: 'saymotion',
      name: 'SayMotion',
      configured: true,
      capabilities: SAYMOTION_CAPABILITIES,
      credits: 5000,
    });
    const chars = await r.t.json('GET', '/api/characters?provider=saymotion');
    expect(chars.body).toEqual([
      { id: 'dm_stock_male_01', name: 'Stock Male', provider: 'saymotion' },
      { id: 'dm_stock_female_01', name: 'Stock Female', provider: 'saymotion' },
    ]);
  });
});

describe('edits of a SayMotion job', () => {
  it('runs every edit kind and a render on the parent rid; the strict contract server accepts each params list', async () => {
    const r = await start({ ticks: { starting: 1, queued: 0, progress: 2 } });
    const parent = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'walk', variants: 2 })).id);
    const parentRid = (await r.t.services.store.row(parent.id))!.externalId!;
    const edit = { parentJobId: parent.id, variant: 2 };
    const requests = [
      { kind: 'inpaint', prompt: 'raise "both" arms', intervals: [{ start: 0.5, end: 1.5 }] },
      { kind: 'merge', prompt: 'then sits', trimLeftFrames: 2, trimRightFrames: 3, blendSec: 0.5 },
      { kind: 'loop', reps: 3, blendSec: 0.4, rootFixMode: 'INTERPOLATION', fixAltitude: true, fixHorizontal: true, fixOrientation: false, acrossEntireMotion: false },
      { kind: 'refine', prompt: 'more energetic', creativity: 0.6, variants: 2 },
      { kind: 'rerun', footLocking: 'never', physicsFilter: false },
      { kind: 'render', bgColor: [0, 177, 64, 0], backdrop: 'studio', shadow: true, camMode: 'fixed', camAngleDeg: 30 },
    ];
    const jobs = await Promise.all(requests.map(async (req) => r.t.waitForJob((await r.submit({ ...req, ...edit })).id)));
    for (const [i, job] of jobs.entries()) {
      expect(job.status, `${requests[i]!.kind}: ${JSON.stringify(job.error)}`).toBe('succeeded');
      const rid = (await r.t.services.store.row(job.id))!.externalId!;
      const upstream = r.contract.jobs.get(rid)!;
      expect(upstream.parentRid).toBe(parentRid);
      expect(upstream.fields.get('variant_id')).toBe('2');
    }
    const byKind = Object.fromEntries(jobs.map((j) => [j.kind, j]));
    expect(byKind.refine!.variants).toHaveLength(2);
    expect(byKind.render!.variants[0]!.files.map((f) => f.format)).toEqual(['mp4']);
    expect(r.contract.jobs.get((await r.t.services.store.row(byKind.render!.id))!.externalId!)!.processor).toBe('render');
    // The rerun keeps the parent's character.
    expect(r.contract.jobs.get((await r.t.services.store.row(byKind.rerun!.id))!.externalId!)!.params).toContain('model=dm_stock_male_01');
    expect(r.contract.count('process', { accepted: true })).toBe(7);
  });

  it('refuses to edit a job another provider made, before contacting SayMotion', async () => {
    const r = await start();
    const store = r.t.services.store;
    const local = await store.create({
      provider: 'local',
      request: { provider: 'local', kind: 'text2motion', prompt: 'walk' },
      parentJobId: null,
      parentVariant: null,
      idempotencyKey: null,
    });
    await store.update(local.id, { status: 'succeeded', variants: [{ index: 1, durationSec: 2 }] });
    const job = await r.t.waitForJob((await r.submit({ kind: 'loop', parentJobId: local.id, variant: 1, reps: 2 })).id);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ code: 'parent_not_saymotion', message: expect.stringMatching(/SayMotion can only edit motions it generated.*made by the local provider/) });
    expect(r.contract.count('process')).toBe(0);
  });
});

describe('faults end in the right state, with nothing lost and nothing submitted twice', () => {
  const recovered: Array<[string, Parameters<SayMotionRig['contract']['inject']>[0][]]> = [
    ['429 with Retry-After on status', [{ endpoint: 'status', kind: '429', retryAfterSec: 1 }]],
    [
      '500 and 502 on status',
      [
        { endpoint: 'status', kind: '500', times: 2 },
        { endpoint: 'status', kind: '502', times: 2 },
      ],
    ],
    ['a status call that hangs', [{ endpoint: 'status', kind: 'hang' }]],
    ['a reset status connection', [{ endpoint: 'status', kind: 'reset' }]],
    ['malformed status JSON', [{ endpoint: 'status', kind: 'malformed', times: 2 }]],
    [
      '5xx and hangs while downloading',
      [
        { endpoint: 'download', kind: '503', times: 2 },
        { endpoint: 'file', kind: '502', times: 2 },
        { endpoint: 'file', kind: 'hang' },
      ],
    ],
    ['429 on submit (a refusal: resent)', [{ endpoint: 'process', kind: '429', retryAfterSec: 0 }]],
    ['401 on submit (a refusal: log in, resent)', [{ endpoint: 'process', kind: '401' }]],
  ];
  it.each(recovered)('%s → succeeded', async (_name, faults) => {
    const r = await start({ hangMs: 5000 });
    for (const f of faults) r.contract.inject(f);
    const job = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'walk', variants: 2 })).id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const rid = (await r.t.services.store.row(job.id))!.externalId!;
    await expectAllFilesCached(r, job, rid);
    expect(r.contract.count('process', { accepted: true })).toBe(1);
    expect(r.contract.jobs.size).toBe(1);
    expect(r.contract.log.filter((e) => e.fault !== null).length).toBe(faults.reduce((n, f) => n + (f.times ?? 1), 0));
  });

  it('a session that expires mid-job is renewed with exactly one new login', async () => {
    const r = await start({ ticks: { starting: 2, queued: 2, progress: 4 } });
    const created = await r.submit({ kind: 'text2motion', prompt: 'walk' });
    await waitForExternalId(r.t, created.id);
    while (r.contract.count('status') < 2) await new Promise((res) => setTimeout(res, 5));
    r.contract.expireSessions();
    const job = await r.t.waitForJob(created.id);
    expect(job.status).toBe('succeeded');
    expect(r.contract.count('auth')).toBe(2);
    expect(r.contract.entries('status').filter((e) => e.status === 401)).toHaveLength(1);
    expect(r.contract.count('process')).toBe(1);
  });

  const uncertain: Array<[string, Parameters<SayMotionRig['contract']['inject']>[0], number]> = [
    ['500 before acceptance', { endpoint: 'process', kind: '500' }, 0],
    ['502 after acceptance', { endpoint: 'process', kind: '502', afterAccept: true }, 1],
    ['a hang after acceptance', { endpoint: 'process', kind: 'hang', afterAccept: true }, 1],
    ['a connection reset after acceptance', { endpoint: 'process', kind: 'reset', afterAccept: true }, 1],
    ['an unreadable reply after acceptance', { endpoint: 'process', kind: 'malformed', afterAccept: true }, 1],
  ];
  it.each(uncertain)('submit with %s → failed as uncertain, never resent', async (_name, fault, upstreamJobs) => {
    const r = await start({ hangMs: 5000 });
    r.contract.inject(fault);
    const job = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'walk' })).id);
    expect(job.status).toBe('failed');
    expect(job.error!.code).toBe('submit_uncertain');
    expect(job.error!.message).toMatch(/may or may not have been accepted.*Check your SayMotion job list/);
    expect(r.contract.count('process')).toBe(1);
    expect(r.contract.jobs.size).toBe(upstreamJobs);
    expect((await r.t.services.store.row(job.id))!.externalId).toBeNull();
    // Nothing polls for a job whose id is unknown.
    expect(r.contract.count('status')).toBe(0);
  });

  it.each([
    [101, 'insufficient_credit', /not have enough credit/],
    [905, 'character_no_skinned_mesh', /no skinned mesh/],
    [1107, 'backdrop_failed', /backdrop/],
  ] as const)('FAILURE %i → failed with %s', async (code, errorCode, message) => {
    const r = await start();
    r.contract.failNextJobs(code);
    const job = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'walk' })).id);
    expect(job.status).toBe('failed');
    expect(job.error!.code).toBe(errorCode);
    expect(job.error!.message).toMatch(message);
    expect(r.contract.count('process')).toBe(1);
    expect(r.contract.count('download')).toBe(0);
  });

  it('a submit refused with a documented code reports that code', async () => {
    const r = await start({ maxVariants: 8 });
    const job = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'walk', characterId: 'no_such_model' })).id);
    expect(job.status).toBe('failed');
    expect(job.error!.code).toBe('character_load_failed');
  });

  it('asking for more variants than the plan allows fails before submitting', async () => {
    const r = await start({ maxVariants: 2 });
    const job = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'walk', variants: 5 })).id);
    expect(job.error).toEqual({ code: 'too_many_variants', message: 'Your SayMotion plan allows up to 2 variants per job; ask for 2 or fewer.' });
    expect(r.contract.count('process')).toBe(0);
  });

  it('wrong credentials fail the job with a message naming the settings, not the values', async () => {
    const r = await start({ echoCredentialsInErrors: true }, { secret: 'wrong-secret-789' });
    const job = await r.t.waitForJob((await r.submit({ kind: 'text2motion', prompt: 'walk' })).id);
    expect(job.status).toBe('failed');
    expect(job.error!.code).toBe('saymotion_auth_failed');
    expect(job.error!.message).toMatch(/DM_CLIENT_ID and DM_CLIENT_SECRET/);
    expect(JSON.stringify(job)).not.toMatch(/wrong-secret-789|test-id-123/);
  });
});

describe('cancel and restart', () => {
  it('cancel passes the cancel on to SayMotion once', async () => {
    const r = await start({ ticks: { starting: 10_000 } });
    const created = await r.submit({ kind: 'text2motion', prompt: 'walk' });
    const rid = await waitForExternalId(r.t, created.id);
    const res = await r.t.json('POST', `/api/jobs/${created.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('canceled');
    await r.t.services.runner.whenSettled(created.id);
    expect(r.contract.entries('cancel').map((e) => e.rids)).toEqual([[rid]]);
    expect(r.contract.jobs.get(rid)!.canceled).toBe(true);
    expect((await r.t.services.store.get(created.id))!.status).toBe('canceled');
    const polls = r.contract.count('status');
    await new Promise((res) => setTimeout(res, 60));
    expect(r.contract.count('status')).toBe(polls);
  });

  it('a restart resumes tracking the saved rid instead of resubmitting, and does not cancel upstream', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-sm-resume-'));
    try {
      const first = await startSayMotionRig({ ticks: { starting: 30, queued: 0, progress: 2 } }, { dataDir });
      const created = await first.submit({ kind: 'text2motion', prompt: 'walk', variants: 2 });
      const rid = await waitForExternalId(first.t, created.id);
      await first.t.close(); // the runner stops; the job stays "running" in the database
      expect(first.contract.count('cancel')).toBe(0);

      // Same contract server (SayMotion keeps running), new Kinema process on the same data dir.
      const t2 = await startTestServer(first.env, dataDir);
      const provider = t2.services.providers.get('saymotion') as SayMotionProvider;
      provider.setTiming({ tracker: { intervalMs: 10 }, notReadyDelayMs: 10 });
      expect(await t2.services.runner.resumeAll()).toBe(1);
      const job = await t2.waitForJob(created.id);
      expect(job.status).toBe('succeeded');
      expect(job.variants).toHaveLength(2);
      expect(first.contract.count('process')).toBe(1);
      expect(first.contract.count('cancel')).toBe(0);
      expect(first.contract.entries('status').at(-1)!.rids).toEqual([rid]);
      await t2.close();
      await first.contract.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('many jobs', () => {
  it('50 jobs through the runner: one status request per tick carrying every active rid', async () => {
    const r = await start({ ticks: { starting: 1, queued: 2, progress: 30 } });
    // 50 submissions at once share one event loop with the contract server: on a loaded machine some took
    // longer than the rig's 1.5 s fault-test timeout and failed as submit_uncertain. Timeouts are not
    // what this test is about (the fault tests above cover them), so it gives SayMotion room to answer.
    r.provider.setTiming({ client: { requestTimeoutMs: 20_000 }, tracker: { intervalMs: 25 } });
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => r.submit({ kind: 'text2motion', prompt: `walk ${i}` })));
    const jobs = await Promise.all(created.map((j) => r.t.waitForJob(j.id, 60_000)));
    expect(jobs.filter((j) => j.status !== 'succeeded').map((j) => j.error)).toEqual([]);
    const stats = r.provider.trackerStats();
    expect(r.contract.count('status')).toBe(stats.ticks);
    expect(stats.statusRequests).toBe(stats.ticks);
    expect(Math.max(...r.contract.entries('status').map((e) => e.rids.length))).toBe(50);
    expect(r.contract.count('process', { accepted: true })).toBe(50);
    expect(r.contract.count('process')).toBe(50);
  });
});
