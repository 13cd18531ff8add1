import { afterEach, describe, expect, it } from 'vitest';
import { SayMotionContractServer } from '../../../test/contract/saymotionServer.ts';
import { SayMotionApiError } from './saymotionApiError.ts';
import { SayMotionClient } from './saymotionClient.ts';
import { CreditBalance, ListModelsReply, ProcessReply, StatusReply } from './wireSchemas.ts';

const ID = 'test-id-123';
const SECRET = 'test-secret-456';
const BASE = 'http://saymotion.contract';
const FAST = { backoffBaseMs: 5, maxBackoffMs: 20, requestTimeoutMs: 300, downloadTimeoutMs: 300 };

let contract: SayMotionContractServer;

function setup(opts: Partial<ConstructorParameters<typeof SayMotionContractServer>[0]> = {}, creds = { clientId: ID, clientSecret: SECRET }) {
  contract = new SayMotionContractServer({ clientId: ID, clientSecret: SECRET, ...opts });
  const client = new SayMotionClient({ baseUrl: BASE, ...creds }, { fetch: contract.fetch, timing: FAST });
  return client;
}

afterEach(async () => {
  await contract?.close();
});

async function caught(p: Promise<unknown>): Promise<SayMotionApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(SayMotionApiError);
    return err as SayMotionApiError;
  }
  throw new Error('expected a SayMotionApiError');
}

const t2m = { params: ['prompt="walk"'] };

describe('session', () => {
  it('logs in once with Basic auth and sends only the dmsess cookie afterwards', async () => {
    const client = setup();
    await client.get('/account/v1/creditBalance', CreditBalance);
    await client.get('/account/v1/creditBalance', CreditBalance);
    expect(contract.count('auth')).toBe(1);
    expect(contract.entries('auth')[0]!.authorization).toBe(true);
    const others = contract.log.filter((e) => e.endpoint !== 'auth');
    expect(others).toHaveLength(2);
    expect(others.every((e) => !e.authorization && e.cookie && e.status === 200)).toBe(true);
  });

  it('logs in again exactly once when the session expires, then retries the request', async () => {
    const client = setup();
    await client.get('/account/v1/creditBalance', CreditBalance);
    contract.expireSessions();
    const balance = await client.get('/account/v1/creditBalance', CreditBalance);
    expect(balance.credits).toBe(5000);
    expect(contract.count('auth')).toBe(2);
    expect(contract.entries('credits').map((e) => e.status)).toEqual([200, 401, 200]);
  });

  it('many requests hitting an expired session share one new login', async () => {
    const client = setup();
    await client.get('/account/v1/creditBalance', CreditBalance);
    contract.expireSessions();
    await Promise.all(Array.from({ length: 10 }, () => client.get('/account/v1/creditBalance', CreditBalance)));
    expect(contract.count('auth')).toBe(2);
  });

  it('a second 401 right after logging in again is a credentials error, not a loop', async () => {
    const client = setup();
    contract.inject({ endpoint: 'credits', kind: '401', times: 2 });
    const err = await caught(client.get('/account/v1/creditBalance', CreditBalance));
    expect(err.kind).toBe('auth');
    expect(contract.count('credits')).toBe(2);
    expect(contract.count('auth')).toBe(2);
  });

  it('wrong credentials fail with a message naming the settings and none of the values', async () => {
    const client = setup({ echoCredentialsInErrors: true }, { clientId: ID, clientSecret: 'wrong-secret-789' });
    const err = await caught(client.get('/account/v1/creditBalance', CreditBalance));
    expect(err.kind).toBe('auth');
    expect(err.code).toBe('saymotion_auth_failed');
    expect(err.message).toMatch(/DM_CLIENT_ID and DM_CLIENT_SECRET/);
    expect(err.message).not.toContain('wrong-secret-789');
    expect(err.message).not.toContain(ID);
  });
});

describe('idempotent GETs back off and retry', () => {
  it('honours Retry-After on 429', async () => {
    const client = setup();
    contract.inject({ endpoint: 'credits', kind: '429', retryAfterSec: 1 });
    const started = Date.now();
    await client.get('/account/v1/creditBalance', CreditBalance);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(contract.entries('credits').map((e) => e.status)).toEqual([429, 200]);
  });

  it.each(['500', '502', '503', 'malformed', 'hang', 'reset'] as const)('recovers from %s', async (kind) => {
    const client = setup({ hangMs: 2000 });
    contract.inject({ endpoint: 'status', kind, times: 2 });
    const reply = await client.get('/job/v1/status/x', StatusReply);
    expect(reply.count).toBe(0);
    expect(contract.count('status')).toBe(3);
  });

  it('gives up after its retries with a transient error', async () => {
    const client = setup();
    contract.inject({ endpoint: 'status', kind: '503', times: 10 });
    const err = await caught(client.get('/job/v1/status/x', StatusReply));
    expect(err.kind).toBe('unavailable');
    expect(err.retryable).toBe(true);
    expect(contract.count('status')).toBe(5);
  });

  it('accepts both documented listModels shapes', async () => {
    for (const shape of ['object', 'array'] as const) {
      const client = setup({ listModelsShape: shape });
      const models = await client.get('/character/v1/listModels', ListModelsReply, { query: { stockModel: 'all' } });
      expect(models.map((m) => m.id)).toEqual(['dm_stock_male_01', 'dm_stock_female_01']);
      await contract.close();
    }
  });
});

describe('POSTs that may have been accepted are never resent', () => {
  it.each([
    ['500 before acceptance', '500', false],
    ['502 after acceptance', '502', true],
    ['a hang after acceptance', 'hang', true],
    ['a connection reset after acceptance', 'reset', true],
    ['an unreadable reply after acceptance', 'malformed', true],
  ] as const)('%s → uncertain, exactly one POST', async (_name, kind, afterAccept) => {
    const client = setup({ hangMs: 2000 });
    contract.inject({ endpoint: 'process', kind, afterAccept });
    const err = await caught(client.post('/job/v1/process/text2motion', t2m, ProcessReply));
    expect(err.kind).toBe('uncertain');
    expect(err.code).toBe('submit_uncertain');
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/Kinema did not resend it/);
    expect(contract.count('process')).toBe(1);
    expect(contract.jobs.size).toBe(afterAccept ? 1 : 0);
  });

  it('a 429 is a refusal: resent after Retry-After, accepted once', async () => {
    const client = setup();
    contract.inject({ endpoint: 'process', kind: '429', retryAfterSec: 0 });
    const { rid } = await client.post('/job/v1/process/text2motion', t2m, ProcessReply);
    expect(contract.jobs.has(rid)).toBe(true);
    expect(contract.count('process')).toBe(2);
    expect(contract.count('process', { accepted: true })).toBe(1);
  });

  it('a 401 is a refusal: logs in again and resends once', async () => {
    const client = setup();
    await client.get('/account/v1/creditBalance', CreditBalance);
    contract.expireSessions();
    await client.post('/job/v1/process/text2motion', t2m, ProcessReply);
    expect(contract.count('process')).toBe(2);
    expect(contract.count('process', { accepted: true })).toBe(1);
    expect(contract.jobs.size).toBe(1);
  });

  it('a 4xx refusal quotes the upstream message with its code, scrubbed of credentials', async () => {
    const fake: typeof fetch = async (input) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      if (url.pathname.endsWith('/auth')) return new Response('{}', { headers: { 'set-cookie': 'dmsess=abcd1234; Path=/' } });
      return Response.json({ message: `bad parameter for account ${ID} with key ${SECRET} and session abcd1234`, code: 1102 }, { status: 400 });
    };
    const client = new SayMotionClient({ baseUrl: BASE, clientId: ID, clientSecret: SECRET, assetHosts: ['storage.example'] }, { fetch: fake, timing: FAST });
    const err = await caught(client.post('/job/v1/process/text2motion', t2m, ProcessReply));
    expect(err.kind).toBe('rejected');
    expect(err.upstreamCode).toBe(1102);
    expect(err.message).toContain('bad parameter for account [redacted] with key [redacted] and session [redacted]');
  });
});

describe('file downloads', () => {
  it('never sends the Basic credentials, and sends the session cookie only to the API host', async () => {
    const seen: Array<{ host: string; auth: boolean; cookie: boolean }> = [];
    setup();
    const spy: typeof fetch = async (input, init) => {
      const req = new Request(input as RequestInfo | URL, init);
      const url = new URL(req.url);
      seen.push({ host: url.host, auth: req.headers.has('authorization'), cookie: req.headers.has('cookie') });
      if (url.host === 'storage.example') return new Response(new Uint8Array([1, 2, 3]));
      return contract.fetch(req);
    };
    const client = new SayMotionClient({ baseUrl: BASE, clientId: ID, clientSecret: SECRET, assetHosts: ['storage.example'] }, { fetch: spy, timing: FAST });
    await client.get('/account/v1/creditBalance', CreditBalance);
    expect(await client.fetchFile('https://storage.example/signed/file.glb?sig=1')).toEqual(new Uint8Array([1, 2, 3]));
    await client.fetchFile(`${BASE}/storage/unknown/1/motion.glb`).catch(() => undefined);
    const storage = seen.find((s) => s.host === 'storage.example')!;
    expect(storage).toEqual({ host: 'storage.example', auth: false, cookie: false });
    const sameHost = seen.filter((s) => s.host === 'saymotion.contract');
    expect(sameHost.filter((s) => s.auth)).toHaveLength(1); // the login only
    expect(sameHost.at(-1)!.cookie).toBe(true);
  });

  it('follows a redirect to storage without taking the session cookie along', async () => {
    const seen: Array<{ host: string; cookie: boolean }> = [];
    setup();
    const spy: typeof fetch = async (input, init) => {
      const req = new Request(input as RequestInfo | URL, init);
      const url = new URL(req.url);
      seen.push({ host: url.host, cookie: req.headers.has('cookie') });
      if (url.pathname === '/files/clip.glb') return new Response(null, { status: 302, headers: { location: 'https://storage.example/signed/clip.glb' } });
      if (url.host === 'storage.example') return new Response(new Uint8Array([9, 9]));
      return contract.fetch(req);
    };
    const client = new SayMotionClient({ baseUrl: BASE, clientId: ID, clientSecret: SECRET, assetHosts: ['storage.example'] }, { fetch: spy, timing: FAST });
    await client.get('/account/v1/creditBalance', CreditBalance);
    expect(await client.fetchFile(`${BASE}/files/clip.glb`)).toEqual(new Uint8Array([9, 9]));
    expect(seen.slice(-2)).toEqual([
      { host: 'saymotion.contract', cookie: true },
      { host: 'storage.example', cookie: false },
    ]);
  });

  it('refuses files over the size limit', async () => {
    const client = new SayMotionClient(
      { baseUrl: BASE, clientId: ID, clientSecret: SECRET, assetHosts: ['storage.example'] },
      { fetch: async () => new Response(new Uint8Array(2048)), timing: FAST },
    );
    const err = await caught(client.fetchFile('https://storage.example/big.fbx', { maxBytes: 1024 }));
    expect(err.code).toBe('download_too_large');
  });
});

describe('asset hosts', () => {
  it("refuses download links off the provider's asset hosts, also when a redirect leads there, without fetching them", async () => {
    const seen: string[] = [];
    const spy: typeof fetch = async (input) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      seen.push(url.host);
      if (url.pathname === '/files/redirect.glb') return new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } });
      return new Response(new Uint8Array([1]));
    };
    const client = new SayMotionClient({ baseUrl: BASE, clientId: ID, clientSecret: SECRET, assetHosts: ['storage.example'] }, { fetch: spy, timing: FAST });
    await expect(client.fetchFile('https://evil.example/file.glb')).rejects.toThrow(/evil\.example is not one of the provider's asset hosts/);
    await expect(client.fetchFile(`${BASE}/files/redirect.glb`)).rejects.toThrow(/169\.254\.169\.254 is not one of the provider's asset hosts/);
    expect(seen).not.toContain('evil.example');
    expect(seen).not.toContain('169.254.169.254');
  });
});
