/**
 * DNS rebinding and the local SayMotion endpoint's hardening: a page on a foreign name rebound to
 * 127.0.0.1 sends a foreign Host with a matching Origin; it must reach nothing, /saymotion included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const job = JSON.stringify({ provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1 });

describe('Host allowlist (DNS rebinding)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ KINEMA_ALLOWED_HOSTS: 'studio.example.org' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a foreign Host with a matching Origin on /api reads, writes and /saymotion (421)', async () => {
    const rebound = { host: 'evil.example:8790', origin: 'http://evil.example:8790', 'sec-fetch-site': 'same-origin' };
    const probes: Array<[string, RequestInit]> = [
      ['/api/jobs', { headers: rebound }],
      ['/api/health', { headers: rebound }],
      ['/api/jobs', { method: 'POST', body: job, headers: { ...rebound, 'content-type': 'application/json' } }],
      ['/api/characters/abc', { method: 'DELETE', headers: rebound }],
      ['/saymotion/account/v1/auth', { headers: { ...rebound, authorization: basic('local', 'local') } }],
      ['/saymotion/job/v1/process/text2motion', { method: 'POST', body: '{}', headers: { ...rebound, 'content-type': 'text/plain' } }],
      ['/', { headers: rebound }],
    ];
    for (const [url, init] of probes) {
      const res = await t.app.request(`http://evil.example:8790${url}`, init);
      expect(res.status, url).toBe(421);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unknown_host');
      expect(body.error.message).toMatch(/KINEMA_ALLOWED_HOSTS/);
    }
    const before = await t.services.store.list(10, null);
    expect(before.items).toHaveLength(0);
  });

  it('answers loopback names and addresses and the configured names', async () => {
    for (const host of ['127.0.0.1:8790', 'localhost:8790', '[::1]:8790', '127.0.0.1', 'LOCALHOST', 'studio.example.org', 'studio.example.org:443']) {
      const res = await t.app.request('/api/health', { headers: { host } });
      expect(res.status, host).toBe(200);
    }
    for (const host of ['localhost.evil.example', '127.0.0.1.nip.io', 'studio.example.org.evil', 'a b', '']) {
      const res = await t.app.request('/api/health', { headers: { host } });
      expect(res.status, host).toBe(421);
    }
  });
});

describe('/saymotion hardening', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const auth = (headers: Record<string, string> = {}, secret = 'local') =>
    t.app.request('http://127.0.0.1:8790/saymotion/account/v1/auth', { headers: { authorization: basic('local', secret), ...headers } });

  it('refuses cross-site and non-JSON writes', async () => {
    const cookie = (await auth()).headers.get('set-cookie')!.split(';')[0]!;
    const crossSite = await t.app.request('http://127.0.0.1:8790/saymotion/job/v1/process/text2motion', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ params: ['prompt="wave"'] }),
    });
    expect(crossSite.status).toBe(403);
    const plain = await t.app.request('http://127.0.0.1:8790/saymotion/job/v1/process/text2motion', {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: JSON.stringify({ params: ['prompt="wave"'] }),
    });
    expect(plain.status).toBe(415);
    expect((await t.services.store.list(10, null)).items).toHaveLength(0);
  });

  it('the 401 gives no hint at the default credentials', async () => {
    const res = await t.app.request('http://127.0.0.1:8790/saymotion/account/v1/auth', { headers: { authorization: basic('x', 'y'), 'x-client': 'hint' } });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).not.toMatch(/local \/ local|local\/local|default/i);
  });

  it('browsers get a per-port cookie; a plain dmsess cookie a browser carries is ignored', async () => {
    const res = await auth({ 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin' });
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^dmsess_8790=[A-Za-z0-9_-]+; Path=\/saymotion; .*SameSite=Strict$/);
    const token = set.split(';')[0]!.split('=')[1]!;
    const browser = { 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin' };
    expect((await t.app.request('http://127.0.0.1:8790/saymotion/account/v1/creditBalance', { headers: { ...browser, cookie: `dmsess_8790=${token}` } })).status).toBe(200);
    // The same token under another port's name, or the shared name, does not work from a browser.
    expect((await t.app.request('http://127.0.0.1:8790/saymotion/account/v1/creditBalance', { headers: { ...browser, cookie: `dmsess_8791=${token}` } })).status).toBe(401);
    expect((await t.app.request('http://127.0.0.1:8790/saymotion/account/v1/creditBalance', { headers: { ...browser, cookie: `dmsess=${token}` } })).status).toBe(401);
  });

  it('logout revokes the session; all=1 revokes every session', async () => {
    const a = (await auth()).headers.get('set-cookie')!.split(';')[0]!;
    const b = (await auth()).headers.get('set-cookie')!.split(';')[0]!;
    const balance = (cookie: string) => t.app.request('http://127.0.0.1:8790/saymotion/account/v1/creditBalance', { headers: { cookie } });
    expect((await balance(a)).status).toBe(200);
    expect((await t.app.request('http://127.0.0.1:8790/saymotion/account/v1/logout', { headers: { cookie: a } })).status).toBe(200);
    expect((await balance(a)).status).toBe(401);
    expect((await balance(b)).status).toBe(200);
    const c = (await auth()).headers.get('set-cookie')!.split(';')[0]!;
    const all = await t.app.request('http://127.0.0.1:8790/saymotion/account/v1/logout?all=1', { headers: { cookie: c } });
    expect(((await all.json()) as { revoked: number }).revoked).toBeGreaterThanOrEqual(2);
    expect((await balance(b)).status).toBe(401);
    expect((await balance(c)).status).toBe(401);
  });

  it('throttles repeated wrong passwords (429 + Retry-After), and even the right one waits', async () => {
    let throttled = 0;
    for (let i = 0; i < 30; i++) {
      const res = await auth({}, `wrong-${i}`);
      if (res.status === 429) {
        throttled++;
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      } else expect(res.status).toBe(401);
    }
    expect(throttled).toBeGreaterThanOrEqual(20);
    expect((await auth()).status).toBe(429);
  });
});
