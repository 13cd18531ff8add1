import { Hono } from 'hono';
import type { Services } from '../services.ts';

export function healthRoutes(s: Services) {
  return new Hono().get('/health', (c) => c.json({ ok: true as const, version: s.version }));
}
