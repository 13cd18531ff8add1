/**
 * Polling cost of 50 active SayMotion jobs: status requests per tracker tick, measured at the
 * SayMotion contract server (the documented protocol, on a real port), for one instance and for two
 * instances on Postgres + Redis (each instance polls only the jobs it holds the lease of).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SayMotionContractServer } from '../test/contract/saymotionServer.ts';
import { missingInfra, startPostgres, startRedis, startServerProcess, type ServerProcess } from '../test/helpers/infra.ts';

const JOBS = 50;
const POLL_MS = 250;
const WINDOW_MS = 5000;
const CLIENT = { clientId: 'bench-client-id', clientSecret: 'bench-client-secret' };

async function measure(label: string, contract: SayMotionContractServer, submitTo: ServerProcess[]): Promise<void> {
  for (let i = 0; i < JOBS; i++) {
    const server = submitTo[i % submitTo.length]!;
    const res = await fetch(`${server.url}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'saymotion', kind: 'text2motion', prompt: `a person walks ${i}`, durationSec: 4 }),
    });
    if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${await res.text()}`);
  }
  // Wait until every job is being tracked (its rid appears in a status call), then count over a window.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const seen = new Set(contract.entries('status').flatMap((e) => e.rids));
    if (seen.size >= JOBS) break;
    if (Date.now() > deadline) throw new Error(`only ${seen.size} of ${JOBS} jobs tracked`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const from = Date.now();
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const window = contract.entries('status').filter((e) => e.at >= from && e.at < from + WINDOW_MS);
  const ticks = WINDOW_MS / POLL_MS;
  const ridsPerRequest = window.reduce((a, e) => a + e.rids.length, 0) / Math.max(1, window.length);
  console.log(`saymotion_polling_${label}_requests_per_tick ${(window.length / ticks).toFixed(2)} requests`);
  console.log(`saymotion_polling_${label}_jobs_per_status_request ${ridsPerRequest.toFixed(1)} jobs`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-poll-'));
const cleanups: Array<() => Promise<void>> = [];
try {
  const env = (contractUrl: string) => ({
    DM_API_SERVER_URL: contractUrl,
    DM_CLIENT_ID: CLIENT.clientId,
    DM_CLIENT_SECRET: CLIENT.clientSecret,
    DM_POLL_INTERVAL_MS: String(POLL_MS),
    KINEMA_JOB_BURST: '1000',
  });
  const ticks = { starting: 2, queued: 1, progress: 100_000 };
  {
    const contract = new SayMotionContractServer({ ...CLIENT, ticks });
    const url = await contract.listen();
    cleanups.push(() => contract.close());
    const single = await startServerProcess({ ...env(url), KINEMA_DATA_DIR: path.join(dir, 'single') });
    cleanups.push(() => single.kill());
    await measure('50_jobs_single', contract, [single]);
    await single.kill();
  }
  const missing = missingInfra();
  if (missing) console.error(`bench polling: two-instance figures skipped: ${missing}`);
  else {
    const contract = new SayMotionContractServer({ ...CLIENT, ticks });
    const url = await contract.listen();
    cleanups.push(() => contract.close());
    const [db, redis] = await Promise.all([startPostgres(), startRedis()]);
    cleanups.push(
      () => db.stop(),
      () => redis.stop(),
    );
    const shared = { ...env(url), DATABASE_URL: db.url, REDIS_URL: redis.url, KINEMA_DATA_DIR: path.join(dir, 'shared') };
    const a = await startServerProcess({ ...shared, KINEMA_INSTANCE_ID: 'poll-a' });
    const b = await startServerProcess({ ...shared, KINEMA_INSTANCE_ID: 'poll-b' });
    cleanups.push(
      () => a.kill(),
      () => b.kill(),
    );
    await measure('50_jobs_two_instances', contract, [a, b]);
  }
} finally {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
}
