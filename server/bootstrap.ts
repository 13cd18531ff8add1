/** Builds the running server's services from a Config: database, cache, providers, runner. */
import fs from 'node:fs';
import path from 'node:path';
import type { ProviderId } from './contract/api.ts';
import { characterStoreFor } from './characters/characterStore.ts';
import { secretValues, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { AssetCache } from './files/assetCache.ts';
import { closeConverter } from './downloads/convertInWorker.ts';
import { InProcessEventBus, RedisEventBus, type EventBus } from './jobs/eventBus.ts';
import { JobRunner } from './jobs/jobRunner.ts';
import { JobStore } from './jobs/jobStore.ts';
import { OrderedEventFeed } from './jobs/orderedFeed.ts';
import { RateLimiter } from './http/rateLimiter.ts';
import { createLogger, type Logger } from './log.ts';
import { EnginePool } from './providers/local/enginePool.ts';
import { LocalProvider } from './providers/local/localProvider.ts';
import { MeshyProvider } from './providers/meshy/meshyProvider.ts';
import type { Provider } from './providers/provider.ts';
import { SayMotionProvider } from './providers/saymotion/saymotionProvider.ts';
import { LocalRenderer } from './render/localRenderer.ts';
import { renderToolsFromEnv } from './render/renderTools.ts';
import { ServerOrigin } from './render/serverOrigin.ts';
import type { Services } from './services.ts';

/** How long every event stays replayable; older ones are compacted to each job's latest snapshot. */
const EVENT_REPLAY_WINDOW_MS = 6 * 60 * 60 * 1000;
const EVENT_COMPACT_INTERVAL_MS = 10 * 60 * 1000;

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export interface Running extends Services {
  close(): Promise<void>;
}

export async function createServices(config: Config, log: Logger = createLogger(config.logLevel, secretValues(config))): Promise<Running> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const { db, dialect } = await openDatabase(path.join(config.dataDir, 'kinema.sqlite'), config.databaseUrl);
  const cache = new AssetCache(path.join(config.dataDir, 'cache'));
  const bus: EventBus = config.redisUrl ? await RedisEventBus.connect(config.redisUrl, config.instanceId) : new InProcessEventBus();
  const store = new JobStore(db, bus, dialect);
  const feed = new OrderedEventFeed(bus, store);
  const pool = new EnginePool(config.localConcurrency);
  const characters = characterStoreFor(config.dataDir);
  const origin = new ServerOrigin();
  const renderer = new LocalRenderer({ tools: renderToolsFromEnv(), origin, accessToken: config.accessToken, log });
  const providers = new Map<ProviderId, Provider>([['local', new LocalProvider(pool, characters, renderer)]]);
  if (config.saymotion) {
    const saymotion = new SayMotionProvider(config.saymotion, { log });
    saymotion.setTiming({ tracker: { intervalMs: config.saymotionPollMs } });
    providers.set('saymotion', saymotion);
  }
  if (config.meshy) providers.set('meshy', new MeshyProvider(config.meshy, { log, characters }));
  const runner = new JobRunner(store, cache, providers, { instanceId: config.instanceId, leaseTtlMs: config.leaseTtlMs, limits: { local: config.localConcurrency } }, log, bus);
  // The event log keeps every snapshot for EVENT_REPLAY_WINDOW_MS (what Last-Event-ID replay after a
  // disconnect needs), then only each job's latest one.
  const compact = () => store.compactEvents(EVENT_REPLAY_WINDOW_MS).catch((err) => log.warn('event log compaction failed', { err }));
  void compact();
  const compactTimer = setInterval(() => void compact(), EVENT_COMPACT_INTERVAL_MS);
  compactTimer.unref();
  const services: Running = {
    config,
    log,
    store,
    bus,
    feed,
    runner,
    cache,
    providers,
    origin,
    version: packageVersion(),
    jobRateLimiter: new RateLimiter(config.jobRate.perMinute, config.jobRate.burst),
    async close() {
      clearInterval(compactTimer);
      await runner.stop();
      await pool.close();
      await closeConverter();
      feed.close();
      await bus.close();
      await db.destroy();
    },
  };
  return services;
}
