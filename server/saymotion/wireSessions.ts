/**
 * `dmsess` sessions of the local SayMotion-compatible endpoint, kept in memory: a restart logs every
 * SDK client out, which the protocol already expects clients to handle (sessions are time-limited).
 * Expiry slides with use, because the official SDKs never log in again once they have a cookie.
 */
import crypto from 'node:crypto';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Each login makes a session; a client looping on login must not grow memory without bound. */
export const MAX_SESSIONS = 1000;

export class WireSessions {
  private readonly sessions = new Map<string, number>();

  constructor(
    private readonly ttlMs = SESSION_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session token: URL-safe and without "=", since the JS SDK splits Set-Cookie on "=". */
  create(): { token: string; expires: Date } {
    this.sweep();
    while (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.delete(oldest);
    }
    const token = crypto.randomBytes(24).toString('base64url');
    const expires = this.now() + this.ttlMs;
    this.sessions.set(token, expires);
    return { token, expires: new Date(expires) };
  }

  /** True (and the expiry extended) when the token is a live session. */
  touch(token: string | undefined): boolean {
    if (!token) return false;
    const expires = this.sessions.get(token);
    if (expires === undefined) return false;
    if (expires <= this.now()) {
      this.sessions.delete(token);
      return false;
    }
    // Re-insert so Map order stays least-recently-used first for eviction.
    this.sessions.delete(token);
    this.sessions.set(token, this.now() + this.ttlMs);
    return true;
  }

  /** Logout: the token stops working at once. */
  revoke(token: string | undefined): boolean {
    return token !== undefined && this.sessions.delete(token);
  }

  /** Revokes every session (e.g. after the client secret leaked). */
  revokeAll(): number {
    const n = this.sessions.size;
    this.sessions.clear();
    return n;
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, expires] of this.sessions) if (expires <= now) this.sessions.delete(token);
  }
}

/** The value of cookie `name` from a Cookie header. Tolerates the JS SDK's habit of sending "dmsess=<v>; Path". */
export function sessionToken(cookieHeader: string | undefined, name = 'dmsess'): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Browsers share cookies between every port of 127.0.0.1, so a browser gets a cookie named for this
 * server's port (`dmsess_8790`) and a plain `dmsess` cookie a browser carries (set by whatever runs on
 * another port) is ignored. The SDKs are not browsers (no Sec-Fetch-* headers) and look only for
 * `dmsess`, so they keep the protocol's name.
 */
export function sessionCookieName(isBrowser: boolean, port: string): string {
  return isBrowser ? `dmsess_${port}` : 'dmsess';
}
