/**
 * What can go wrong on an outbound request before an HTTP status is in hand. Provider clients map
 * these to their own error types (MeshyApiError, SayMotionApiError), so the messages and codes users
 * see are still written by the client that knows the context; HTTP statuses are left to them too,
 * because what a 404 or 429 means differs per API.
 */
export type OutboundErrorKind =
  /** The URL (or a redirect hop) failed the guard: scheme, host allow-list or a private address. */
  | 'refused_url'
  /** The body is larger than the cap given to readCapped. */
  | 'too_large'
  /** No complete answer within the request's timeout. */
  | 'timeout'
  /** The connection failed or dropped; `cause` is the platform's error (its `cause.code` says which). */
  | 'network';

/** Why a URL was refused: `detail` is the guard's own sentence, e.g. "evil.example is not one of the provider's asset hosts". */
export interface Refusal {
  reason: 'invalid' | 'scheme' | 'host' | 'address';
  detail: string;
}

export interface OutboundErrorDetails {
  /** For refused_url: why, and on which hop (0 = the URL asked for, 1 = the first redirect, …). */
  refusal?: Refusal & { hop: number };
  /** For too_large: the cap, and the size the server declared when it was the declaration that exceeded it. */
  limitBytes?: number;
  declaredBytes?: number;
  /** For timeout: the limit that ran out. */
  timeoutMs?: number;
}

export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    readonly details: OutboundErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OutboundError';
  }
}
