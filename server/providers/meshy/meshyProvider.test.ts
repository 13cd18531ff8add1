/**
 * MeshyProvider.run against the Meshy contract server (in-process): every job kind, every fault
 * class, and the rule that a paid create is never made twice — counted from the server's own log
 * of tasks it created (and billed), under every fault.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CharacterStore } from '../../characters/characterStore.ts';
import { ProviderError } from '../provider.ts';
import { MeshyContractServer, type MeshyServerOptions } from '../../../test/contract/meshyServer.ts';
import { recordedContext, rigParent, type RecordedContext } from '../../../test/contract/meshyJobContext.ts';
import { WebIO } from '@gltf-transform/core';
import { glbAsset } from '../../../test/contract/meshyAssets.ts';
import { pendingMarker } from './externalId.ts';
import { MeshyProvider } from './meshyProvider.ts';

const FAST = {
  client: { createTimeoutMs: 400, requestTimeoutMs: 2_000 },
  track: { pollIntervalMs: 20, streamIdleMs: 250, reopenDelayMs: 10, maxBackoffMs: 100 },
  submit: { rateLimitBaseMs: 10, busyRetryMs: 30, maxBackoffMs: 100, reconcileDelayMs: 10, reconcileAttempts: 2 },
  download: { retryDelayMs: 10 },
};

let server: MeshyContractServer;
let provider: MeshyProvider;
let dir: string;
let characters: CharacterStore;

function setup(opts: MeshyServerOptions = {}) {
  server = new MeshyContractServer(opts);
  provider = new MeshyProvider({ baseUrl: server.baseUrl, apiKey: server.apiKey, assetHosts: server.assetHosts }, { fetch: server.fetch, timing: FAST, characters });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-meshy-'));
  characters = new CharacterStore(path.join(dir, 'characters'));
  setup();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function runExpectingError(ctx: RecordedContext): Promise<ProviderError> {
  const err = await provider.run(ctx).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the job should have failed').toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

const rigFromTask = () => recordedContext({ provider: 'meshy', kind: 'rig', sourceTaskId: 'src_model_1', heightMeters: 1.8 });

async function succeededRig(): Promise<string> {
  server.seedTask('text-to-3d', 'src_model_1');
  const ctx = rigFromTask();
  await provider.run(ctx);
  return ctx.storedExternalId()!;
}

describe('rigging', () => {
  it('rigs an uploaded character sent as a GLB data URI and caches character, walk and run', async () => {
    const glb = await glbAsset(null, null, 'uploaded hero');
    const meta = await characters.add('Hero', 'glb', glb);
    const ctx = recordedContext({ provider: 'meshy', kind: 'rig', characterId: meta.id, heightMeters: 1.7 });
    await provider.run(ctx);

    const post = server.posts('rigging');
    expect(post).toHaveLength(1);
    expect(server.createdTasks('rigging')).toHaveLength(1);
    const taskId = server.createdTasks('rigging')[0]!;
    // The task id was persisted (after the pending marker) before anything else happened.
    expect(ctx.externalIds[0]).toMatch(/^meshy-pending:\d+$/);
    expect(ctx.externalIds[1]).toBe(taskId);
    expect([...ctx.files.keys()].sort()).toEqual(['1.fbx', '1.glb', '2.fbx', '2.glb', '3.fbx', '3.glb']);
    expect(new TextDecoder('latin1').decode(ctx.file(1, 'fbx')!.subarray(0, 18))).toBe('Kaydara FBX Binary');
    expect(ctx.durations.get(1)).toBe(0);
    expect(ctx.durations.get(2)).toBeCloseTo(31 / 30, 4);
    expect(ctx.durations.get(3)).toBeCloseTo(19 / 30, 4);
    // Progress only moves forward and ends at 100.
    const percents = ctx.updates.map((u) => u.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    // The API key went to the API only; asset downloads carried no credentials.
    for (const r of server.log) {
      if (r.path.startsWith('/assets/')) expect(r.authorization).toBeNull();
      else expect(r.authorization).toBe(`Bearer ${server.apiKey}`);
    }
    expect(server.log.filter((r) => r.path.startsWith('/assets/') && r.status === 200)).toHaveLength(6);
  });

  it('rigs from a Meshy task id with the requested height', async () => {
    await succeededRig();
    expect(server.createdTasks('rigging')).toHaveLength(1);
  });

  it('422: a model that is not a humanoid fails with a clear message and nothing is retried', async () => {
    server.seedTask('text-to-3d', 'src_model_1');
    server.fault({ on: 'create', resource: 'rigging', status: 422, message: 'Pose estimation failed' });
    const err = await runExpectingError(rigFromTask());
    expect(err.code).toBe('not_humanoid');
    expect(err.message).toMatch(/not a usable humanoid/);
    expect(server.posts('rigging')).toHaveLength(1);
  });

  it('402: not enough credits', async () => {
    setup({ balance: 2 });
    server.seedTask('text-to-3d', 'src_model_1');
    const err = await runExpectingError(rigFromTask());
    expect(err.code).toBe('insufficient_credits');
    expect(err.message).toMatch(/Not enough Meshy credits.*5 credits/);
    expect(server.createdTasks()).toHaveLength(0);
  });

  it('a task that ends FAILED reports Meshy’s reason', async () => {
    server.seedTask('text-to-3d', 'src_model_1');
    server.fault({ on: 'task', resource: 'rigging', fail: { message: 'Pose estimation failed', type: 'invalid_input' } });
    const err = await runExpectingError(rigFromTask());
    expect(err.code).toBe('not_humanoid');
    expect(err.message).toContain('Pose estimation failed');
  });
});

describe('animation and text-to-motion', () => {
  it('animates a rig with several library actions in one file, with post-processing to USDZ', async () => {
    const rigId = await succeededRig();
    const ctx = recordedContext(
      { provider: 'meshy', kind: 'animate', parentJobId: 'job_parent00000000', actionIds: [0, 466, 4], postProcess: { operation: 'fbx2usdz' } },
      { parent: rigParent(rigId) },
    );
    await provider.run(ctx);
    expect([...ctx.files.keys()].sort()).toEqual(['1.fbx', '1.glb', '1.usdz']);
    // One merged file, one clip per action named by its library key, in the order asked for.
    const merged = await new WebIO().readBinary(ctx.file(1, 'glb')!);
    expect(
      merged
        .getRoot()
        .listAnimations()
        .map((a) => a.getName()),
    ).toEqual(['Idle', 'Regular_Jump', 'Attack']);
    expect(ctx.durations.get(1)).toBeCloseTo(2, 4);
    const body = server.taskObject(server.createdTasks('animations')[0]!);
    expect(body?.status).toBe('SUCCEEDED');
  });

  it('one action goes as action_id; change_fps adds the re-timed FBX as variant 2', async () => {
    const rigId = await succeededRig();
    const ctx = recordedContext(
      { provider: 'meshy', kind: 'animate', parentJobId: 'job_parent00000000', actionIds: [28], postProcess: { operation: 'change_fps', fps: 60 } },
      { parent: rigParent(rigId) },
    );
    await provider.run(ctx);
    expect([...ctx.files.keys()].sort()).toEqual(['1.fbx', '1.glb', '2.fbx']);
  });

  it('an unknown action id is a 400 that points at the library', async () => {
    const rigId = await succeededRig();
    const err = await runExpectingError(
      recordedContext({ provider: 'meshy', kind: 'animate', parentJobId: 'job_parent00000000', actionIds: [99999] }, { parent: rigParent(rigId) }),
    );
    expect(err.code).toBe('unknown_action');
    expect(err.message).toMatch(/\/api\/library\?provider=meshy/);
  });

  it('404: the rig task is gone at Meshy', async () => {
    const err = await runExpectingError(
      recordedContext({ provider: 'meshy', kind: 'animate', parentJobId: 'job_parent00000000', actionIds: [0] }, { parent: rigParent('no-such-rig') }),
    );
    expect(err.code).toBe('not_found');
    expect(err.message).toMatch(/rig the character again/);
  });

  it('text-to-motion: prime gives FBX, swift gives BVH, and the motion drives an animation', async () => {
    const prime = recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'a person jumps over a puddle', durationSec: 4, mode: 'prime' });
    await provider.run(prime);
    expect([...prime.files.keys()]).toEqual(['1.fbx']);
    expect(prime.durations.get(1)).toBe(4);

    const swift = recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'a person waves', durationSec: 2.5, mode: 'swift' });
    await provider.run(swift);
    expect([...swift.files.keys()]).toEqual(['1.bvh']);
    expect(swift.durations.get(1)).toBeCloseTo(2.5, 3);

    const rigId = await succeededRig();
    const motionTaskId = prime.storedExternalId()!;
    const animate = recordedContext(
      {
        provider: 'meshy',
        kind: 'animate',
        parentJobId: 'job_parent00000000',
        motionJobId: 'job_motion00000000',
        motionSource: { jobId: 'job_motion00000000', externalId: motionTaskId, prompt: 'x', durationSec: 4, mode: 'prime', seed: 0 },
      },
      { parent: rigParent(rigId) },
    );
    await provider.run(animate);
    expect(animate.durations.get(1)).toBeCloseTo(4, 4);
  });

  it('403 on text-to-motion is a moderation refusal', async () => {
    server.fault({ on: 'create', resource: 'text-to-motion', status: 403, message: 'Prompt flagged by moderation' });
    const err = await runExpectingError(recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'something flagged', durationSec: 3, mode: 'prime' }));
    expect(err.code).toBe('prompt_refused');
    expect(err.message).toMatch(/moderation refused this prompt/);
  });
});

describe('never a duplicate paid create', () => {
  const motion = () => recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'a person runs', durationSec: 3, mode: 'swift' });

  it('429 RateLimitExceeded: backs off (honouring Retry-After) and resends; exactly one task is created', async () => {
    server.fault({ on: 'create', status: 429, message: 'RateLimitExceeded', retryAfterSec: 0, times: 2 });
    const ctx = motion();
    await provider.run(ctx);
    expect(server.posts('text-to-motion')).toHaveLength(3);
    expect(server.createdTasks()).toHaveLength(1);
    expect(ctx.updates.some((u) => /rate limit/.test(u.stage ?? ''))).toBe(true);
  });

  it('429 NoMoreConcurrentTasks: waits for a free task slot, then creates once', async () => {
    server.fault({ on: 'create', status: 429, message: 'NoMoreConcurrentTasks', times: 2 });
    const ctx = motion();
    await provider.run(ctx);
    expect(server.createdTasks()).toHaveLength(1);
    expect(ctx.updates.some((u) => /free Meshy task slot/.test(u.stage ?? ''))).toBe(true);
  });

  it('429 rate limits that never end: fail as retryable after the retry budget, still nothing created', async () => {
    server.fault({ on: 'create', status: 429, message: 'RateLimitExceeded', retryAfterSec: 0, times: 100 });
    const err = await runExpectingError(motion());
    expect(err.code).toBe('meshy_rate_limited');
    expect(err.retryable).toBe(true);
    expect(server.createdTasks()).toHaveLength(0);
  });

  for (const lose of ['status500', 'drop', 'hang'] as const) {
    it(`created but the answer was lost (${lose}): the task is found in the list and adopted, not recreated`, async () => {
      server.fault({ on: 'create', lose });
      const ctx = motion();
      await provider.run(ctx);
      expect(server.posts('text-to-motion')).toHaveLength(1);
      expect(server.createdTasks()).toHaveLength(1);
      expect(ctx.storedExternalId()).toBe(server.createdTasks()[0]);
      expect(ctx.files.has('1.bvh')).toBe(true);
    });
  }

  it('a 5xx that created nothing: fails with a clear message after one POST (no blind retry)', async () => {
    server.fault({ on: 'create', status: 503, message: 'Service Unavailable' });
    const err = await runExpectingError(motion());
    expect(err.code).toBe('submission_unknown');
    expect(err.message).toMatch(/not resubmitted/);
    expect(server.posts()).toHaveLength(1);
    expect(server.createdTasks()).toHaveLength(0);
  });

  it('lost answer and an unreadable task list: fails (unknown) instead of resending', async () => {
    server.fault({ on: 'create', lose: 'drop' });
    server.fault({ on: 'list', status: 500, times: 5 });
    const err = await runExpectingError(motion());
    expect(err.code).toBe('submission_unknown');
    expect(err.message).toMatch(/task list could not be read/);
    expect(server.posts()).toHaveLength(1);
    expect(server.createdTasks()).toHaveLength(1);
  });

  it('does not adopt a task that belongs to another job', async () => {
    const first = motion();
    await provider.run(first);
    server.fault({ on: 'create', status: 500, message: 'boom' });
    const err = await runExpectingError(motion());
    expect(err.code).toBe('submission_unknown');
    expect(server.createdTasks()).toHaveLength(1);
  });

  it('resumes from a stored task id without posting again', async () => {
    const first = motion();
    await provider.run(first);
    const resumed = recordedContext(first.request, { externalId: first.storedExternalId() });
    await provider.run(resumed);
    expect(server.posts()).toHaveLength(1);
    expect(resumed.files.get('1.bvh')).toEqual(first.files.get('1.bvh'));
  });

  it('a restart during a create (pending marker) reconciles with the list instead of resubmitting', async () => {
    // Simulate: the create reached Meshy, then the server died before storing the task id.
    const sentAt = Date.now();
    const made = motion();
    await provider.run(made);
    const fresh = new MeshyProvider({ baseUrl: server.baseUrl, apiKey: server.apiKey, assetHosts: server.assetHosts }, { fetch: server.fetch, timing: FAST, characters });
    const resumed = recordedContext(made.request, { externalId: pendingMarker(sentAt) });
    await fresh.run(resumed);
    expect(server.posts()).toHaveLength(1);
    expect(resumed.storedExternalId()).toBe(server.createdTasks()[0]);
  });

  it('a pending marker with several possible tasks at Meshy fails as ambiguous, naming them', async () => {
    const a = motion();
    const b = motion();
    await Promise.all([provider.run(a), provider.run(b)]);
    const fresh = new MeshyProvider({ baseUrl: server.baseUrl, apiKey: server.apiKey, assetHosts: server.assetHosts }, { fetch: server.fetch, timing: FAST, characters });
    const err = await fresh.run(recordedContext(a.request, { externalId: pendingMarker(Date.now() - 5000) })).then(
      () => null,
      (e: unknown) => e as ProviderError,
    );
    expect(err?.code).toBe('submission_unknown');
    for (const id of server.createdTasks()) expect(err?.message).toContain(id);
    expect(server.posts()).toHaveLength(2);
  });

  it('a pending marker with nothing at Meshy fails as unknown (never resubmits)', async () => {
    const resumed = recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'x', durationSec: 2, mode: 'swift' }, { externalId: pendingMarker(Date.now()) });
    const err = await runExpectingError(resumed);
    expect(err.code).toBe('submission_unknown');
    expect(server.posts()).toHaveLength(0);
  });
});

describe('progress stream and polling', () => {
  const job = () => recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'a person runs', durationSec: 3, mode: 'swift' });

  it('follows progress over SSE (keep-alives, CRLF, multi-line data) with no status polling', async () => {
    const ctx = job();
    await provider.run(ctx);
    expect(provider.stats.streams).toBe(1);
    expect(provider.stats.gets).toBe(0);
    expect(ctx.updates.some((u) => /generating the motion: \d+%/.test(u.stage ?? '') && u.percent > 0 && u.percent < 90)).toBe(true);
  });

  it('a stream dropped mid-task recovers with GET and finishes without losing progress', async () => {
    setup({ runMs: 400 });
    server.fault({ on: 'stream', dropAfterEvents: 3 });
    const ctx = job();
    await provider.run(ctx);
    expect(provider.stats.streams).toBe(2);
    expect(provider.stats.gets).toBeGreaterThanOrEqual(1);
    const percents = ctx.updates.map((u) => u.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(ctx.files.has('1.bvh')).toBe(true);
    expect(server.createdTasks()).toHaveLength(1);
  });

  it('a silent stream (idle timeout) falls back to polling', async () => {
    setup({ runMs: 700 });
    server.fault({ on: 'stream', silent: true });
    const ctx = job();
    await provider.run(ctx);
    expect(provider.stats.streams).toBe(1);
    expect(provider.stats.gets).toBeGreaterThanOrEqual(2);
    expect(ctx.files.has('1.bvh')).toBe(true);
  });

  it('event: error after HTTP 200 with a 5xx code recovers; with 404 it fails as task not found', async () => {
    server.fault({ on: 'stream', errorEvent: { status_code: 503, message: 'upstream busy' } });
    const ok = job();
    await provider.run(ok);
    expect(ok.files.has('1.bvh')).toBe(true);

    server.fault({ on: 'stream', errorEvent: { status_code: 404, message: 'Task not found' } });
    const err = await runExpectingError(job());
    expect(err.code).toBe('task_not_found');
  });

  it('polling rides out 429 and 5xx on GET', async () => {
    provider.setTiming({ track: { maxStreamAttempts: 0 } });
    server.fault({ on: 'get', status: 429, message: 'RateLimitExceeded', retryAfterSec: 0, times: 2 });
    server.fault({ on: 'get', status: 502, times: 1 });
    const ctx = job();
    await provider.run(ctx);
    expect(ctx.files.has('1.bvh')).toBe(true);
  });
});

describe('results and expiry', () => {
  it('results already expired at Meshy fail clearly instead of saving nothing', async () => {
    const first = recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'a person runs', durationSec: 3, mode: 'swift' });
    await provider.run(first);
    server.advanceClock(4 * 24 * 3600 * 1000);
    const resumed = recordedContext(first.request, { externalId: first.storedExternalId() });
    const err = await runExpectingError(resumed);
    expect(err.code).toBe('results_expired');
    expect(resumed.files.size).toBe(0);
  });

  it('a signed URL refused by the asset host reports expiry', async () => {
    server.fault({ on: 'download', status: 403, message: 'Request has expired' });
    const err = await runExpectingError(recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'a person runs', durationSec: 3, mode: 'swift' }));
    expect(err.code).toBe('results_expired');
  });

  it('a 5xx from the asset host is retried', async () => {
    server.fault({ on: 'download', status: 500, times: 2 });
    const ctx = recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'a person runs', durationSec: 3, mode: 'swift' });
    await provider.run(ctx);
    expect(ctx.files.has('1.bvh')).toBe(true);
  });
});

describe('cancel', () => {
  it('canceling while the task waits in Meshy’s queue deletes it there (credits refunded)', async () => {
    server.holdNew = true;
    const before = server.balance;
    const ctx = recordedContext({ provider: 'meshy', kind: 'textToMotion', prompt: 'a person runs', durationSec: 3, mode: 'prime' });
    const running = provider.run(ctx).catch((e: unknown) => e);
    await vi_waitFor(() => ctx.updates.some((u) => /queue/.test(u.stage ?? '')));
    expect(server.balance).toBe(before - 10);
    ctx.cancel();
    const err = await running;
    expect((err as ProviderError).code).toBe('canceled');
    await vi_waitFor(() => server.log.some((r) => r.method === 'DELETE' && r.status === 200));
    expect(server.balance).toBe(before);
  });
});

async function vi_waitFor(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
