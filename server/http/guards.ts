/**
 * Request guards for a server that holds other people's paid credentials:
 * an optional access token (required when bound beyond loopback) and a cross-site check on
 * state-changing requests, so a web page the user visits cannot drive the studio.
 */
import crypto from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HttpError } from './errors.ts';

export const TOKEN_COOKIE = 'kinema_token';

function sameToken(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}

/** Accepts `Authorization: Bearer <token>` or the token cookie (EventSource cannot send headers). */
export function requireAccessToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const auth = c.req.header('authorization');
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const presented = bearer ?? getCookie(c, TOKEN_COOKIE);
    if (!presented || !sameToken(presented, token)) {
      throw new HttpError(
        401,
        'unauthorized',
        'This studio requires an access token: send Authorization: Bearer <KINEMA_ACCESS_TOKEN> or open the studio with ?token=<KINEMA_ACCESS_TOKEN> once.',
      );
    }
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refuses state-changing requests sent by another site's page (CSRF). Non-browser clients send no Origin. */
export function rejectCrossSite(): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      let crossOrigin = false;
      if (origin && origin !== 'null') {
        try {
          crossOrigin = new URL(origin).host !== host;
        } catch {
          crossOrigin = true;
        }
      } else if (origin === 'null') crossOrigin = true;
      if (site === 'cross-site' || crossOrigin) {
        throw new HttpError(403, 'cross_site_request', 'Requests from other websites are refused. Use the studio page served by this server.');
      }
    }
    await next();
  };
}
