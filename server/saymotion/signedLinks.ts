/**
 * Download links for the local SayMotion endpoint when the studio is exposed with an access token.
 * The SDKs fetch download URLs without cookies or headers (the real service hands out signed
 * storage URLs), so those links carry an expiring HMAC signature instead of needing the token.
 * The key is derived from the access token, so every instance of a team deployment verifies the
 * links of the others, and rotating the token revokes every link.
 */
import crypto from 'node:crypto';

const LINK_TTL_MS = 60 * 60 * 1000;

export class LinkSigner {
  private readonly key: Buffer;

  constructor(accessToken: string) {
    this.key = crypto.createHash('sha256').update(`kinema-saymotion-links:${accessToken}`).digest();
  }

  private mac(path: string, exp: number): string {
    return crypto.createHmac('sha256', this.key).update(`${path}\n${exp}`).digest('base64url');
  }

  /** `/saymotion/files/<job>/<variant>/<format>?exp=…&sig=…` for the cached file at `path`. */
  sign(jobId: string, variant: number, format: string, now = Date.now()): string {
    const path = `${jobId}/${variant}/${format}`;
    const exp = now + LINK_TTL_MS;
    return `/saymotion/files/${path}?exp=${exp}&sig=${this.mac(path, exp)}`;
  }

  verify(path: string, exp: string | undefined, sig: string | undefined, now = Date.now()): 'ok' | 'expired' | 'invalid' {
    if (!exp || !sig || !/^\d{1,15}$/.test(exp)) return 'invalid';
    const expected = Buffer.from(this.mac(path, Number(exp)));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'invalid';
    return Number(exp) < now ? 'expired' : 'ok';
  }
}
