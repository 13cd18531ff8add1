import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

describe('bad requests get a 4xx JSON error naming the field', () => {
  const cases: Array<[string, unknown, number, string | undefined, RegExp]> = [
    ['missing prompt', { provider: 'local', kind: 'text2motion' }, 400, 'prompt', /prompt is required/],
    ['empty prompt', { provider: 'local', kind: 'text2motion', prompt: '   ' }, 400, 'prompt', /must not be empty/],
    ['variants 99', { provider: 'local', kind: 'text2motion', prompt: 'walk', variants: 99 }, 400, 'variants', /at most 8/],
    ['variants 0', { provider: 'local', kind: 'text2motion', prompt: 'walk', variants: 0 }, 400, 'variants', /at least 1/],
    ['variants as string', { provider: 'local', kind: 'text2motion', prompt: 'walk', variants: '3' }, 400, 'variants', /whole number/],
    ['unknown provider', { provider: 'acme', kind: 'text2motion', prompt: 'walk' }, 400, 'provider', /one of: local, saymotion, meshy/],
    ['unconfigured provider', { provider: 'saymotion', kind: 'text2motion', prompt: 'walk' }, 400, 'provider', /DM_CLIENT_ID/],
    ['unknown kind', { provider: 'local', kind: 'dance', prompt: 'walk' }, 400, 'kind', /kind must be one of/],
    ['poseFiltering 2', { provider: 'local', kind: 'text2motion', prompt: 'walk', poseFiltering: 2 }, 400, 'poseFiltering', /between 0 and 1/],
    ['footLocking typo', { provider: 'local', kind: 'text2motion', prompt: 'walk', footLocking: 'sometimes' }, 400, 'footLocking', /.+/],
    ['misspelt field', { provider: 'local', kind: 'text2motion', prompt: 'walk', varients: 2 }, 400, 'varients', /Unknown field "varients"/],
    ['negative duration', { provider: 'local', kind: 'text2motion', prompt: 'walk', durationSec: -1 }, 400, 'durationSec', /0 \(engine decides\) or positive/],
    ['edit of unknown parent', { provider: 'local', kind: 'rerun', parentJobId: 'job_doesnotexist0', variant: 1 }, 404, 'parentJobId', /No job/],
    [
      'bad interval',
      { provider: 'local', kind: 'inpaint', prompt: 'x', parentJobId: 'job_1234567890', variant: 1, intervals: [{ start: 2, end: 1 }] },
      400,
      'intervals[0].end',
      /end after it starts/,
    ],
  ];
  it.each(cases)('%s', async (_name, body, status, field, message) => {
    const res = await t.json('POST', '/api/jobs', body);
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(message);
    expect(typeof res.body.error.code).toBe('string');
  });

  it('malformed JSON', async () => {
    const res = await t.json('POST', '/api/jobs', '{"provider": "local", "kind": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('a JSON array instead of an object', async () => {
    const res = await t.json('POST', '/api/jobs', '[1,2]');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/JSON object/);
  });

  it('wrong content type', async () => {
    const res = await t.app.request('/api/jobs', { method: 'POST', body: 'prompt=walk', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('a body over the size limit', async () => {
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'x'.repeat(400_000) });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('unknown job ids and routes are JSON 404s', async () => {
    expect((await t.json('GET', '/api/jobs/job_nope12345678')).status).toBe(404);
    expect((await t.json('GET', '/api/jobs/..%2F..%2Fetc')).status).toBe(404);
    expect((await t.json('GET', '/api/jobs/job_nope12345678/variants/1/files/glb')).status).toBe(404);
    expect((await t.json('GET', '/api/jobs/job_nope12345678/variants/1/files/exe')).status).toBe(404);
    const r = await t.json('GET', '/api/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.message).toMatch(/openapi/);
  });

  it('bad list parameters', async () => {
    expect((await t.json('GET', '/api/jobs?limit=0')).body.error.field).toBe('limit');
    expect((await t.json('GET', '/api/jobs?cursor=abc')).body.error.field).toBe('cursor');
  });

  it('cross-site POSTs are refused', async () => {
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'walk' }, { origin: 'https://evil.example', host: 'localhost' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_site_request');
  });
});

describe('discovery routes', () => {
  it('health', async () => {
    const res = await t.json('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('providers: local configured, remote providers listed as unconfigured', async () => {
    const res = await t.json('GET', '/api/providers');
    expect(res.status).toBe(200);
    const local = res.body.find((p: any) => p.id === 'local');
    expect(local).toMatchObject({ configured: true });
    expect(local.capabilities).toContain('text2motion');
  });

  it('characters of the local provider', async () => {
    const res = await t.json('GET', '/api/characters?provider=local');
    expect(res.body).toEqual([expect.objectContaining({ id: 'mannequin', provider: 'local' })]);
    expect((await t.json('GET', '/api/characters?provider=zzz')).body.error.field).toBe('provider');
  });

  it('openapi.json describes every mounted /api route and method', async () => {
    const doc = (await t.json('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const shape = (p: string) => p.replace(/:[A-Za-z]+/g, '{}').replace(/\{[A-Za-z]+\}/g, '{}');
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${shape(p)}`)));
    const mounted = t.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*')).map((r) => `${r.method} ${shape(r.path)}`);
    expect(mounted.length).toBeGreaterThan(10);
    expect([...new Set(mounted)].filter((r) => !documented.has(r))).toEqual([]);
  });

  it('openapi.json describes every route with the request schema', async () => {
    const res = await t.json('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const p of ['/api/health', '/api/providers', '/api/characters', '/api/jobs', '/api/jobs/{id}', '/api/jobs/{id}/cancel', '/api/jobs/{id}/events', '/api/events']) {
      expect(res.body.paths[p], p).toBeDefined();
    }
    expect(JSON.stringify(res.body.components.schemas.CreateJobRequest)).toContain('text2motion');
  });
});

describe('rate limit on job submission', () => {
  it('answers 429 with Retry-After once a client exceeds its burst, without counting rejected requests', async () => {
    const limited = await startTestServer({ KINEMA_JOB_BURST: '2', KINEMA_JOB_RATE_PER_MIN: '6' });
    try {
      const body = { provider: 'local', kind: 'text2motion', prompt: 'wave', durationSec: 1 };
      for (let i = 0; i < 5; i++) expect((await limited.json('POST', '/api/jobs', { ...body, variants: 99 })).status).toBe(400);
      expect((await limited.json('POST', '/api/jobs', body)).status).toBe(201);
      expect((await limited.json('POST', '/api/jobs', body)).status).toBe(201);
      const third = await limited.json('POST', '/api/jobs', body);
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('rate_limited');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('provider outages are explained, not 500s', () => {
  it('characters of an unreachable SayMotion: 502 naming the provider', async () => {
    const down = await startTestServer({ DM_API_SERVER_URL: 'http://127.0.0.1:9', DM_CLIENT_ID: 'outage-id', DM_CLIENT_SECRET: 'outage-secret' });
    try {
      const res = await down.json('GET', '/api/characters?provider=saymotion');
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(/SayMotion could not list its characters/);
    } finally {
      await down.close();
    }
  }, 60_000);
});
