import { describe, expect, it } from 'vitest';
import { MAX_SESSIONS, sessionToken, WireSessions } from './wireSessions.ts';

describe('wire sessions', () => {
  it('expire after their time limit, and each use extends it', () => {
    let now = 0;
    const sessions = new WireSessions(1000, () => now);
    const { token, expires } = sessions.create();
    expect(expires.getTime()).toBe(1000);
    now = 900;
    expect(sessions.touch(token)).toBe(true);
    now = 1800; // past the first expiry, within the extended one
    expect(sessions.touch(token)).toBe(true);
    now = 2900;
    expect(sessions.touch(token)).toBe(false);
    expect(sessions.touch(token)).toBe(false);
  });

  it('tokens are URL-safe and contain no "=" (the JS SDK splits Set-Cookie on "=")', () => {
    const sessions = new WireSessions();
    for (let i = 0; i < 50; i++) expect(sessions.create().token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('unknown tokens are refused and the number of sessions is capped', () => {
    const sessions = new WireSessions();
    expect(sessions.touch(undefined)).toBe(false);
    expect(sessions.touch('nope')).toBe(false);
    const first = sessions.create().token;
    for (let i = 0; i < MAX_SESSIONS + 10; i++) sessions.create();
    expect(sessions.size).toBe(MAX_SESSIONS);
    expect(sessions.touch(first)).toBe(false);
  });

  it('reads dmsess from ordinary cookies and from what the JS SDK sends', () => {
    expect(sessionToken('a=1; dmsess=abc_DEF-1; b=2')).toBe('abc_DEF-1');
    // The SDK splits "dmsess=abc; Path=/saymotion; ..." on "=" and sends back "dmsess=abc; Path".
    expect(sessionToken('dmsess=abc; Path')).toBe('abc');
    expect(sessionToken(undefined)).toBeUndefined();
    expect(sessionToken('other=1')).toBeUndefined();
  });
});
