/**
 * Runs the SayMotion and Meshy contract servers on fixed local ports, for end-to-end tests: Playwright
 * starts this as a webServer and points the studio server at it (playwright.config.ts), so the paid
 * providers run their real adapters against a faithful fake instead of being left unconfigured.
 *
 * `GET /health` (on the SayMotion port) answers once both servers listen: Playwright's readiness check.
 * Ports and fake credentials: e2eContractEnv.ts.
 *
 *   npx tsx test/contract/serve.ts    (ports: E2E_SAYMOTION_PORT and E2E_MESHY_PORT, by default E2E_PORT + 1000 and + 1001)
 */
import { serve } from '@hono/node-server';
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { E2E_DM_CLIENT_ID, E2E_DM_CLIENT_SECRET, E2E_MESHY_API_KEY, E2E_MESHY_PORT, E2E_SAYMOTION_PORT } from './e2eContractEnv.ts';
import { MeshyContractServer } from './meshyServer.ts';
import { SayMotionContractServer } from './saymotionServer.ts';

async function main(): Promise<void> {
  // Slow enough that a browser sees the queued and running states, fast enough for a test run.
  const meshy = new MeshyContractServer({ apiKey: E2E_MESHY_API_KEY, pendingMs: 400, runMs: 1500, sseTickMs: 200, keepAliveMs: 1000 });
  await meshy.listen(E2E_MESHY_PORT);

  const saymotion = new SayMotionContractServer({ clientId: E2E_DM_CLIENT_ID, clientSecret: E2E_DM_CLIENT_SECRET });
  const front = new Hono<{ Bindings: HttpBindings }>();
  front.get('/health', (c) => c.json({ ok: true, saymotion: `http://127.0.0.1:${E2E_SAYMOTION_PORT}`, meshy: meshy.baseUrl }));
  // Everything else is the SayMotion contract, with the Node bindings it uses to drop or stall a connection.
  front.all('*', (c) => saymotion.app.fetch(c.req.raw, c.env));
  const server = serve({ fetch: front.fetch, hostname: '127.0.0.1', port: E2E_SAYMOTION_PORT });

  const stop = () => {
    server.close();
    void meshy.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`contract servers: SayMotion http://127.0.0.1:${E2E_SAYMOTION_PORT}, Meshy ${meshy.baseUrl}`);
}

await main();
