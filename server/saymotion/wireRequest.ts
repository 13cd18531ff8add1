/** Reading a SayMotion wire request: who sent it, from where, and its JSON body and rid lists. */
import type { Context } from 'hono';
import { sessionCookieName, sessionToken } from './wireSessions.ts';
import { INVALID_PARAMETER, WireError } from './wireError.ts';

/** Comma lists are capped so one request cannot make the server load thousands of jobs. */
const MAX_RIDS = 200;

/** host[:port] or [v6]:port; anything else in a Host header is ignored rather than echoed into URLs. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Download URLs point back at the host the client used to reach us (as the SDKs fetch them directly). */
export function origin(c: Context): string {
  const url = new URL(c.req.url);
  const host = c.req.header('host');
  return host && HOST.test(host) ? `${url.protocol}//${host}` : url.origin;
}

export function ridList(raw: string): string[] {
  const rids = [
    ...new Set(
      raw
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== ''),
    ),
  ];
  if (rids.length === 0) throw new WireError(400, 'Give at least one rid.', INVALID_PARAMETER);
  if (rids.length > MAX_RIDS) throw new WireError(400, `At most ${MAX_RIDS} rids per call.`, INVALID_PARAMETER);
  return rids;
}

/** Browsers always send Sec-Fetch-Mode; the SDKs (Node, Python) never do. */
export function fromBrowser(c: Context): boolean {
  return c.req.header('sec-fetch-mode') !== undefined || c.req.header('sec-fetch-site') !== undefined;
}

export function requestPort(c: Context): string {
  const url = new URL(c.req.url);
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/** This client's session token: the per-port cookie, or (SDKs only) the protocol's `dmsess`. */
export function presentedSession(c: Context): string | undefined {
  const cookie = c.req.header('cookie');
  const browser = fromBrowser(c);
  return sessionToken(cookie, sessionCookieName(true, requestPort(c))) ?? (browser ? undefined : sessionToken(cookie));
}

export async function readBody(c: Context): Promise<Record<string, unknown>> {
  // A JSON content type cannot be sent cross-site without a CORS preflight (which this server never grants).
  if (!/^application\/(.+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new WireError(415, 'Send the body as JSON with Content-Type: application/json.', INVALID_PARAMETER);
  }
  let v: unknown;
  try {
    v = JSON.parse(await c.req.text());
  } catch {
    throw new WireError(400, 'The body must be JSON, e.g. {"params": ["prompt=\\"a person waves\\""]}.', INVALID_PARAMETER);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new WireError(400, 'The body must be a JSON object.', INVALID_PARAMETER);
  return v as Record<string, unknown>;
}
