/**
 * Login, logout and the session check of the wire endpoint: its own Basic login (KINEMA_LOCAL_CLIENT_ID/SECRET →
 * `dmsess` cookie) instead of the /api guards, as SDKs send no Origin and cannot carry the studio's access token.
 */
import crypto from 'node:crypto';
import type { Context, Hono } from 'hono';
import { clientKey } from '../http/clientKey.ts';
import type { Config } from '../config.ts';
import { LoginThrottle } from './loginThrottle.ts';
import { INVALID_PARAMETER, WireError } from './wireError.ts';
import type { WireEndpoint } from './wireEndpoint.ts';
import { fromBrowser, presentedSession, requestPort } from './wireRequest.ts';
import { sessionCookieName, WireSessions } from './wireSessions.ts';

/** The local engine is free; SDK code that checks the balance before submitting should never stop. */
export const LOCAL_CREDITS = 1_000_000;

function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/**
 * Adds login and logout, then the session check every route added after it passes through: call it before the
 * routes that need a session, after those that carry their own proof (signed file links).
 */
export function wireAccountRoutes(app: Hono, w: WireEndpoint): void {
  const sessions = new WireSessions();
  const throttle = new LoginThrottle();
  app.get('/account/v1/auth', (c) => login(c, w.s.config, sessions, throttle));
  // Logout revokes the presented session at once; ?all=1 revokes every session (a leaked cookie or secret).
  app.on(['GET', 'POST'], '/account/v1/logout', (c) => logout(c, sessions));
  app.use('*', async (c, next) => {
    if (!sessions.touch(presentedSession(c))) {
      throw new WireError(401, 'Not logged in or the session expired: call GET /saymotion/account/v1/auth with Basic credentials first.');
    }
    await next();
  });
  app.get('/account/v1/creditBalance', (c) =>
    c.json({
      credits: LOCAL_CREDITS,
      subscription: {
        name: 'Kinema local (offline engine, free)',
        credits: LOCAL_CREDITS,
        featureLimits: { maxVariantsGeneration: 8 },
        currentPeriod: { start: w.startedAt, end: w.startedAt + 365 * 24 * 3600 * 1000 },
      },
    }),
  );
}

function login(c: Context, config: Config, sessions: WireSessions, throttle: LoginThrottle): Response {
  // The default local/local credentials are fine on loopback, but not on a server others can reach.
  if (config.accessToken && config.localClientSecret === 'local') {
    return c.json(
      new WireError(403, 'This studio is reachable beyond loopback: set KINEMA_LOCAL_CLIENT_SECRET (and KINEMA_LOCAL_CLIENT_ID) to use its SayMotion endpoint.').body(),
      403,
    );
  }
  const client = clientKey(c);
  const wait = throttle.retryAfterSec(client);
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    return c.json(new WireError(429, `Too many failed logins from this client; try again in ${wait} s.`).body(), 429);
  }
  if (!validCredentials(c.req.header('authorization') ?? '', config)) {
    throttle.fail(client);
    c.header('WWW-Authenticate', 'Basic realm="Kinema local SayMotion endpoint"');
    // No hint at the values: whoever runs the server knows where they are set.
    return c.json(
      new WireError(401, 'Invalid client credentials: use the client id and secret configured on this server (KINEMA_LOCAL_CLIENT_ID / KINEMA_LOCAL_CLIENT_SECRET).').body(),
      401,
    );
  }
  throttle.succeed(client);
  const { token, expires } = sessions.create();
  const browser = fromBrowser(c);
  const name = sessionCookieName(browser, requestPort(c));
  c.header('Set-Cookie', `${name}=${token}; Path=/saymotion; Expires=${expires.toUTCString()}; HttpOnly; SameSite=${browser ? 'Strict' : 'Lax'}`);
  return c.json({ result: true });
}

function validCredentials(header: string, config: Config): boolean {
  const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6).trim(), 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  return (
    colon > 0 &&
    // Both compared, always, so the response time does not say which half was wrong.
    [sameSecret(decoded.slice(0, colon), config.localClientId), sameSecret(decoded.slice(colon + 1), config.localClientSecret)].every(Boolean)
  );
}

function logout(c: Context, sessions: WireSessions): Response {
  const token = presentedSession(c);
  if (!sessions.touch(token)) throw new WireError(401, 'Not logged in or the session expired.');
  const all = c.req.query('all');
  if (all !== undefined && all !== '0' && all !== '1') throw new WireError(400, 'all must be 0 or 1.', INVALID_PARAMETER);
  const revoked = all === '1' ? sessions.revokeAll() : Number(sessions.revoke(token));
  c.header('Set-Cookie', `${sessionCookieName(fromBrowser(c), requestPort(c))}=; Path=/saymotion; Max-Age=0; HttpOnly; SameSite=Strict`);
  return c.json({ result: true, revoked });
}
