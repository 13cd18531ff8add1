import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * Who is asking, for per-client limits: the socket's remote address. X-Forwarded-For is ignored on
 * purpose: the server is not meant to sit behind a proxy, and trusting it would let anyone pick a key.
 */
export function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}
