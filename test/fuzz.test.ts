/**
 * 10,000+ malformed requests across every route: the server answers each with a 4xx JSON error (or
 * a valid success), never a 5xx, and is still healthy afterwards. Property-based with fast-check so a
 * failure shrinks to a minimal request.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

let t: TestServer;
let realJobId = '';

beforeAll(async () => {
  // A tiny burst: the rare mutated body that happens to be valid must not bury the machine in engine work.
  t = await startTestServer({ KINEMA_JOB_BURST: '3', KINEMA_JOB_RATE_PER_MIN: '1' });
  const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'walk', durationSec: 1, seed: 1 });
  realJobId = res.body.id;
  await t.waitForJob(realJobId);
});
afterAll(async () => {
  await t?.close();
});

/** Route templates; {id}, {n}, {fmt} and {x} are filled with good and bad values. */
const ROUTES = [
  '/api/health',
  '/api/openapi.json',
  '/api/providers',
  '/api/characters',
  '/api/characters/{x}',
  '/api/library',
  '/api/jobs',
  '/api/jobs/{id}',
  '/api/jobs/{id}/cancel',
  '/api/jobs/{id}/events',
  '/api/events',
  '/api/jobs/{id}/variants/{n}/files/{fmt}',
  '/api/jobs/{id}/download',
  '/api/jobs/{id}/variants/{n}/download',
  '/api/prompt/optimize',
  '/api/prompt/parse',
  '/api/{x}',
  '/api/jobs/{x}/{x}',
  '/saymotion/account/v1/auth',
  '/saymotion/account/v1/creditBalance',
  '/saymotion/job/v1/process/text2motion',
  '/saymotion/job/v1/status/{id}',
  '/saymotion/job/v1/download/{id}',
  '/saymotion/job/v1/list',
  '/saymotion/job/v1/cancel/{id}',
  '/saymotion/character/v1/listModels',
  '/saymotion/prompt/v1/optimize',
];

const weird = fc.oneof(
  fc.constantFrom(
    '..',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '%',
    '%ZZ',
    'job_',
    'job_!!!!!!!!',
    'job_' + 'a'.repeat(300),
    '-1',
    '0',
    '9',
    '1e9',
    'NaN',
    'null',
    '0x10',
    '1e0',
    '+1',
    '01',
    '%E2%80%AE',
    '😀',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
const segment = (kind: 'id' | 'n' | 'fmt' | 'x') =>
  kind === 'id'
    ? fc.oneof(
        fc.constant(() => realJobId),
        weird.map((w) => () => w),
      )
    : kind === 'n'
      ? fc.oneof(fc.constantFrom('1', '2', '8'), weird).map((w) => () => w)
      : kind === 'fmt'
        ? fc.oneof(fc.constantFrom('glb', 'bvh', 'fbx', 'mp4', 'zip', 'motion', 'kmo'), weird).map((w) => () => w)
        : weird.map((w) => () => w);

const path = fc.constantFrom(...ROUTES).chain((tpl) => {
  const holes = [...tpl.matchAll(/\{(id|n|fmt|x)\}/g)].map((m) => m[1] as 'id' | 'n' | 'fmt' | 'x');
  return fc.tuple(...holes.map(segment)).map((fills) => () => {
    let i = 0;
    return tpl.replace(/\{(id|n|fmt|x)\}/g, () => fills[i++]!());
  });
});

const query = fc
  .array(
    fc.tuple(
      fc.constantFrom('limit', 'cursor', 'provider', 'format', 'fps', 'inPlace', 'skin', 'lastEventId', 'search', 'variant_id', 'token', 'x'),
      fc.oneof(weird, fc.integer().map(String)),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length ? '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&') : ''));

const validBody = { provider: 'local', kind: 'text2motion', prompt: 'a person walks', variants: 2, durationSec: 3, footLocking: 'auto', poseFiltering: 0.5, physicsFilter: true };
const mutatedBody = fc
  .tuple(fc.constantFrom(...Object.keys(validBody), 'parentJobId', 'variant', 'intervals', 'reps', 'creativity', 'kind', 'zzz'), fc.jsonValue({ maxDepth: 3 }))
  .map(([k, v]) => JSON.stringify({ ...validBody, [k]: v }));
const body = fc.oneof(
  fc.constant(undefined),
  mutatedBody,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.constantFrom('{', '{"provider":', '[]', 'null', '"x"', '{"kind":"inpaint","intervals":[{"start":"a"}]}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
);
// Header values must be byte strings (the client refuses others before anything is sent).
const headerSafe = weird.map((w) => w.replace(/[^\x20-\x7e]/g, '?'));
const headers = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      '',
    ),
    'last-event-id': fc.oneof(headerSafe, fc.integer().map(String)),
    range: fc.constantFrom('bytes=0-1', 'bytes=-0', 'bytes=5-2', 'bytes=abc', 'bytes=0-1,3-4', 'items=1-2', 'bytes=99999999-'),
    'idempotency-key': headerSafe,
    authorization: fc.constantFrom('Basic Og==', 'Basic !!!', 'Bearer x', 'Basic ' + Buffer.from('local:wrong').toString('base64')),
    cookie: fc.constantFrom('dmsess=garbage', 'dmsess=', 'a=b; dmsess=%FF', 'dmsess_80=garbage'),
    // DNS-rebinding probes: foreign names, loopback look-alikes, malformed hosts.
    host: fc.constantFrom('evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '[::1]:1', 'localhost:99999', 'a b', '127.0.0.1'),
  },
  { requiredKeys: [] },
);

const request = fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'), path, query, body, headers });

describe('fuzz', () => {
  it('10,000 malformed requests: never a 5xx, errors are JSON with a code and a message', async () => {
    const statuses = new Map<number, number>();
    // DELETE /api/jobs/{id} is a valid request: the fuzz may delete the real job, which must then be gone.
    let deleted = false;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = r.path() + r.query;
        const init: RequestInit = { method: r.method, headers: r.headers as Record<string, string> };
        if (r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD') init.body = r.body;
        const res = await t.app.request(url, init);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (r.method === 'DELETE' && res.status === 200 && new URL(url, 'http://x').pathname === `/api/jobs/${realJobId}`) deleted = true;
        const type = res.headers.get('content-type') ?? '';
        if (type.includes('text/event-stream')) {
          await res.body?.cancel();
          return res.status === 200;
        }
        const text = await res.text();
        if (res.status >= 500) throw new Error(`${r.method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
        if (res.status >= 400 && r.method !== 'HEAD' && res.status !== 416) {
          let parsed: { error?: { code?: unknown; message?: unknown }; message?: unknown };
          try {
            parsed = JSON.parse(text);
          } catch {
            throw new Error(`${r.method} ${url} → ${res.status} with a non-JSON body: ${text.slice(0, 200)}`);
          }
          // /saymotion speaks the SayMotion wire protocol, whose errors are {"message": …}; /api uses the studio's shape.
          const ok = url.startsWith('/saymotion')
            ? typeof parsed.message === 'string' || typeof parsed.error?.message === 'string'
            : typeof parsed.error?.code === 'string' && typeof parsed.error?.message === 'string';
          if (!ok) throw new Error(`${r.method} ${url} → ${res.status} without a JSON error: ${text.slice(0, 200)}`);
        }
        return true;
      }),
      { numRuns: 10_000, seed: 20261121 },
    );
    const health = await t.json('GET', '/api/health');
    expect(health.status).toBe(200);
    const count4xx = [...statuses].filter(([s]) => s >= 400 && s < 500).reduce((a, [, n]) => a + n, 0);
    expect(count4xx).toBeGreaterThan(5000);
    // The job made before the fuzz is intact (or, if a fuzzed DELETE was a valid one, cleanly gone).
    const after = await t.json('GET', `/api/jobs/${realJobId}`);
    if (deleted) expect(after.status).toBe(404);
    else expect(after.body.status).toBe('succeeded');
  }, 600_000);
});
