import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENTED_ERROR_CODES, SayMotionContractServer, type ContractOptions } from '../../../test/contract/saymotionServer.ts';
import { ProviderError } from '../provider.ts';
import { SAYMOTION_ERROR_CODES } from './failureFromDetails.ts';
import { SayMotionClient } from './saymotionClient.ts';
import { progressFraction, Tracker, type TrackerTiming, type TrackUpdate } from './tracker.ts';
import { ProcessReply } from './wireSchemas.ts';

const BASE = 'http://saymotion.contract';
let contract: SayMotionContractServer;

function setup(opts: Partial<ContractOptions> = {}, timing: Partial<TrackerTiming> = {}) {
  contract = new SayMotionContractServer({ clientId: 'test-id-123', clientSecret: 'test-secret-456', ...opts });
  const client = new SayMotionClient(
    { baseUrl: BASE, clientId: 'test-id-123', clientSecret: 'test-secret-456' },
    { fetch: contract.fetch, timing: { backoffBaseMs: 5, requestTimeoutMs: 300 } },
  );
  const tracker = new Tracker(client, { statusPath: '/job/v1/status', timing: { intervalMs: 10, maxBackoffMs: 50, ...timing } });
  const submit = async () => (await client.post('/job/v1/process/text2motion', { params: ['prompt="walk"'] }, ProcessReply)).rid;
  return { client, tracker, submit };
}

afterEach(async () => {
  await contract?.close();
});

const never = new AbortController().signal;

async function rejection(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error('expected a rejection');
}

describe('one status request per tick', () => {
  it('follows 50 jobs with exactly one comma-list request per tick', async () => {
    const { tracker, submit } = setup({ ticks: { starting: 1, queued: 2, progress: 5 } });
    const rids = await Promise.all(Array.from({ length: 50 }, submit));
    await Promise.all(rids.map((rid) => tracker.track(rid, () => undefined, never)));
    const polls = contract.entries('status');
    const stats = tracker.stats();
    expect(stats.ticks).toBeGreaterThanOrEqual(9);
    expect(polls).toHaveLength(stats.ticks);
    expect(stats.statusRequests).toBe(stats.ticks);
    for (const p of polls) expect(new Set(p.rids)).toEqual(new Set(rids));
    expect(stats.active).toBe(0);
  });

  it('splits the list only when the URL would pass the safe length', async () => {
    const { tracker, submit, client } = setup({ ticks: { starting: 1, queued: 0, progress: 1 } }, { maxUrlLength: 200 });
    const rids = await Promise.all(Array.from({ length: 12 }, submit));
    await Promise.all(rids.map((rid) => tracker.track(rid, () => undefined, never)));
    const perTick = tracker.chunk(rids).length;
    expect(perTick).toBe(3); // 40-char base URL + 4 rids of 32 chars fit under 200
    const first = contract.entries('status').slice(0, perTick);
    expect(new Set(first.flatMap((p) => p.rids))).toEqual(new Set(rids));
    expect(first.flatMap((p) => p.rids)).toHaveLength(12);
    for (const p of contract.entries('status')) expect(client.url(p.path).toString().length).toBeLessThanOrEqual(200);
    const stats = tracker.stats();
    expect(stats.statusRequests).toBe(contract.count('status'));
    expect(stats.statusRequests).toBe(stats.ticks * perTick);
  });
});

describe('progress', () => {
  it('reports start, queue position, then step/total clamped to 1', async () => {
    const { tracker, submit } = setup({ ticks: { starting: 1, queued: 2, progress: 3 }, overshootStep: true });
    const updates: TrackUpdate[] = [];
    await tracker.track(await submit(), (u) => updates.push(u), never);
    expect(updates).toEqual([
      { state: 'STARTING', fraction: null, queuePosition: null },
      { state: 'PROGRESS', fraction: 0, queuePosition: 2 },
      { state: 'PROGRESS', fraction: 0, queuePosition: 1 },
      { state: 'PROGRESS', fraction: 1 / 3, queuePosition: null },
      { state: 'PROGRESS', fraction: 2 / 3, queuePosition: null },
      { state: 'PROGRESS', fraction: 1, queuePosition: null },
    ]);
  });

  it('progressFraction reads numbers or numeric strings and ignores nonsense', () => {
    expect(progressFraction({ step: 3, total: 4 })).toBe(0.75);
    expect(progressFraction({ step: '9', total: '4' })).toBe(1);
    expect(progressFraction({ step: -2, total: 4 })).toBe(0);
    expect(progressFraction({ step: 1, total: 0 })).toBeNull();
    expect(progressFraction({})).toBeNull();
  });
});

describe('faults slow the tracker down without failing jobs', () => {
  it('waits out Retry-After on 429 before the next poll', async () => {
    const { tracker, submit } = setup();
    const rid = await submit();
    contract.inject({ endpoint: 'status', kind: '429', retryAfterSec: 1 });
    await tracker.track(rid, () => undefined, never);
    const polls = contract.entries('status');
    expect(polls[0]!.status).toBe(429);
    expect(polls[1]!.at - polls[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it.each(['500', '502', '503', 'hang', 'malformed', 'reset'] as const)('keeps following through %s', async (kind) => {
    const { tracker, submit } = setup({ hangMs: 1000 });
    const rid = await submit();
    contract.inject({ endpoint: 'status', kind, times: 3 });
    await expect(tracker.track(rid, () => undefined, never)).resolves.toBeDefined();
    expect(contract.entries('status').filter((e) => e.fault === kind)).toHaveLength(3);
  });

  it('one unknown rid refused with 404 fails only that job', async () => {
    const { tracker, submit } = setup({ ticks: { starting: 1, queued: 0, progress: 2 }, unknownRidStatus: '404' });
    const good = await Promise.all([submit(), submit()]);
    const results = await Promise.allSettled([...good, 'no-such-rid'].map((rid) => tracker.track(rid, () => undefined, never)));
    const statuses = contract.entries('status');
    expect(statuses[0]!.status).toBe(404);
    expect(statuses[0]!.rids).toHaveLength(3);
    // The list is then asked one rid at a time, and after that without the unknown one.
    expect(statuses.slice(1, 4).map((s) => [s.rids.length, s.status])).toEqual([
      [1, 200],
      [1, 200],
      [1, 404],
    ]);
    expect(statuses.slice(4).every((s) => s.rids.length === 2 && s.status === 200)).toBe(true);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(((failed[0] as PromiseRejectedResult).reason as ProviderError).code).toBe('job_lost');
  });

  it('gives up after a long outage with a retryable error naming the request id', async () => {
    const { tracker, submit } = setup({}, { giveUpAfterMs: 100 });
    const rid = await submit();
    contract.inject({ endpoint: 'status', kind: '503', times: 1000 });
    const err = await rejection(tracker.track(rid, () => undefined, never));
    expect(err.code).toBe('provider_unreachable');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain(rid);
  });
});

describe('endings', () => {
  it('maps every documented FAILURE code to its own clear error', async () => {
    const { tracker, submit } = setup();
    const rids: string[] = [];
    for (const code of DOCUMENTED_ERROR_CODES) {
      contract.failNextJobs(code);
      rids.push(await submit());
    }
    const errors = await Promise.all(rids.map((rid) => rejection(tracker.track(rid, () => undefined, never))));
    errors.forEach((err, i) => {
      const expected = SAYMOTION_ERROR_CODES[DOCUMENTED_ERROR_CODES[i]!]!;
      expect(err.code).toBe(expected.code);
      expect(err.message).toBe(expected.message);
    });
    expect(errors.find((e) => e.code === 'insufficient_credit')!.message).toMatch(/not have enough credit/);
    expect(errors.find((e) => e.code === 'character_no_skinned_mesh')!.message).toMatch(/no skinned mesh/);
    expect(new Set(errors.map((e) => e.code)).size).toBe(DOCUMENTED_ERROR_CODES.length);
  });

  it('scrubs credentials out of FAILURE text it quotes', async () => {
    const { tracker, submit } = setup({ echoCredentialsInErrors: true });
    contract.failNextJobs(4242 as number);
    const err = await rejection(tracker.track(await submit(), () => undefined, never));
    expect(err.code).toBe('provider_failed');
    expect(err.message).toContain('[redacted]');
    expect(err.message).not.toContain('test-secret-456');
    expect(err.message).not.toContain('test-id-123');
  });

  it('reports a rid SayMotion never mentions as lost', async () => {
    const { tracker } = setup({}, { maxMissingTicks: 3 });
    const err = await rejection(tracker.track('never-submitted', () => undefined, never));
    expect(err.code).toBe('job_lost');
    expect(contract.count('status')).toBe(4);
  });

  it('refused credentials fail every tracked job', async () => {
    const { tracker, submit } = setup();
    const rids = await Promise.all([submit(), submit()]);
    contract.inject({ endpoint: 'status', kind: '401', times: 2 });
    const errors = await Promise.all(rids.map((rid) => rejection(tracker.track(rid, () => undefined, never))));
    expect(errors.map((e) => e.code)).toEqual(['saymotion_auth_failed', 'saymotion_auth_failed']);
  });

  it('an aborted wait stops polling for that job', async () => {
    const { tracker, submit } = setup({ ticks: { starting: 1000 } });
    const ac = new AbortController();
    const waiting = tracker.track(await submit(), () => undefined, ac.signal);
    await new Promise((r) => setTimeout(r, 50));
    ac.abort(new ProviderError('canceled', 'Canceled by the user.'));
    await expect(waiting).rejects.toMatchObject({ code: 'canceled' });
    const polls = contract.count('status');
    await new Promise((r) => setTimeout(r, 80));
    expect(contract.count('status')).toBeLessThanOrEqual(polls + 1);
    expect(tracker.stats().active).toBe(0);
  });
});
