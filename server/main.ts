/**
 * `npm start`: serves the built SPA and the API. Loads `.env`, refuses unsafe exposure,
 * resumes unfinished jobs, and shuts down cleanly on SIGINT/SIGTERM.
 */
import 'dotenv/config';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createServices } from './bootstrap.ts';
import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';
import { originOf } from './render/serverOrigin.ts';
import { storageFaultOf } from './files/storageFault.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`kinema: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  if (!isLoopbackHost(config.host) && !config.accessToken) {
    console.error(
      `kinema: refusing to listen on ${config.host} without KINEMA_ACCESS_TOKEN. ` +
        'This server holds provider credentials; set KINEMA_ACCESS_TOKEN to a long random secret, or bind to 127.0.0.1.',
    );
    process.exit(2);
  }
  let services;
  try {
    services = await createServices(config);
  } catch (err) {
    // A full disk or an unwritable data directory at start: one line that says what to fix, no stack.
    const fault = storageFaultOf(err);
    if (!fault) throw err;
    console.error(
      `kinema: cannot open the data directory ${config.dataDir}: ${fault.kind === 'disk_full' ? 'the disk is full' : 'it is read-only or not writable'}. ${fault.message}`,
    );
    process.exit(2);
  }
  const log = services.log;
  // Last line of defence: a write refused by a full or read-only disk must degrade the server, not end it.
  process.on('unhandledRejection', (err) => {
    const fault = storageFaultOf(err);
    if (!fault) throw err;
    log.error('a write was refused by storage', { reason: fault.kind });
  });
  const app = createApp(services, config.distDir === undefined ? {} : { distDir: config.distDir });
  // With a shared database other instances may hold live leases; only a lone embedded instance may void them.
  const resumed = await services.runner.resumeAll({ releaseStaleLeases: !config.databaseUrl });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    services.origin.set(originOf(info));
    services.log.info('kinema studio listening', { url: `http://${host}:${info.port}`, dataDir: config.dataDir, resumedJobs: resumed });
    console.log(`\n  Kinema studio is running at http://${host}:${info.port}  (Ctrl+C to stop)\n`);
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    services.log.info('shutting down', { signal });
    server.close();
    await services!.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

void main();
