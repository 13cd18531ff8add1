/**
 * The Meshy HTTP client against the contract server and hand-made answers: every endpoint, the
 * tolerant parsing the contract asks for, error classification, key scrubbing and the rule that
 * the key never leaves for another origin.
 */
import { describe, expect, it } from 'vitest';
import { MeshyContractServer } from '../../../test/contract/meshyServer.ts';
import { MeshyApiError, toProviderError } from './meshyApiError.ts';
import { MeshyClient } from './meshyClient.ts';
import { MeshyActionCatalog } from './actionCatalog.ts';
import { MeshyTask } from './meshyWire.ts';

const KEY = 'msy_test_key_123';

function client(server: MeshyContractServer) {
  return new MeshyClient({ baseUrl: server.baseUrl, apiKey: server.apiKey, assetHosts: server.assetHosts }, { fetch: server.fetch });
}

/** A fetch that answers every request with `make(req)` and records requests. */
function scripted(make: (req: Request) => Response | Promise<Response>) {
  const seen: Request[] = [];
  const f: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    seen.push(req);
    return make(req);
  };
  return { fetch: f, seen };
}

async function caught(p: Promise<unknown>): Promise<MeshyApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(MeshyApiError);
  return e as MeshyApiError;
}

describe('endpoints', () => {
  it('create answers 202 or 200; get, list (newest first, capped page size) and delete work', async () => {
    for (const createStatus of [202, 200] as const) {
      const server = new MeshyContractServer({ createStatus, pendingMs: 1000 });
      const c = client(server);
      const a = await c.create('text-to-motion', { prompt: 'a person walks', duration: 2, mode: 'swift' });
      const b = await c.create('text-to-motion', { prompt: 'a person runs', duration: 2, mode: 'swift' });
      expect((await c.getTask('text-to-motion', a)).task.status).toBe('PENDING');
      const listed = await c.listTasks('text-to-motion', { pageSize: 500 });
      expect(listed.map((t) => (t as { id: string }).id)).toEqual([b, a]);
      expect(server.log.at(-1)!.query).toContain('page_size=50');
      await c.deleteTask('text-to-motion', a);
      expect((await caught(c.getTask('text-to-motion', a))).status).toBe(404);
    }
  });

  it('delete of a running task is a 409; of a missing one a 404', async () => {
    const server = new MeshyContractServer({ pendingMs: 0, runMs: 5000 });
    const c = client(server);
    const id = await c.create('text-to-motion', { prompt: 'a person walks', duration: 2 });
    await new Promise((r) => setTimeout(r, 20));
    expect((await caught(c.deleteTask('text-to-motion', id))).status).toBe(409);
    expect((await caught(c.deleteTask('text-to-motion', 'nope'))).status).toBe(404);
  });

  it('balance, and the library in array form or via the public catalog when the route is missing', async () => {
    const server = new MeshyContractServer({ balance: 321 });
    expect(await client(server).balance()).toBe(321);
    const lib = await new MeshyActionCatalog(client(server)).all();
    expect(lib.find((e) => e.id === 466)).toMatchObject({ name: 'Regular_Jump', key: 'Regular_Jump', category: 'BodyMovements', subCategory: 'Jumping' });

    const old = new MeshyContractServer({ libraryMissing: true });
    const fallback = await new MeshyActionCatalog(client(old)).all();
    expect(fallback.map((e) => e.id)).toEqual(lib.map((e) => e.id));
    const publicCall = old.log.find((r) => r.path === '/web/public/animations/resources');
    expect(publicCall?.authorization).toBeNull();
    expect(publicCall?.status).toBe(200);
  });

  it('the catalog is cached for its TTL, reloaded after, and a failed load is not cached', async () => {
    const server = new MeshyContractServer();
    const catalog = new MeshyActionCatalog(client(server), 60_000);
    server.fault({ on: 'library', status: 500 });
    await expect(catalog.all()).rejects.toMatchObject({ code: 'meshy_unavailable' });
    await Promise.all([catalog.all(), catalog.all(), catalog.all()]);
    const loads = () => server.log.filter((r) => r.path === '/openapi/v1/animations/library').length;
    expect(loads()).toBe(2);
    catalog.setTtl(0);
    await catalog.all();
    expect(loads()).toBe(3);
  });

  it('parses the library envelope variants', async () => {
    const item = { action_id: 7, name: 'BeHit_FlyUp', key: 'BeHit_FlyUp', category: 'Fighting', sub_category: 'GettingHit', preview_url: 'https://cdn/x.gif' };
    for (const body of [[item], { result: [item] }, { result: { total: 1, list: [item] } }]) {
      const { fetch } = scripted(() => Response.json(body));
      const got = await new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch }).library();
      expect(got).toHaveLength(1);
      expect(got[0]!.action_id).toBe(7);
    }
  });
});

describe('tolerant parsing', () => {
  it('accepts extra fields, null timestamps and a missing consumed_credits', () => {
    const t = MeshyTask.parse({ id: 'x', status: 'IN_PROGRESS', progress: 40, created_at: 1, started_at: null, finished_at: null, expires_at: null, surprise: { nested: true } });
    expect(t.started_at).toBe(0);
    expect(t.expires_at).toBe(0);
    expect(t.consumed_credits).toBeUndefined();
    expect((t as Record<string, unknown>).surprise).toEqual({ nested: true });
  });

  it('an answer of the wrong shape is a protocol error, not a crash', async () => {
    const { fetch } = scripted(() => Response.json({ id: 'x', status: 'DANCING' }));
    const err = await caught(new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch }).getTask('rigging', 'x'));
    expect(err.kind).toBe('protocol');
  });
});

describe('errors', () => {
  it('classifies 402/403/404/422/429 kinds/5xx and maps them to messages that say what to do', async () => {
    const server = new MeshyContractServer();
    const c = client(server);
    const body = { prompt: 'a person walks', duration: 2 };
    const cases: Array<[number, string, string]> = [
      [402, 'Insufficient credits', 'insufficient_credits'],
      [403, 'Prompt flagged', 'prompt_refused'],
      [404, 'Task not found', 'task_not_found'],
      [422, 'Pose estimation failed', 'not_humanoid'],
      [503, 'down', 'meshy_unavailable'],
    ];
    for (const [status, message, code] of cases) {
      server.fault({ on: 'create', status, message });
      const err = await caught(c.create('text-to-motion', body));
      expect(err.status).toBe(status);
      expect(err.message).toBe(message);
      expect(toProviderError(err, status === 404 ? 'status' : 'textToMotion').code).toBe(code);
    }
    server.fault({ on: 'create', status: 429, message: 'RateLimitExceeded', retryAfterSec: 2 });
    const rate = await caught(c.create('text-to-motion', body));
    expect(rate.rateLimit).toBe('RateLimitExceeded');
    expect(rate.details.retryAfterMs).toBe(2000);
    server.fault({ on: 'create', status: 429, message: 'NoMoreConcurrentTasks' });
    expect((await caught(c.create('text-to-motion', body))).rateLimit).toBe('NoMoreConcurrentTasks');
    expect(server.createdTasks()).toHaveLength(0);
  });

  it('a wrong key is a 401 with a message about MESHY_API_KEY', async () => {
    const server = new MeshyContractServer();
    const c = new MeshyClient({ baseUrl: server.baseUrl, apiKey: 'msy_wrong_key_000', assetHosts: server.assetHosts }, { fetch: server.fetch });
    const err = await caught(c.balance());
    expect(err.status).toBe(401);
    expect(toProviderError(err, 'balance').message).toMatch(/MESHY_API_KEY/);
  });

  it('scrubs the key from upstream error text', async () => {
    const { fetch } = scripted((req) => Response.json({ message: `bad header ${req.headers.get('authorization')}` }, { status: 400 }));
    const err = await caught(new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch }).balance());
    expect(err.message).not.toContain(KEY);
    expect(err.message).toContain('[redacted]');
    expect(toProviderError(err, 'balance').message).not.toContain(KEY);
  });

  it('never follows a redirect with the key; reports it instead', async () => {
    const { fetch, seen } = scripted(() => new Response(null, { status: 301, headers: { location: 'https://evil.example/steal' } }));
    const err = await caught(new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch }).balance());
    expect(err.kind).toBe('protocol');
    expect(err.message).toMatch(/redirected/);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.redirect).toBe('manual');
  });

  it('connection refused is known not to have reached Meshy; a reset is ambiguous', async () => {
    const refused = scripted(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    });
    const a = await caught(new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch: refused.fetch }).create('rigging', {}));
    expect(a.kind).toBe('network');
    expect(a.ambiguous).toBe(false);
    const reset = scripted(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    });
    const b = await caught(new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch: reset.fetch }).create('rigging', {}));
    expect(b.ambiguous).toBe(true);
  });
});

describe('downloads', () => {
  it('fetch signed URLs without credentials; the asset host refuses a request that carries them', async () => {
    const server = new MeshyContractServer({ pendingMs: 0, runMs: 0 });
    const c = client(server);
    const id = await c.create('text-to-motion', { prompt: 'a person walks', duration: 2, mode: 'swift' });
    await new Promise((r) => setTimeout(r, 5));
    const { task } = await c.getTask('text-to-motion', id);
    const url = (task.result as { motion_url: string }).motion_url;
    const bytes = await c.download(url);
    expect(new TextDecoder().decode(bytes.subarray(0, 9))).toBe('HIERARCHY');
    expect(server.log.at(-1)!.authorization).toBeNull();

    const withKey = await server.fetch(url, { headers: { authorization: `Bearer ${KEY}` } });
    expect(withKey.status).toBe(400);

    server.advanceClock(4 * 24 * 3600 * 1000);
    expect((await caught(c.download(url))).status).toBe(403);
  });

  it('refuses plain-http result URLs when the API is https', async () => {
    const { fetch, seen } = scripted(() => new Response('x'));
    const err = await caught(new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch }).download('http://assets.example/file.glb'));
    expect(err.message).toMatch(/non-https/);
    expect(seen).toHaveLength(0);
  });
});

describe('asset hosts', () => {
  it('refuses result URLs off the documented asset hosts before fetching them', async () => {
    const seen: string[] = [];
    const fetchSpy: typeof fetch = async (input) => {
      seen.push(new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).host);
      return new Response(new Uint8Array([1]));
    };
    const client = new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch: fetchSpy });
    await expect(client.download('https://internal.corp.example/secret.glb')).rejects.toThrow(/not one of the provider's asset hosts/);
    await expect(client.download('https://10.0.0.5/x.glb')).rejects.toThrow(/not one of the provider's asset hosts/);
    expect(seen).toEqual([]);
    expect(await client.download('https://assets.meshy.ai/u/tasks/t/output/a.glb?Expires=1')).toEqual(new Uint8Array([1]));
  });

  it('checks every redirect hop, not only the final URL: a hop off the asset hosts is never requested', async () => {
    const { fetch, seen } = scripted((req) =>
      new URL(req.url).host === 'assets.meshy.ai' ? new Response(null, { status: 302, headers: { location: 'https://169.254.169.254/latest/meta-data' } }) : new Response('secret'),
    );
    const err = await caught(new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: KEY }, { fetch }).download('https://assets.meshy.ai/u/a.glb'));
    expect(err.message).toMatch(/redirected off the asset hosts: 169\.254\.169\.254 is not one of the provider's asset hosts/);
    expect(seen.map((r) => new URL(r.url).host)).toEqual(['assets.meshy.ai']);
  });
});
