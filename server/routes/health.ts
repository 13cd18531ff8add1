import { Hono } from 'hono';

export function healthRoutes(s: { readonly version: string }) {
  return new Hono().get('/health', (c) => c.json({ ok: true as const, version: s.version }));
}
