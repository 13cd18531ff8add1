/** The wire endpoint's prompt optimizer: submit a prompt, then poll its split into actionable prompts. */
import crypto from 'node:crypto';
import type { Hono } from 'hono';
import { optimizePrompt } from './promptOptimizer.ts';
import { INVALID_PARAMETER, WireError } from './wireError.ts';
import { decodePrompt, paramMap } from './wireParams.ts';
import { readBody, ridList } from './wireRequest.ts';

/** Results are only needed until the client polls them once or twice. */
const MAX_OPTIMIZATIONS = 500;

export function wirePromptRoutes(app: Hono): void {
  const optimizations = new Map<string, string[]>();

  app.post('/prompt/v1/optimize', async (c) => {
    const map = paramMap((await readBody(c)).params);
    const raw = map.get('prompt');
    if (raw === undefined || decodePrompt(raw).trim() === '') throw new WireError(400, 'prompt is required, e.g. prompt="walk forward then wave".', INVALID_PARAMETER);
    const split = map.get('breakIntoActionablePrompts')?.trim();
    if (split !== undefined && split !== '0' && split !== '1') throw new WireError(400, 'breakIntoActionablePrompts must be 0 or 1.', INVALID_PARAMETER);
    const rid = `opt_${crypto.randomBytes(12).toString('hex')}`;
    optimizations.set(rid, optimizePrompt(decodePrompt(raw).slice(0, 2000), split === '1'));
    while (optimizations.size > MAX_OPTIMIZATIONS) optimizations.delete(optimizations.keys().next().value as string);
    return c.json({ rid });
  });

  app.get('/prompt/v1/status/:rids', (c) => {
    const status = ridList(c.req.param('rids')).flatMap((rid) => {
      const out = optimizations.get(rid);
      return out ? [{ rid, status: 'SUCCESS', details: { out: JSON.stringify(out) } }] : [];
    });
    return c.json({ count: status.length, status });
  });
}
