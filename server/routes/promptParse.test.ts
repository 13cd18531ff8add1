/** The parse preview API and the refusal of local jobs that would only be idle takes, on a real test server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { HttpError } from '../http/errors.ts';
import { RateLimiter } from '../http/rateLimiter.ts';
import { startTestServer, type TestServer } from '../../test/helpers/testServer.ts';
import { ParsePromptResponse } from '../contract/promptParse.ts';
import { promptParseRoutes } from './promptParse.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const parse = (prompt: unknown) => t.json('POST', '/api/prompt/parse', { prompt });

describe('POST /api/prompt/parse', () => {
  it('returns chips for every planned step, in order, and says all was understood', async () => {
    const res = await parse('a person picks up a box and carries it, then waves');
    expect(res.status).toBe(200);
    const body = ParsePromptResponse.parse(res.body);
    expect(body.understanding).toBe('all');
    expect(body.steps.map((s) => s.action)).toEqual(['pickUp', 'carry', 'wave']);
    expect(body.steps[0]!.label).toContain('box');
    expect(body.notUnderstood).toEqual([]);
  });

  it('names the clause it could not read and suggests library actions with insertable phrases', async () => {
    const res = await parse('walk forward then levitate above the clouds');
    const body = ParsePromptResponse.parse(res.body);
    expect(body.understanding).toBe('part');
    expect(body.steps.map((s) => s.action)).toEqual(['walk']);
    expect(body.notUnderstood).toHaveLength(1);
    expect(body.notUnderstood[0]!.text).toContain('levitate');
    expect(body.notUnderstood[0]!.suggestions.length).toBeGreaterThan(0);
    for (const s of body.notUnderstood[0]!.suggestions) expect(s.phrase.length).toBeGreaterThan(2);
  });

  it('suggests the nearest action for a typo and reports nothing understood', async () => {
    const body = ParsePromptResponse.parse((await parse('she does a cartweel')).body);
    expect(body.understanding).toBe('nothing');
    expect(body.notUnderstood[0]!.suggestions[0]!.action).toBe('cartwheel');
  });

  it('lists ignored words and ambiguous readings', async () => {
    const body = ParsePromptResponse.parse((await parse('the man walks towards the banana then bows')).body);
    expect(body.ignored).toEqual(expect.arrayContaining(['towards', 'banana']));
    expect(body.alternatives.some((a) => a.text === 'bows')).toBe(true);
  });

  it('an empty prompt is "empty", not an error (the preview runs while typing)', async () => {
    const body = ParsePromptResponse.parse((await parse('')).body);
    expect(body.understanding).toBe('empty');
  });

  it('bad input is a 4xx naming the field', async () => {
    const missing = await t.json('POST', '/api/prompt/parse', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('prompt');
    const long = await parse('walk '.repeat(300));
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/too long/);
    const extra = await t.json('POST', '/api/prompt/parse', { prompt: 'walk', provider: 'local' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.field).toBe('provider');
  });

  it('is rate limited per client with a 429 and Retry-After', async () => {
    const app = new Hono().route('/api', promptParseRoutes({}, new RateLimiter(60, 2)));
    app.onError((err, c) => (err instanceof HttpError ? c.json(err.body(), err.status, err.headers) : c.json({}, 500)));
    const call = () => app.request('/api/prompt/parse', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"walk"}' });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    const third = await call();
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBeTruthy();
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await t.json('GET', '/api/openapi.json')).body;
    expect(doc.paths['/api/prompt/parse'].post).toBeDefined();
    expect(doc.components.schemas.ParsePromptResponse).toBeDefined();
  });
});

describe('local jobs that would only be idle takes', () => {
  it('are refused with a 422 naming prompt, with suggestions', async () => {
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'xyzzy plugh', durationSec: 1 });
    expect(res.status).toBe(422);
    expect(res.body.error.field).toBe('prompt');
    expect(res.body.error.code).toBe('prompt_not_understood');
    expect(res.body.error.message).toMatch(/acceptIdleTake/);
  });

  it('run when the request accepts an idle take', async () => {
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'xyzzy plugh', durationSec: 1, variants: 1, acceptIdleTake: true });
    expect(res.status).toBe(201);
    const done = await t.waitForJob(res.body.id);
    expect(done.status).toBe('succeeded');
    expect(done.report?.understood.join(' ')).toMatch(/idle/);
  });

  it('a prompt the engine reads runs, and its stored report carries the planned steps', async () => {
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'walk forward then wave and levitate', durationSec: 2, variants: 1 });
    expect(res.status).toBe(201);
    const done = await t.waitForJob(res.body.id);
    expect(done.status).toBe('succeeded');
    expect(done.report?.steps?.map((s) => s.action)).toEqual(['walk', 'wave']);
    expect(done.report?.notUnderstood?.[0]?.text).toContain('levitate');
  });

  it('acceptIdleTake must be a boolean', async () => {
    const res = await t.json('POST', '/api/jobs', { provider: 'local', kind: 'text2motion', prompt: 'walk', acceptIdleTake: 'yes' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('acceptIdleTake');
  });
});
