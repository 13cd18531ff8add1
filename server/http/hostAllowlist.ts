/**
 * DNS-rebinding defence: a page on evil.example whose name is re-pointed at 127.0.0.1 reaches this
 * server with `Host: evil.example` (and a matching Origin, so the cross-site check alone passes).
 * Every request must therefore name this server in its Host header: a loopback name or address,
 * the address it is bound to, or a name listed in KINEMA_ALLOWED_HOSTS.
 */
import type { MiddlewareHandler } from 'hono';
import { isLoopbackHost } from '../config.ts';
import { HttpError } from './errors.ts';

/** Splits `host[:port]` / `[v6]:port` into the host part (lower case, brackets kept for v6). */
function hostName(hostHeader: string): string | null {
  const v = hostHeader.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return null;
  return m[1]!.replace(/\.$/, '');
}

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

export interface HostPolicy {
  /** Extra names (lower case, no port) the server may be reached by. */
  allowed: readonly string[];
  /** The bind address from HOST. */
  bind: string;
  /** True when every /api route needs the access token: a rebound page cannot present it, so Host may be any name. */
  tokenRequired: boolean;
}

function isAllowedHost(name: string, policy: HostPolicy): boolean {
  if (isLoopbackHost(name)) return true;
  const bind = policy.bind.toLowerCase();
  if (!WILDCARD_BINDS.has(bind) && (name === bind || name === `[${bind}]`)) return true;
  return policy.allowed.includes(name);
}

export function requireKnownHost(policy: HostPolicy): MiddlewareHandler {
  // Exposed with a token and no list of names: the token (header or SameSite=Strict host-only cookie)
  // is what a rebound page lacks, and the studio may be reached by any of the machine's names.
  const open = policy.tokenRequired && policy.allowed.length === 0;
  return async (c, next) => {
    if (!open) {
      const raw = c.req.header('host') ?? new URL(c.req.url).host;
      const name = hostName(raw);
      if (name === null || !isAllowedHost(name, policy)) {
        throw new HttpError(
          421,
          'unknown_host',
          'This server does not answer to that host name. Open the studio at http://127.0.0.1 or http://localhost, or add the name to KINEMA_ALLOWED_HOSTS.',
          'Host',
        );
      }
    }
    await next();
  };
}
