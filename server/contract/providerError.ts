/**
 * A failure the provider can explain to the user. `code` is machine-readable; `message` says what to do.
 * Defined here, below providers and render, so the local renderer can throw it without importing providers.
 */
export class ProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** true when retrying later could help (rate limit, upstream outage). */
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
