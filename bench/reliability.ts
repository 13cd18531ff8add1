/**
 * Reliability figures against a real server process over loopback: /api/health p99 while 200 jobs are
 * submitted and run, and while five 300 MB downloads stream in parallel, plus the server's RSS growth
 * during those downloads (read from /proc, so it is the server's own memory, not this client's).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
// curl is Debian's (scripts/ensure-system-deps.sh); the downloads must not share this process's event loop.
import { freePort } from '../test/helpers/infra.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-bench-rel-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  env: { PATH: process.env.PATH ?? '', PORT: String(port), KINEMA_DATA_DIR: dataDir, KINEMA_JOB_BURST: '10000', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;

function serverRssMb(): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/**
 * Health latency sampled from a worker thread (so this process's own client work does not colour it),
 * and the server's RSS sampled here, until `stop`.
 */
function probe() {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const lat = []; let on = true;
     parentPort.on('message', () => { on = false; });
     (async () => {
       while (on) {
         const t0 = performance.now();
         await (await fetch(workerData + '/api/health')).arrayBuffer();
         lat.push(performance.now() - t0);
         await new Promise((r) => setTimeout(r, 10));
       }
       parentPort.postMessage(lat);
     })();`,
    { eval: true, workerData: base },
  );
  let peak = serverRssMb();
  const rss = setInterval(() => (peak = Math.max(peak, serverRssMb())), 20);
  return {
    async stop() {
      const lat = await new Promise<number[]>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('stop');
      });
      clearInterval(rss);
      await worker.terminate();
      return { p99: p99(lat), peak };
    },
  };
}

async function post(body: unknown): Promise<{ id: string }> {
  const res = await fetch(`${base}/api/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /api/jobs ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string };
}

async function waitFor(id: string, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await fetch(`${base}/api/jobs/${id}`)).json()) as { status: string };
    if (['succeeded', 'failed', 'canceled'].includes(job.status)) return job.status;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status}`);
    await sleep(50);
  }
}

try {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  // Warm the engine worker.
  const warm = await post({ provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1, seed: 1 });
  if ((await waitFor(warm.id)) !== 'succeeded') throw new Error('warm-up job failed');

  // 1. A burst of 200 jobs: submitted 20 at a time, then 5 s of the queue running; the rest are canceled.
  const burst = probe();
  const ids: string[] = [];
  for (let i = 0; i < 200; i += 20) {
    ids.push(
      ...(
        await Promise.all(Array.from({ length: 20 }, (_, k) => post({ provider: 'local', kind: 'text2motion', prompt: 'walk then wave', durationSec: 2, seed: 10 + i + k })))
      ).map((j) => j.id),
    );
  }
  await sleep(5000);
  for (const id of ids) await fetch(`${base}/api/jobs/${id}/cancel`, { method: 'POST' });
  const burstFigures = await burst.stop();
  console.log(`reliability_health_p99_during_200_job_burst ${burstFigures.p99.toFixed(1)} ms`);

  // 2. Five parallel downloads of a 300 MB file (a job's BVH row pointing at a 300 MB cache file).
  const SIZE = 300 * 1024 * 1024;
  const relPath = `${warm.id}/big.bvh`;
  const file = path.join(dataDir, 'cache', relPath);
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'w');
  const chunk = crypto.randomBytes(1024 * 1024);
  for (let n = 0; n < SIZE; n += chunk.length) {
    fs.writeSync(fd, chunk);
    hash.update(chunk);
  }
  fs.closeSync(fd);
  const db = new Database(path.join(dataDir, 'kinema.sqlite'));
  // Upsert: a mannequin take's BVH is made on first download, so the row may not exist yet.
  db.prepare(
    'INSERT INTO files (job_id, variant, format, rel_path, bytes, sha256) VALUES (?, 1, ?, ?, ?, ?) ON CONFLICT (job_id, variant, format) DO UPDATE SET rel_path = excluded.rel_path, bytes = excluded.bytes, sha256 = excluded.sha256',
  ).run(warm.id, 'bvh', relPath, SIZE, hash.digest('hex'));
  db.close();
  const url = `${base}/api/jobs/${warm.id}/variants/1/files/bvh`;
  // curl downloads (in their own processes), so this process's event loop only measures health.
  const drain = () =>
    new Promise<void>((resolve, reject) => {
      const c = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download}', url], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      c.stdout.on('data', (d: Buffer) => (out += d.toString()));
      c.once('exit', () => (out === `200 ${SIZE}` ? resolve() : reject(new Error(`download: ${out}`))));
    });
  await drain(); // the first read verifies the checksum
  await sleep(500);
  const before = serverRssMb();
  const dl = probe();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 5 }, drain));
  const seconds = (performance.now() - t0) / 1000;
  const dlFigures = await dl.stop();
  console.log(`reliability_health_p99_during_5x300MB_downloads ${dlFigures.p99.toFixed(1)} ms`);
  console.log(`reliability_rss_growth_during_5x300MB_downloads ${(dlFigures.peak - before).toFixed(1)} MB`);
  console.log(`reliability_download_throughput_5x300MB ${((5 * SIZE) / 2 ** 20 / seconds).toFixed(0)} MiB/s`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
