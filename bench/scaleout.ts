/**
 * Fan-out figures: 500 SSE subscribers on /api/events while jobs run; latency from a job change
 * (its updatedAt) to its arrival at each subscriber, and the server's RSS. Measured for one
 * embedded instance, and for two instances on Postgres + Redis with subscribers on the instance
 * that does not run the jobs. Skips the two-instance lines when Postgres/Redis are not installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingInfra, startPostgres, startRedis, startServerProcess, type ServerProcess } from '../test/helpers/infra.ts';

const SUBSCRIBERS = 500;
const JOBS = 6;

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function subscribe(url: string, latencies: number[], seen: Set<string>, signal: AbortSignal): Promise<void> {
  const res = await fetch(url, { signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const now = Date.now();
      buffer += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = block.split('\n').find((l) => l.startsWith('data:'));
        if (!data) continue;
        const job = JSON.parse(data.slice(5)) as { id: string; status: string; updatedAt: string };
        latencies.push(now - Date.parse(job.updatedAt));
        if (job.status === 'succeeded') seen.add(job.id);
      }
    }
  } catch {
    /* aborted at the end */
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(label: string, submitTo: ServerProcess, listenOn: ServerProcess): Promise<void> {
  const latencies: number[] = [];
  const finished: Set<string>[] = [];
  const controller = new AbortController();
  const subs: Promise<void>[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const seen = new Set<string>();
    finished.push(seen);
    subs.push(subscribe(`${listenOn.url}/api/events`, latencies, seen, controller.signal));
  }
  await new Promise((r) => setTimeout(r, 1500));
  const ids: string[] = [];
  for (let j = 0; j < JOBS; j++) {
    const res = await fetch(`${submitTo.url}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'local', kind: 'text2motion', prompt: 'walk forward then wave', variants: 4, durationSec: 10, seed: j }),
    });
    ids.push(((await res.json()) as { id: string }).id);
  }
  const deadline = Date.now() + 120_000;
  while (!finished.every((s) => ids.every((id) => s.has(id))) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const complete = finished.filter((s) => ids.every((id) => s.has(id))).length;
  const rss = rssMiB(listenOn.proc.pid!);
  controller.abort();
  await Promise.allSettled(subs);
  latencies.sort((x, y) => x - y);
  console.log(`sse_fanout_${label}_subscribers_complete ${complete} of ${SUBSCRIBERS}`);
  console.log(`sse_fanout_${label}_events_delivered ${latencies.length} events`);
  console.log(`sse_fanout_${label}_latency_p50 ${percentile(latencies, 50)} ms`);
  console.log(`sse_fanout_${label}_latency_p99 ${percentile(latencies, 99)} ms`);
  console.log(`sse_fanout_${label}_server_rss ${rss.toFixed(1)} MiB`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-bench-'));
const cleanups: Array<() => Promise<void>> = [];
try {
  const single = await startServerProcess({ KINEMA_DATA_DIR: path.join(dir, 'single'), KINEMA_JOB_BURST: '1000' });
  cleanups.push(() => single.kill());
  await measure('single', single, single);
  await single.kill();

  const missing = missingInfra();
  if (missing) {
    console.error(`bench scale-out: two-instance figures skipped: ${missing}`);
  } else {
    const [db, redis] = await Promise.all([startPostgres(), startRedis()]);
    cleanups.push(
      () => db.stop(),
      () => redis.stop(),
    );
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url, KINEMA_DATA_DIR: path.join(dir, 'shared'), KINEMA_JOB_BURST: '1000' };
    const a = await startServerProcess({ ...env, KINEMA_INSTANCE_ID: 'bench-a' });
    const b = await startServerProcess({ ...env, KINEMA_INSTANCE_ID: 'bench-b' });
    cleanups.push(
      () => a.kill(),
      () => b.kill(),
    );
    await measure('two_instances', a, b);
  }
} finally {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
}
