/**
 * Who can reach the studio: loopback only by default; any other bind needs an access token, which
 * is then checked on every API route and SSE stream; no CORS; cross-site writes refused; the SPA
 * is served with security headers.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

const TOKEN = 'exposure-test-token-0123456789abcdef';

describe('binding', () => {
  it('refuses to listen beyond loopback without KINEMA_ACCESS_TOKEN, and says what to do', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOST: '0.0.0.0', PORT: '0', KINEMA_DATA_DIR: path.join(root, '.tmp', 'exposure-data') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refusing to listen on 0\.0\.0\.0 without KINEMA_ACCESS_TOKEN/);
  });
});

describe('with an access token', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ KINEMA_ACCESS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await t.close();
  });

  it('every API route and the SSE streams require it', async () => {
    for (const url of ['/api/health', '/api/providers', '/api/jobs', '/api/events', '/api/openapi.json']) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
    const wrong = await t.app.request('/api/jobs', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const ok = await t.app.request('/api/jobs', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
  });

  it('opening the studio once with ?token= sets an HttpOnly cookie that the SPA and EventSource then use', async () => {
    const page = await t.app.request(`/?job=job_abc12345678&token=${TOKEN}`);
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/?job=job_abc12345678');
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/kinema_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const sse = await t.app.request('/api/events', { headers: { cookie: cookie.split(';')[0]! } });
    expect(sse.status).toBe(200);
    await sse.body?.cancel();
  });
});

describe('browser-facing headers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('CORS is closed: no Access-Control-Allow-Origin, even on a preflight', async () => {
    const pre = await t.app.request('/api/jobs', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const get = await t.app.request('/api/jobs', { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('cross-site state changes are refused (Origin and Sec-Fetch-Site), same-origin ones pass', async () => {
    const body = JSON.stringify({ provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1 });
    const h = { 'content-type': 'application/json', host: 'localhost:8790' };
    expect((await t.app.request('http://localhost:8790/api/jobs', { method: 'POST', body, headers: { ...h, origin: 'https://evil.example' } })).status).toBe(403);
    expect((await t.app.request('http://localhost:8790/api/jobs', { method: 'POST', body, headers: { ...h, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await t.app.request('http://localhost:8790/api/jobs', { method: 'POST', body, headers: { ...h, origin: 'null' } })).status).toBe(403);
    expect(
      (await t.app.request('http://localhost:8790/api/jobs', { method: 'POST', body, headers: { ...h, origin: 'http://localhost:8790', 'sec-fetch-site': 'same-origin' } })).status,
    ).toBe(201);
  });

  it('the SPA is served with a CSP, no framing, no sniffing and no referrer leakage', async () => {
    const res = await t.app.request('/');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('the local SayMotion endpoint on an exposed studio', () => {
  it('refuses the default local/local credentials once a token is set', async () => {
    const t = await startTestServer({ KINEMA_ACCESS_TOKEN: TOKEN });
    try {
      const res = await t.app.request('/saymotion/account/v1/auth', { headers: { authorization: `Basic ${Buffer.from('local:local').toString('base64')}` } });
      expect(res.status).toBe(403);
      expect((await res.json()).message).toMatch(/KINEMA_LOCAL_CLIENT_SECRET/);
    } finally {
      await t.close();
    }
  });

  it('with its own credentials, an SDK-style client gets signed download links that need no token; tampered links are refused', async () => {
    const t = await startTestServer({ KINEMA_ACCESS_TOKEN: TOKEN, KINEMA_LOCAL_CLIENT_ID: 'sdk-user', KINEMA_LOCAL_CLIENT_SECRET: 'sdk-secret-9f8e7d6c' });
    try {
      const auth = await t.app.request('/saymotion/account/v1/auth', { headers: { authorization: `Basic ${Buffer.from('sdk-user:sdk-secret-9f8e7d6c').toString('base64')}` } });
      expect(auth.status).toBe(200);
      const cookie = (auth.headers.get('set-cookie') ?? '').split(';')[0]!;
      const submit = await t.app.request('/saymotion/job/v1/process/text2motion', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ params: ['prompt="a person waves"', 'requestedAnimationDuration=2'] }),
      });
      expect(submit.status).toBe(200);
      const { rid } = (await submit.json()) as { rid: string };
      await t.waitForJob(rid);
      const dl = (await (await t.app.request(`/saymotion/job/v1/download/${rid}`, { headers: { cookie } })).json()) as {
        links: Array<{ urls: Array<{ files: Array<Record<string, string>> }> }>;
      };
      const glbUrl = new URL(dl.links[0]!.urls[0]!.files.find((f) => f.glb)!.glb!);
      expect(glbUrl.pathname).toMatch(/^\/saymotion\/files\//);
      const file = await t.app.request(glbUrl.pathname + glbUrl.search);
      expect(file.status).toBe(200);
      expect(new TextDecoder().decode((await file.arrayBuffer()).slice(0, 4))).toBe('glTF');
      const tampered = glbUrl.pathname.replace(/\/1\/glb$/, '/1/bvh') + glbUrl.search;
      expect((await t.app.request(tampered)).status).toBe(403);
      expect((await t.app.request(glbUrl.pathname)).status).toBe(403);
      // The plain API route still needs the token.
      const apiFile = await t.app.request(`/api/jobs/${rid}/variants/1/files/glb`);
      expect(apiFile.status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
