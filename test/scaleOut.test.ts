/**
 * The team mode: two server instances on one PostgreSQL database and one Redis, sharing an asset
 * folder. Jobs go to instance A, a browser-like client listens on instance B; A is killed with
 * SIGKILL mid-job and B takes the work over. Nothing is lost and nothing runs twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../server/contract/api.ts';
import { missingInfra, startPostgres, startRedis, startServerProcess, type ServerProcess, type Service } from './helpers/infra.ts';
import type { SseEvent } from './helpers/testServer.ts';

const missing = missingInfra();
if (missing) console.warn(`[scale-out] skipped: ${missing}`);

/** Collects SSE events from a live stream in the background. */
function listen(url: string) {
  const events: SseEvent[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(url, { signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const ev: SseEvent = { event: 'message', id: null, data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) ev.event = line.slice(6).trim();
            else if (line.startsWith('id:')) ev.id = line.slice(3).trim();
            else if (line.startsWith('data:')) ev.data += line.slice(5).trim();
          }
          if (ev.data) events.push(ev);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    events,
    jobs: () => events.map((e) => JSON.parse(e.data) as Job),
    async until(pred: (jobs: Job[]) => boolean, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pred(this.jobs())) {
        if (Date.now() > deadline)
          throw new Error(
            `stream condition not met; last events: ${events
              .slice(-3)
              .map((e) => e.data.slice(0, 160))
              .join(' | ')}`,
          );
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

describe.skipIf(missing !== null)('scale-out: two instances on Postgres + Redis', () => {
  let pgServer: Service;
  let redis: Service;
  let a: ServerProcess;
  let b: ServerProcess;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-shared-'));

  beforeAll(async () => {
    [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = { DATABASE_URL: pgServer.url, REDIS_URL: redis.url, KINEMA_DATA_DIR: dataDir, KINEMA_LEASE_TTL_MS: '1500', KINEMA_LOCAL_CONCURRENCY: '1' };
    a = await startServerProcess({ ...env, KINEMA_INSTANCE_ID: 'instance-a' });
    b = await startServerProcess({ ...env, KINEMA_INSTANCE_ID: 'instance-b' });
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([a?.kill(), b?.kill()]);
    await Promise.allSettled([pgServer?.stop(), redis?.stop()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (server: ServerProcess, body: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'local', kind: 'text2motion', ...body }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Job;
  };

  it('a job submitted to A is seen live on B, and its files download from B', async () => {
    const stream = listen(`${b.url}/api/events`);
    await new Promise((r) => setTimeout(r, 200));
    const job = await post(a, { prompt: 'walk then wave', durationSec: 3, seed: 1 });
    await stream.until((jobs) => jobs.some((j) => j.id === job.id && j.status === 'succeeded'));
    const seen = stream.jobs().filter((j) => j.id === job.id);
    expect(seen.some((j) => j.status === 'running')).toBe(true);
    const final = seen[seen.length - 1]!;
    const file = await fetch(`${b.url}${final.variants[0]!.files[0]!.url}`);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(final.variants[0]!.files[0]!.bytes);
    await stream.close();
  });

  it('A killed mid-job: B takes over, every job finishes once, no event is lost', async () => {
    const stream = listen(`${b.url}/api/events`);
    await new Promise((r) => setTimeout(r, 200));
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await post(a, { prompt: 'walk forward then run then jump then turn left then wave', variants: 8, durationSec: 60, seed: 100 + i })).id);
    // Kill A the moment it holds the lease of a running job (both instances claim work, so ask the database which).
    const leases = new pg.Client({ connectionString: pgServer.url });
    await leases.connect();
    let runningOnA: string | undefined;
    try {
      const deadline = Date.now() + 30_000;
      while (!runningOnA && Date.now() < deadline) {
        const r = await leases.query("select id from jobs where id = any($1) and status = 'running' and lease_owner = 'instance-a' limit 1", [ids]);
        runningOnA = (r.rows[0] as { id: string } | undefined)?.id;
        if (!runningOnA) await new Promise((res) => setTimeout(res, 10));
      }
    } finally {
      await leases.end();
    }
    expect(runningOnA, 'instance A never ran one of the jobs').toBeDefined();
    await a.kill('SIGKILL');
    await stream.until((jobs) => ids.every((id) => jobs.some((j) => j.id === id && j.status === 'succeeded')), 90_000);

    // Nothing duplicated: exactly the submitted jobs exist.
    const db = new pg.Client({ connectionString: pgServer.url });
    await db.connect();
    try {
      const rows = (await db.query('select id, status from jobs where id = any($1)', [ids])).rows as Array<{ id: string; status: string }>;
      expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(rows.every((r) => r.status === 'succeeded')).toBe(true);
      // No event lost: every event of these jobs in the log reached the client on B, once, in order.
      const logged = (await db.query('select seq from events where job_id = any($1) order by seq', [ids])).rows.map((r: { seq: number }) => r.seq);
      const received = stream.events.filter((e) => ids.includes((JSON.parse(e.data) as Job).id)).map((e) => Number(e.id));
      expect(received).toEqual(logged);
      // The job A was running when it died was resumed by B once A's lease expired.
      const history = stream.jobs().filter((j) => j.id === runningOnA);
      expect(
        history.some((j) => j.stage === 'resuming'),
        history.map((j) => j.stage).join(' → '),
      ).toBe(true);
    } finally {
      await db.end();
    }
    await stream.close();
  }, 180_000);
});
