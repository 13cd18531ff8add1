/** Idempotency keys are per client and bound to the body they were first used with. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';
import type { CreateJobRequest } from '../contract/api.ts';
import { createJob } from './createJob.ts';
import { requestBodyHash } from './idempotency.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('Idempotency-Key', () => {
  it('the same key with a different body is refused with 422 and creates nothing', async () => {
    const key = 'mismatch-1';
    const first = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1, seed: 1 }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const other = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'jump', durationSec: 1, seed: 1 }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(other.body.error.field).toBe('Idempotency-Key');
    expect(other.body.error.message).toContain(first.body.id);
    // The same body in another key order is the same request: replayed.
    const again = await t.json('POST', '/api/jobs', { seed: 1, durationSec: 1, prompt: 'wave', kind: 'text2motion', provider: 'local' }, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await t.services.store.list(50, null)).items.filter((j) => j.request.prompt === 'jump')).toHaveLength(0);
  });

  it('keys are scoped per client: two clients using the same key get their own jobs', async () => {
    const request: CreateJobRequest = { provider: 'local', kind: 'text2motion', prompt: 'bow', durationSec: 1, seed: 2 };
    const a = await createJob(t.services, request, 'shared-key', '10.0.0.1');
    const b = await createJob(t.services, request, 'shared-key', '10.0.0.2');
    const a2 = await createJob(t.services, request, 'shared-key', '10.0.0.1');
    expect(a.replayed).toBe(false);
    expect(b.replayed).toBe(false);
    expect(b.job.id).not.toBe(a.job.id);
    expect(a2.replayed).toBe(true);
    expect(a2.job.id).toBe(a.job.id);
  });

  it('hashes bodies canonically (key order and undefined fields do not matter; values do)', () => {
    expect(requestBodyHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestBodyHash({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }));
    expect(requestBodyHash({ a: 1 })).not.toBe(requestBodyHash({ a: 2 }));
    expect(requestBodyHash({ a: [1, 2] })).not.toBe(requestBodyHash({ a: [2, 1] }));
  });
});
