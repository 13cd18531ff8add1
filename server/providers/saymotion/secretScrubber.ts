/**
 * Removes every credential-shaped value we hold (client id, secret, the Basic token and any session
 * cookie ever issued) from text that came from upstream, before it can reach a message, a log line or
 * a response. Upstream error bodies are outside our control and may echo what we sent.
 */
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

  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is removed whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('[redacted]');
    return out;
  }
}
