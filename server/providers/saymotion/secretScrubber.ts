/**
 * Removes every credential-shaped value we hold (client id, secret, the Basic token and any session
 * cookie ever issued) from text that came from upstream, before it can reach a message, a log line or
 * a response. Upstream error bodies are outside our control and may echo what we sent.
 */
import { secretScrubber } from '../../http/scrubSecrets.ts';

export class SecretScrubber {
  private readonly secrets = new Set<string>();

  add(...values: Array<string | null | undefined>): void {
    for (const v of values) {
      // Short values would blank out ordinary words; config requires real credentials to be longer.
      if (v && v.length >= 4) {
        this.secrets.add(v);
        // Cookies and query strings carry these URL-encoded too.
        const encoded = encodeURIComponent(v);
        if (encoded !== v) this.secrets.add(encoded);
      }
    }
  }

  private compiled: { size: number; scrub: (text: string) => string } | null = null;

  /** Case-insensitive, and of the common encodings too (see scrubSecrets.ts). */
  scrub(text: string): string {
    if (this.compiled?.size !== this.secrets.size) this.compiled = { size: this.secrets.size, scrub: secretScrubber(this.secrets) };
    return this.compiled.scrub(text);
  }
}
