/** Secret scrubbing ignores case and catches the common encodings an upstream might echo. */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { MeshyClient } from '../providers/meshy/meshyClient.ts';
import { SecretScrubber } from '../providers/saymotion/secretScrubber.ts';
import { secretScrubber } from './scrubSecrets.ts';

const SECRET = 'sk-Live_AbC123/xyz+=';
const echoes = [
  SECRET,
  SECRET.toUpperCase(),
  SECRET.toLowerCase(),
  encodeURIComponent(SECRET),
  encodeURIComponent(SECRET).toLowerCase(),
  Buffer.from(SECRET).toString('base64'),
  Buffer.from(SECRET).toString('base64url'),
  Buffer.from(SECRET).toString('hex'),
  Buffer.from(SECRET).toString('hex').toUpperCase(),
];

function leaks(text: string): boolean {
  return echoes.some((e) => text.includes(e));
}

describe('secret scrubbing', () => {
  it('removes the secret in any case and in URL, base64, base64url and hex forms', () => {
    const scrub = secretScrubber([SECRET]);
    for (const e of echoes) {
      const out = scrub(`upstream said: invalid key "${e}" (401)`);
      expect(out, e).toBe('upstream said: invalid key "[redacted]" (401)');
    }
    expect(scrub('nothing secret here')).toBe('nothing secret here');
  });

  it('the SayMotion scrubber, the Meshy client and the logger all use it', () => {
    const sm = new SecretScrubber();
    sm.add(SECRET);
    const meshy = new MeshyClient({ baseUrl: 'https://api.meshy.ai', apiKey: SECRET, assetHosts: [] });
    const lines: string[] = [];
    const log = createLogger('debug', [SECRET], (l) => lines.push(l));
    for (const e of echoes) {
      expect(leaks(sm.scrub(`FAILURE: ${e}`)), e).toBe(false);
      expect(leaks(meshy.scrub(`bad key ${e}`)), e).toBe(false);
      log.error('upstream error', { body: `KEY=${e}` });
    }
    expect(lines.some(leaks)).toBe(false);
    expect(lines.every((l) => l.includes('[redacted]'))).toBe(true);
  });
});
