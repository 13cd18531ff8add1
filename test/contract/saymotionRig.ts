/**
 * A real Kinema server (test helper's SQLite, cache and job runner) configured with SayMotion
 * credentials and pointed at a SayMotion contract server listening on a real port. The provider's
 * poll interval and timeouts are shortened so fault scenarios run in milliseconds.
 */
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import type { Job } from '../../server/contract/api.ts';
import type { SayMotionProvider, SayMotionTiming } from '../../server/providers/saymotion/saymotionProvider.ts';
import { SayMotionContractServer, type ContractOptions } from './saymotionServer.ts';

export const CLIENT_ID = 'test-id-123';
export const CLIENT_SECRET = 'test-secret-456';

export const FAST_TIMING: SayMotionTiming = {
  // Timeouts stay well above a busy test machine's stalls (the contract server synthesises clips on the shared event loop).
  client: { backoffBaseMs: 5, maxBackoffMs: 50, requestTimeoutMs: 1500, downloadTimeoutMs: 3000 },
  tracker: { intervalMs: 15, maxBackoffMs: 100 },
  notReadyDelayMs: 10,
  cacheMs: 0,
};

export interface SayMotionRig {
  contract: SayMotionContractServer;
  url: string;
  t: TestServer;
  provider: SayMotionProvider;
  env: Record<string, string>;
  /** POST /api/jobs; throws unless 201. */
  submit(body: Record<string, unknown>): Promise<Job>;
  close(): Promise<void>;
}

export async function startSayMotionRig(opts: Partial<ContractOptions> = {}, rig: { dataDir?: string; secret?: string } = {}): Promise<SayMotionRig> {
  const contract = new SayMotionContractServer({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...opts });
  const url = await contract.listen();
  const env = { DM_API_SERVER_URL: url, DM_CLIENT_ID: CLIENT_ID, DM_CLIENT_SECRET: rig.secret ?? CLIENT_SECRET };
  const t = await startTestServer(env, rig.dataDir);
  const provider = t.services.providers.get('saymotion') as SayMotionProvider;
  provider.setTiming(FAST_TIMING);
  return {
    contract,
    url,
    t,
    provider,
    env,
    async submit(body) {
      const res = await t.json('POST', '/api/jobs', { provider: 'saymotion', ...body });
      if (res.status !== 201) throw new Error(`POST /api/jobs answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as Job;
    },
    async close() {
      await t.close();
      await contract.close();
    },
  };
}

/** Polls until the job has a provider-side id (it was submitted) and returns it. */
export async function waitForExternalId(t: TestServer, jobId: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await t.services.store.row(jobId);
    if (row?.externalId) return row.externalId;
    if (Date.now() > deadline) throw new Error(`job ${jobId} got no external id within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
