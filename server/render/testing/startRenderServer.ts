/**
 * For render tests and the bench: a real server (test/helpers/testServer.ts) that also listens on a port,
 * with the render page freshly built into its dist folder, because the local renderer opens that page in
 * Chromium over HTTP. Building here (a few seconds) means the tests never run against a stale `dist/`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { startTestServer, type TestServer } from '../../../test/helpers/testServer.ts';
import { originOf } from '../serverOrigin.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Builds only render.html (no React or Tailwind: the page uses neither) into `outDir`. */
async function buildRenderPage(outDir: string): Promise<void> {
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { render: path.join(ROOT, 'render.html') } },
    },
  });
}

export interface RenderTestServer extends TestServer {
  origin: string;
}

export async function startRenderServer(opts: { env?: Record<string, string>; logSink?: (line: string) => void; listen?: boolean } = {}): Promise<RenderTestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinema-render-test-'));
  await buildRenderPage(path.join(dir, 'dist'));
  const t = await startTestServer(opts.env ?? {}, dir, opts.logSink);
  if (opts.listen === false) {
    return { ...t, origin: '', close: async () => (await t.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const origin = originOf(server.address() as AddressInfo);
  t.services.origin.set(origin);
  return {
    ...t,
    origin,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
