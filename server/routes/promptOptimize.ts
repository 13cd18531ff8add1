/**
 * POST /api/prompt/optimize {provider, prompt} → {provider, suggestions}.
 * "local" runs the rule-based optimiser in this process (always available, free). "saymotion" delegates to
 * the SayMotion adapter's optimiser when the adapter is configured, lists `optimizePrompt` among its
 * capabilities and exposes the method; otherwise the 400 names `provider` and says what to use instead.
 */
import { Hono } from 'hono';
import type { ProviderId } from '../contract/api.ts';
import { OptimizePromptRequest } from '../contract/promptOptimize.ts';
import type { OptimizePromptResponse } from '../contract/promptOptimize.ts';
import { HttpError } from '../http/errors.ts';
import { readJson } from '../http/readJson.ts';
import { suggestSubPrompts } from '../prompt/suggestSubPrompts.ts';
import { ProviderError } from '../providers/provider.ts';
import type { Provider } from '../providers/provider.ts';
import { PROVIDER_NAMES, requireProvider } from './requireProvider.ts';

/** The part of a provider adapter this route uses; adapters that lack it cannot optimise. */
interface PromptOptimizer {
  optimizePrompt(prompt: string, opts: { breakIntoActionablePrompts?: boolean; signal?: AbortSignal; timeoutMs?: number }): Promise<string[]>;
}

function asOptimizer(p: Provider): PromptOptimizer | null {
  const candidate = p as Provider & Partial<PromptOptimizer>;
  return p.capabilities().includes('optimizePrompt') && typeof candidate.optimizePrompt === 'function' ? (candidate as PromptOptimizer) : null;
}

/** A provider-side optimiser should answer well within a user's patience; the studio shows a spinner meanwhile. */
const PROVIDER_TIMEOUT_MS = 60_000;

export function promptOptimizeRoutes(s: { readonly providers: ReadonlyMap<ProviderId, Provider> }) {
  return new Hono().post('/prompt/optimize', async (c) => {
    const { provider: id, prompt } = await readJson(c, OptimizePromptRequest);
    if (id === 'local') {
      const body: OptimizePromptResponse = { provider: 'local', suggestions: suggestSubPrompts(prompt) };
      return c.json(body);
    }
    const provider = requireProvider(s, id);
    const optimizer = asOptimizer(provider);
    if (!optimizer) {
      throw new HttpError(
        400,
        'unsupported_operation',
        `${PROVIDER_NAMES[id]} has no prompt optimiser on this server; use provider "local" for the built-in rule-based one.`,
        'provider',
      );
    }
    try {
      const suggestions = await optimizer.optimizePrompt(prompt, {
        breakIntoActionablePrompts: true,
        signal: c.req.raw.signal,
        timeoutMs: PROVIDER_TIMEOUT_MS,
      });
      const body: OptimizePromptResponse = { provider: id, suggestions };
      return c.json(body);
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      // Provider messages are written for users (secrets scrubbed upstream). Outages may pass; refusals will not.
      if (err.retryable) throw new HttpError(503, err.code, err.message);
      throw new HttpError(422, err.code, err.message);
    }
  });
}
