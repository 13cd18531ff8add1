/**
 * `kill -9` of the embedded server mid-job, then a restart on the same data folder and port: the
 * unfinished jobs resume, an SSE client reconnecting with Last-Event-ID misses no event, and a
 * client retrying its POSTs with the same Idempotency-Key gets the original jobs back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Job } from '../server/contract/api.ts';
import { freePort, startServerProcess, type ServerProcess } from './helpers/infra.ts';

interface Received {
  id: number;
  job: Job;
}

/** Reads /api/events until `stop` says so or the connection drops (as when the server dies). */
async function readEvents(url: string, lastEventId: number | null, into: Received[], stop: () => boolean): Promise<void> {
  const res = await fetch(url, { headers: lastEventId === null ? {} : { 'last-event-id': String(lastEventId) } });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    while (!stop()) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id && data) into.push({ id: Number(id), job: JSON.parse(data) as Job });
      }
    }
  } catch {
    /* the server was killed: the connection reset */
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

describe('crash recovery of the embedded server', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-crash-'));
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes jobs after SIGKILL; SSE resumes by Last-Event-ID; idempotency keys survive', async () => {
    const port = await freePort();
    const env = { KINEMA_DATA_DIR: dataDir };
    server = await startServerProcess(env, port);
    const received: Received[] = [];
    let finished = false;
    const firstStream = readEvents(`${server.url}/api/events`, null, received, () => finished);
    await new Promise((r) => setTimeout(r, 200));

    const submit = async (key: string, seed: number) =>
      fetch(`${server!.url}/api/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ provider: 'local', kind: 'text2motion', prompt: 'walk forward then run then jump then turn left then wave', variants: 8, durationSec: 60, seed }),
      });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await (await submit(`crash-test-${i}`, i)).json()) as Job).id);

    const deadline = Date.now() + 30_000;
    while (!received.some((r) => ids.includes(r.job.id) && r.job.status === 'running') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await server.kill('SIGKILL');
    await firstStream;
    const beforeCrash = received.length;
    expect(beforeCrash).toBeGreaterThan(0);
    expect(ids.every((id) => received.filter((r) => r.job.id === id).at(-1)?.job.status !== 'succeeded')).toBe(true);

    server = await startServerProcess(env, port);
    // The browser's EventSource reconnects with the last id it saw.
    const lastSeen = received[received.length - 1]!.id;
    const done = () => ids.every((id) => received.some((r) => r.job.id === id && r.job.status === 'succeeded'));
    const second = readEvents(`${server.url}/api/events`, lastSeen, received, done);
    const until = Date.now() + 90_000;
    while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    finished = true;
    await Promise.race([second, new Promise((r) => setTimeout(r, 1000))]);
    expect(done()).toBe(true);

    // Every event in the server's log for these jobs reached the client exactly once, in order.
    const logged: number[] = [];
    for (const id of ids) {
      const res = await fetch(`${server.url}/api/jobs/${id}/events?lastEventId=0`);
      const text = await res.text();
      logged.push(...[...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])));
    }
    logged.sort((a, b) => a - b);
    const got = received.filter((r) => ids.includes(r.job.id)).map((r) => r.id);
    expect(got).toEqual(logged);

    // Retried POSTs with the same keys return the original jobs; nothing new is created.
    for (let i = 0; i < 3; i++) {
      const res = await submit(`crash-test-${i}`, i);
      expect(res.status).toBe(200);
      expect(((await res.json()) as Job).id).toBe(ids[i]);
    }
    const list = (await (await fetch(`${server.url}/api/jobs?limit=50`)).json()) as { items: Job[] };
    expect(list.items).toHaveLength(3);
  }, 180_000);
});
