import { OutboundError } from './outboundError.ts';

/**
 * Classifies what fetch (or a body read) threw. The caller's own cancel is passed through untouched,
 * since callers stop on it rather than report it; OutboundErrors pass through as they are.
 */
export function toOutboundError(err: unknown, callerSignal: AbortSignal | undefined, timeoutMs: number | undefined): unknown {
  if (err instanceof OutboundError) return err;
  if (callerSignal?.aborted) return callerSignal.reason;
  // AbortSignal.timeout aborts with a DOMException named TimeoutError, which fetch and the body stream rethrow.
  if ((err as { name?: unknown } | null)?.name === 'TimeoutError') {
    const after = timeoutMs !== undefined ? ` within ${Math.round(timeoutMs / 1000)} s` : '';
    return new OutboundError('timeout', `no answer${after}`, { timeoutMs }, { cause: err });
  }
  return new OutboundError('network', err instanceof Error ? err.message : String(err), {}, { cause: err });
}
