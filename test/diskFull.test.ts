/**
 * A real full disk: the data directory lives on a small tmpfs which the test fills up. SQLite meets a
 * real SQLITE_FULL and the cache a real ENOSPC. Jobs fail with a clear error (or wait), writes answer
 * 507, reads keep working, nothing crashes, and once space returns everything works and nothing is lost.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../server/contract/api.ts';
import { createServices } from '../server/bootstrap.ts';
import { createLogger } from '../server/log.ts';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

/** Mounts a 24 MiB tmpfs, or says why it cannot (not root, no mount permission in a container). */
function mountTmpfs(): { dir: string; reason: null } | { dir: null; reason: string } {
  if (process.getuid?.() !== 0) return { dir: null, reason: 'needs root to mount a tmpfs' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', dir], { stdio: 'pipe' });
    return { dir, reason: null };
  } catch (err) {
    fs.rmdirSync(dir);
    return { dir: null, reason: `mount -t tmpfs is not permitted here (${String((err as Error).message).split('\n')[0]})` };
  }
}

const mount = mountTmpfs();
if (mount.reason) console.warn(`disk-full test skipped: ${mount.reason}`);

/** Writes a filler file until only `leaveBytes` are free (0: until the disk refuses with ENOSPC). */
function fillDisk(file: string, leaveBytes: number): void {
  const st = fs.statfsSync(path.dirname(file));
  let left = Math.max(0, st.bavail * st.bsize - leaveBytes);
  const fd = fs.openSync(file, 'a');
  const chunk = Buffer.alloc(256 * 1024, 1);
  try {
    // Bounded by the tmpfs size; the byte runs shrink to fill the last partial block too.
    for (let size = chunk.length; size >= 1 && left > 0; size = Math.floor(size / 2)) {
      for (let j = 0; j < 400 && left >= size; j++) left -= fs.writeSync(fd, chunk.subarray(0, size));
    }
    if (leaveBytes === 0) for (let size = 4096; size >= 1; size = Math.floor(size / 2)) fs.writeSync(fd, chunk.subarray(0, size));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

describe.skipIf(mount.reason !== null)('a full disk', () => {
  let t: TestServer;
  const root = mount.dir!;
  const cacheDir = path.join(root, 'data', 'cache');
  beforeAll(async () => {
    // The asset cache gets a tmpfs of its own, so the two faults can be made one at a time: files that no
    // longer fit (the database still has room), then a database that cannot grow.
    fs.mkdirSync(cacheDir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', cacheDir]);
    t = await startTestServer({ KINEMA_LEASE_TTL_MS: '1000' }, path.join(root, 'data'));
  });
  afterAll(async () => {
    await t?.close();
    execFileSync('umount', [cacheDir]);
    execFileSync('umount', [root]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('fails jobs clearly, answers writes 507, keeps serving reads, and recovers by itself; nothing lost', async () => {
    const submit = (seed: number) => t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1, seed });
    const before = await t.waitForJob((await submit(1)).body.id);
    expect(before.status).toBe('succeeded');
    const glbUrl = before.variants[0]!.files.find((f) => f.format === 'glb')!.url;
    const glb = Buffer.from(await (await t.app.request(glbUrl)).arrayBuffer());

    // The cache disk is full: the database still takes writes, but a job's files no longer fit.
    const cacheFiller = path.join(cacheDir, 'filler.bin');
    const filler = path.join(root, 'filler.bin');
    const accepted: string[] = [];
    try {
      fillDisk(cacheFiller, 16 * 1024);
      const big = await t.waitForJob(
        (await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'walk then run then jump', durationSec: 2, seed: 7 })).body.id,
        90_000,
      );
      expect(big.status).toBe('failed');
      expect(big.error!.code).toBe('disk_full');
      expect(big.error!.message).toMatch(/disk is full: free some space/);
      expect(big.error!.message).not.toMatch(/\/tmp|\/work|ENOSPC|SQLITE/);

      // Jobs in flight when the database's disk fills up too.
      for (let i = 0; i < 3; i++) {
        const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'walk then run', durationSec: 10, seed: 10 + i });
        if (res.status === 201) accepted.push(res.body.id);
      }
      fillDisk(filler, 0);

      // Submissions fill SQLite's WAL until it meets a real SQLITE_FULL: then 507 with a clear message.
      let refused: Awaited<ReturnType<typeof submit>> | null = null;
      for (let i = 0; i < 400 && !refused; i++) {
        const res = await submit(100 + i);
        if (res.status === 201) accepted.push(res.body.id);
        else if (res.status === 507) refused = res;
        else throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
      }
      expect(refused, 'SQLite never reported the disk full').not.toBeNull();
      expect(refused!.body.error.code).toBe('storage_full');
      expect(refused!.body.error.message).toMatch(/disk is full/);
      expect(refused!.body.error.message).not.toMatch(/\//);

      // Reads keep working during the fault.
      expect((await t.json('GET', '/api/health')).status).toBe(200);
      expect((await t.json('GET', '/api/jobs?limit=5')).status).toBe(200);
      expect(Buffer.from(await (await t.app.request(glbUrl)).arrayBuffer()).equals(glb)).toBe(true);

      // A restart on the full disk: migrations and lease release cannot write, yet the server starts and reads.
      const restarted = await createServices(t.services.config, createLogger('silent', []));
      try {
        await expect(restarted.runner.resumeAll({ releaseStaleLeases: true })).resolves.toBeGreaterThanOrEqual(0);
        expect((await restarted.store.get(before.id))!.status).toBe('succeeded');
      } finally {
        await restarted.close();
      }
      // Give the runner time to meet the fault on the jobs that were accepted.
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      // Space returns (also when an assertion above failed, so the next test starts with room).
      fs.rmSync(filler, { force: true });
      fs.rmSync(cacheFiller, { force: true });
    }
    // The server recovers without a restart.
    const after = await t.waitForJob((await submit(999)).body.id, 60_000);
    expect(after.status).toBe('succeeded');
    const settled: Job[] = [];
    for (const id of accepted) settled.push(await t.waitForJob(id, 60_000));
    for (const job of settled) {
      if (job.status === 'failed') {
        expect(['disk_full', 'storage_read_only']).toContain(job.error!.code);
        expect(job.error!.message).not.toMatch(/\/tmp|\/work|ENOSPC|SQLITE/);
      } else expect(job.status).toBe('succeeded');
    }
    // Nothing lost: the earlier job and its file are intact.
    expect((await t.json('GET', `/api/jobs/${before.id}`)).body.status).toBe('succeeded');
    expect(Buffer.from(await (await t.app.request(glbUrl)).arrayBuffer()).equals(glb)).toBe(true);
  }, 240_000);

  it('a cache directory that turns read-only while running: jobs fail clearly without paths, reads work, work resumes', async () => {
    // SQLite holds its files open, so the whole mount cannot turn read-only; a read-only bind mount over
    // the cache is the same fault for every file a job writes.
    const cache = cacheDir;
    execFileSync('mount', ['--bind', cache, cache]);
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', cache]);
      const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1, seed: 5 });
      const job = await t.waitForJob(res.body.id);
      expect(job.status).toBe('failed');
      expect(job.error!.code).toBe('storage_read_only');
      expect(job.error!.message).toMatch(/read-only or not writable/);
      expect(job.error!.message).not.toMatch(/\/tmp|EROFS|EACCES|mkdir/);
      expect((await t.json('GET', '/api/jobs?limit=3')).status).toBe(200);
    } finally {
      execFileSync('umount', [cache]);
    }
    const again = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1, seed: 6 });
    expect(again.status).toBe(201);
    expect((await t.waitForJob(again.body.id)).status).toBe('succeeded');
  }, 60_000);
});

describe.skipIf(mount.reason !== null)('starting on a read-only data directory', () => {
  it('explains the problem in one line and exits, with no stack trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-ro-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir]);
    try {
      const repo = path.resolve(import.meta.dirname, '..');
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: repo,
        env: { PATH: process.env.PATH ?? '', PORT: '0', KINEMA_DATA_DIR: dir, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^kinema: cannot open the data directory .*read-only or not writable/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
