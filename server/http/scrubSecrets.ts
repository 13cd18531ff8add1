/**
 * Removes credential values from text, whatever their case and in their common encodings (URL,
 * base64, base64url, hex): upstream services echo what they were sent, sometimes upper-cased or
 * encoded, and none of it may reach a job error, an SSE event, the database or a log line.
 */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The secret and its encodings that appear verbatim in text. */
function secretForms(secret: string): string[] {
  const buf = Buffer.from(secret, 'utf8');
  const forms = [secret, encodeURIComponent(secret), buf.toString('base64'), buf.toString('base64url'), buf.toString('base64').replace(/=+$/, ''), buf.toString('hex')];
  return [...new Set(forms)].filter((f) => f.length >= 4);
}

/** A scrubber for these secrets (values shorter than 4 characters are ignored: they would blank ordinary words). */
export function secretScrubber(secrets: Iterable<string>): (text: string) => string {
  const forms = [...new Set([...secrets].filter((s) => s.length >= 4).flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  const re = new RegExp(forms.map(escape).join('|'), 'gi');
  return (text) => text.replace(re, '[redacted]');
}
