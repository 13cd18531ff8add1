/**
 * POST /api/prompt/parse {prompt} → how the local engine reads it (see contract/promptParse.ts). Cheap (well
 * under a millisecond a prompt) and called on every pause in typing, so it has its own per-client limit, far
 * above what a person typing needs but low enough that a script cannot spin the CPU with it.
 */
import { Hono } from 'hono';
import { ParsePromptRequest } from '../contract/promptParse.ts';
import { clientKey } from '../http/clientKey.ts';
import { HttpError } from '../http/errors.ts';
import { RateLimiter } from '../http/rateLimiter.ts';
import { readJson } from '../http/readJson.ts';
import { readPrompt } from '../prompt/readPrompt.ts';

/** Sustained parses per minute and burst per client. */
const PARSE_RATE = { perMinute: 600, burst: 120 };

/** Takes the services like every route group (app.ts mounts them in one loop), though parsing needs none. */
export function promptParseRoutes(_s: unknown, limiter = new RateLimiter(PARSE_RATE.perMinute, PARSE_RATE.burst)) {
  return new Hono().post('/prompt/parse', async (c) => {
    const { prompt } = await readJson(c, ParsePromptRequest);
    const rate = limiter.take(clientKey(c));
    if (!rate.allowed) {
      throw new HttpError(429, 'rate_limited', `Too many parse requests from this client; try again in ${rate.retryAfterSec} s.`, undefined, {
        'Retry-After': String(rate.retryAfterSec),
      });
    }
    return c.json(readPrompt(prompt));
  });
}
