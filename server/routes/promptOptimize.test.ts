/** The prompt optimiser route, driven in-process against stub providers (no network). */
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import type { Capability } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import { ProviderError } from '../providers/provider.ts';
import type { Provider } from '../providers/provider.ts';
import { startTestServer } from '../../test/helpers/testServer.ts';
import { promptOptimizeRoutes } from './promptOptimize.ts';

function stubProvider(id: 'saymotion' | 'meshy', caps: Capability[], optimize?: (p: string, o: { breakIntoActionablePrompts?: boolean }) => Promise<string[]>): Provider {
  const p = {
    id,
    name: id,
    configured: () => true,
    capabilities: () => caps,
    credits: async () => null,
    characters: async () => [],
    run: async () => undefined,
  } as Provider & { optimizePrompt?: typeof optimize };
  if (optimize) p.optimizePrompt = optimize;
  return p;
}

function app(providers: Provider[]) {
  const s = { providers: new Map(providers.map((p) => [p.id, p])) };
  const a = new Hono().route('/api', promptOptimizeRoutes(s));
  a.onError((err, c) => (err instanceof HttpError ? c.json(err.body(), err.status) : c.json({ error: { code: 'internal', message: String(err) } }, 500)));
  return async (body: unknown) => {
    const res = await a.request('/api/prompt/optimize', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}

describe('POST /api/prompt/optimize', () => {
  it('splits a prompt with the local rules', async () => {
    const res = await app([])({ provider: 'local', prompt: 'walk forward slowly, then turn left and wave' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ provider: 'local', suggestions: ['A person walks forward slowly', 'A person turns left', 'A person waves'] });
  });

  it('delegates to SayMotion, asking for actionable sub-prompts', async () => {
    const calls: Array<[string, boolean | undefined]> = [];
    const sm = stubProvider('saymotion', ['text2motion', 'optimizePrompt'], async (p, o) => {
      calls.push([p, o.breakIntoActionablePrompts]);
      return ['A person walks', 'A person waves'];
    });
    const res = await app([sm])({ provider: 'saymotion', prompt: '  walk and wave ' });
    expect(res.body).toEqual({ provider: 'saymotion', suggestions: ['A person walks', 'A person waves'] });
    expect(calls).toEqual([['walk and wave', true]]);
  });

  it.each([
    ['unconfigured SayMotion', [], { provider: 'saymotion', prompt: 'walk' }, 400, 'provider', /not configured/],
    [
      'SayMotion without the capability',
      [stubProvider('saymotion', ['text2motion'], async () => [])],
      { provider: 'saymotion', prompt: 'walk' },
      400,
      'provider',
      /use provider "local"/,
    ],
    ['an adapter without the method', [stubProvider('saymotion', ['optimizePrompt'])], { provider: 'saymotion', prompt: 'walk' }, 400, 'provider', /no prompt optimiser/],
    ['Meshy', [stubProvider('meshy', ['rig'])], { provider: 'meshy', prompt: 'walk' }, 400, 'provider', /no prompt optimiser/],
    ['empty prompt', [], { provider: 'local', prompt: '   ' }, 400, 'prompt', /must not be empty/],
    ['missing prompt', [], { provider: 'local' }, 400, 'prompt', /prompt is required/],
    ['unknown provider', [], { provider: 'acme', prompt: 'walk' }, 400, 'provider', /one of: local, saymotion, meshy/],
    ['unknown field', [], { provider: 'local', prompt: 'walk', split: true }, 400, 'split', /Unknown field/],
    ['too long', [], { provider: 'local', prompt: 'x'.repeat(1001) }, 400, 'prompt', /too long/],
  ] as Array<[string, Provider[], unknown, number, string, RegExp]>)('refuses %s, naming the field', async (_n, providers, body, status, field, msg) => {
    const res = await app(providers)(body);
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(msg);
  });

  it('turns provider failures into 422 (refused) or 503 (try later)', async () => {
    const refused = stubProvider('saymotion', ['optimizePrompt'], async () => {
      throw new ProviderError('invalid_prompt', 'SayMotion refused the prompt.');
    });
    expect(await app([refused])({ provider: 'saymotion', prompt: 'walk' })).toMatchObject({ status: 422, body: { error: { code: 'invalid_prompt' } } });
    const down = stubProvider('saymotion', ['optimizePrompt'], async () => {
      throw new ProviderError('optimize_timeout', 'SayMotion did not answer in time.', true);
    });
    expect(await app([down])({ provider: 'saymotion', prompt: 'walk' })).toMatchObject({ status: 503, body: { error: { code: 'optimize_timeout' } } });
  });

  it('rejects malformed JSON with a 4xx', async () => {
    const res = await app([])('{"provider":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });
});

describe('mounted in the studio app', () => {
  it('answers under /api with the local rules, and names the field when SayMotion is not configured', async () => {
    const t = await startTestServer();
    try {
      const ok = await t.json('POST', '/api/prompt/optimize', { provider: 'local', prompt: 'jump then sit down' });
      expect(ok).toMatchObject({ status: 200, body: { provider: 'local', suggestions: ['A person jumps', 'A person sits down'] } });
      const off = await t.json('POST', '/api/prompt/optimize', { provider: 'saymotion', prompt: 'jump' });
      expect(off.status).toBe(400);
      expect(off.body.error.field).toBe('provider');
    } finally {
      await t.close();
    }
  });
});
