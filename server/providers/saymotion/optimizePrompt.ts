/**
 * SayMotion's prompt optimiser: POST /prompt/v1/optimize returns a request id whose status is followed
 * like a job's (on /prompt/v1/status, by the prompt tracker); SUCCESS carries a JSON array of prompts.
 */
import { ProviderError } from '../provider.ts';
import { promptParam } from './buildJobParams.ts';
import type { SayMotionClient } from './saymotionClient.ts';
import type { Tracker } from './tracker.ts';
import { OptimizedPrompts, ProcessReply } from './wireSchemas.ts';

export interface OptimizeOptions {
  /** Ask SayMotion to split the prompt into several actionable prompts. */
  breakIntoActionablePrompts?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export async function optimizePrompt(client: SayMotionClient, tracker: Tracker, prompt: string, opts: OptimizeOptions = {}): Promise<string[]> {
  if (prompt.trim() === '') throw new ProviderError('invalid_prompt', 'Write a prompt to optimise first.');
  const params = [promptParam(prompt), `breakIntoActionablePrompts=${opts.breakIntoActionablePrompts ? 1 : 0}`];
  const { rid } = await client.post('/prompt/v1/optimize', { params }, ProcessReply, { signal: opts.signal });
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let details: Record<string, unknown> | null;
  try {
    ({ details } = await tracker.track(rid, () => undefined, signal));
  } catch (err) {
    if (timeout.aborted && !opts.signal?.aborted) {
      throw new ProviderError('optimize_timeout', `SayMotion did not finish optimising the prompt within ${Math.round(timeoutMs / 1000)} s. Try again.`, true);
    }
    throw err;
  }
  const parsed = OptimizedPrompts.safeParse(details?.out);
  if (!parsed.success) throw new ProviderError('provider_bad_response', 'SayMotion finished optimising the prompt but sent no readable result.');
  return parsed.data.map((p) => p.trim()).filter((p) => p.length > 0);
}
