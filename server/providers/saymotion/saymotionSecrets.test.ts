/**
 * The SayMotion credentials (and the sessions they buy) never leave the server: not in a response, an
 * SSE event, a log line or the database, even when SayMotion's own error text echoes them back. The
 * logger here does NOT redact, so the test proves the adapter never hands a credential to it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, FAST_TIMING } from '../../../test/contract/saymotionRig.ts';
import { SayMotionContractServer } from '../../../test/contract/saymotionServer.ts';
import { readSse } from '../../../test/helpers/testServer.ts';
import { createApp } from '../../app.ts';
import { createServices, type Running } from '../../bootstrap.ts';
import { loadConfig } from '../../config.ts';
import type { Job } from '../../contract/api.ts';
import { createLogger } from '../../log.ts';
import type { SayMotionProvider } from './saymotionProvider.ts';

let contract: SayMotionContractServer;
let services: Running;
let app: ReturnType<typeof createApp>;
let dataDir: string;
const logs: string[] = [];

beforeAll(async () => {
  contract = new SayMotionContractServer({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, echoCredentialsInErrors: true, ticks: { starting: 2, queued: 1, progress: 3 } });
  const url = await contract.listen();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-sm-secrets-'));
  const config = loadConfig({ KINEMA_DATA_DIR: dataDir, DM_API_SERVER_URL: url, DM_CLIENT_ID: CLIENT_ID, DM_CLIENT_SECRET: CLIENT_SECRET, LOG_LEVEL: 'debug' });
  services = await createServices(
    config,
    createLogger('debug', [], (line) => logs.push(line)),
  );
  (services.providers.get('saymotion') as SayMotionProvider).setTiming(FAST_TIMING);
  app = createApp(services, { distDir: path.join(dataDir, 'no-dist') });
});

afterAll(async () => {
  await services.close();
  await contract.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('SayMotion credentials stay on the server', () => {
  it('no credential or session in any response, SSE event, log line or the database, through faults and failures', async () => {
    const seen: string[] = [];
    const call = async (url: string, init?: RequestInit) => {
      const res = await app.request(url, init);
      const text = await res.text();
      seen.push(`${url} ${res.status} ${JSON.stringify([...res.headers])} ${text}`);
      return text;
    };
    const post = async (body: Record<string, unknown>) =>
      JSON.parse(await call('/api/jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ provider: 'saymotion', ...body }) })) as Job;

    await call('/api/providers');
    await call('/api/characters?provider=saymotion');
    // Upstream 500s whose bodies echo the credentials, a session expiring mid-job, a FAILURE whose text
    // echoes them, and a submit whose reply is lost.
    contract.inject({ endpoint: 'status', kind: '500', times: 2 });
    contract.inject({ endpoint: 'download', kind: '502' });
    const ok = await post({ kind: 'text2motion', prompt: 'walk then wave', variants: 2 });
    contract.failNextJobs(4242);
    const failing = await post({ kind: 'text2motion', prompt: 'jump' });
    const jobs = [ok, failing];
    while (contract.count('status') < 2) await new Promise((r) => setTimeout(r, 5));
    contract.expireSessions();
    for (const j of jobs)
      seen.push(JSON.stringify(await readSse(await app.request(`/api/jobs/${j.id}/events`), (ev) => ev.some((e) => /"status":"(succeeded|failed)"/.test(e.data)))));
    contract.inject({ endpoint: 'process', kind: '500', afterAccept: true });
    const lost = await post({ kind: 'text2motion', prompt: 'sit' });
    seen.push(JSON.stringify(await readSse(await app.request(`/api/jobs/${lost.id}/events`), (ev) => ev.some((e) => /"status":"failed"/.test(e.data)))));
    await call('/api/jobs');
    for (const j of [...jobs, lost]) await call(`/api/jobs/${j.id}`);

    // The scenario really happened: one success, the echoed FAILURE quoted (scrubbed), one uncertain submit, a second login.
    const final = await Promise.all([...jobs, lost].map(async (j) => (await services.store.get(j.id))!));
    expect(final.map((j) => j.status)).toEqual(['succeeded', 'failed', 'failed']);
    expect(final[1]!.error!.message).toMatch(/SayMotion could not finish the job: Error code 4242: unknown \(account \[redacted\], key \[redacted\]\)/);
    expect(final[2]!.error!.code).toBe('submit_uncertain');
    expect(contract.count('auth')).toBe(2);
    expect(logs.length).toBeGreaterThan(0);

    const secrets = [CLIENT_ID, CLIENT_SECRET, Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64'), ...contract.sessionsIssued];
    const db = fs.readFileSync(path.join(dataDir, 'kinema.sqlite')).toString('latin1');
    for (const [where, text] of [
      ['responses and SSE', seen.join('\n')],
      ['log lines', logs.join('\n')],
      ['the database', db],
    ] as const) {
      for (const secret of secrets) expect(text.includes(secret), `${secret.slice(0, 6)}… leaked in ${where}`).toBe(false);
    }
  });
});
