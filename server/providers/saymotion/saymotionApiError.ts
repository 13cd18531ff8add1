/**
 * What went wrong talking to SayMotion, classified so callers can decide what is safe to do next
 * (retry a GET, never resubmit a POST whose fate is unknown). It is a ProviderError, so when it reaches
 * the job runner its message is shown to the user: every message is written here or scrubbed upstream text.
 */
import { ProviderError } from '../provider.ts';

export type ApiErrorKind =
  /** The credentials were refused (even after one fresh login). */
  | 'auth'
  | 'rate_limited'
  /** 5xx on a request that may be retried. */
  | 'unavailable'
  | 'timeout'
  | 'network'
  /** The reply was not the JSON the contract documents. */
  | 'malformed'
  /** A definite 4xx refusal: nothing was done upstream. */
  | 'rejected'
  /** A POST was sent but its outcome is unknown (timeout, reset, 5xx, unreadable reply): it may have been accepted. */
  | 'uncertain';

export class SayMotionApiError extends ProviderError {
  constructor(
    readonly kind: ApiErrorKind,
    code: string,
    message: string,
    readonly status: number | null = null,
    /** Milliseconds the server asked us to wait (Retry-After), when it said. */
    readonly retryAfterMs: number | null = null,
    /** The numeric SayMotion error code from the reply body, when it had one. */
    readonly upstreamCode: number | null = null,
  ) {
    super(code, message, kind === 'rate_limited' || kind === 'unavailable' || kind === 'timeout' || kind === 'network' || kind === 'malformed');
    this.name = 'SayMotionApiError';
  }
}
