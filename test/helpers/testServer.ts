/** A real server (real SQLite file, real cache, real engine workers) in a temp folder, driven in-process. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.ts';
import { createServices, type Running } from '../../server/bootstrap.ts';
import { loadConfig, secretValues } from '../../server/config.ts';
import type { Job } from '../../server/contract/api.ts';
import { createLogger } from '../../server/log.ts';

export interface TestServer {
  services: Running;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  json(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  waitForJob(id: string, timeoutMs?: number): Promise<Job>;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, dataDir?: string, logSink?: (line: string) => void): Promise<TestServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-test-'));
  // Tests submit many jobs quickly; the rate limit has its own test with a small burst.
  const config = loadConfig({ KINEMA_DATA_DIR: dir, KINEMA_JOB_BURST: '10000', KINEMA_UPLOAD_BURST: '10000', ...env });
  const services = await createServices(config, logSink ? createLogger('debug', secretValues(config), logSink) : createLogger('silent', []));
  // API tests do not need the real SPA build (the e2e tests use it); a one-page stand-in keeps the
  // SPA fallback routes behaving as in production.
  const distDir = path.join(dir, 'dist');
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Kinema</title><div id="root"></div>');
  const app = createApp(services, { distDir });
  const json: TestServer['json'] = async (method, url, body, headers = {}) => {
    const res = await app.request(url, {
      method,
      headers: body !== undefined ? { 'content-type': 'application/json', ...headers } : headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    services,
    app,
    dataDir: dir,
    json,
    async waitForJob(id, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = (await services.store.get(id))!;
        if (['succeeded', 'failed', 'canceled'].includes(job.status)) return job;
        if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      await services.close();
      if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads an SSE response body into events until `until` says stop or the stream ends. */
export async function readSse(res: Response, until: (events: SseEvent[]) => boolean = () => false, timeoutMs = 30_000): Promise<SseEvent[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const { value, done } = await Promise.race([
        reader.read(),
        new Promise<never>((_, rej) => setTimeout(() => rej(new Error('SSE read timed out')), Math.max(1, deadline - Date.now()))),
      ]);
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let idx: number;
      while ((idx = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, idx);
        buffer = buffer.slice(idx + 2);
        const ev: SseEvent = { event: 'message', id: null, data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const [k, ...rest] = line.split(':');
          const v = rest.join(':').replace(/^ /, '');
          if (k === 'event') ev.event = v;
          else if (k === 'id') ev.id = v;
          else if (k === 'data') {
            ev.data += (hasData ? '\n' : '') + v;
            hasData = true;
          }
        }
        if (hasData) events.push(ev);
      }
      if (until(events)) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return events;
}

export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}
