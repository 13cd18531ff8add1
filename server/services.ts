/** Everything a route needs, built once by `createServices` and passed to `createApp`. */
import type { ProviderId } from './contract/api.ts';
import type { Config } from './config.ts';
import type { AssetCache } from './files/assetCache.ts';
import type { EventBus } from './jobs/eventBus.ts';
import type { JobRunner } from './jobs/jobRunner.ts';
import type { OrderedEventFeed } from './jobs/orderedFeed.ts';
import type { JobStore } from './jobs/jobStore.ts';
import type { RateLimiter } from './http/rateLimiter.ts';
import type { Logger } from './log.ts';
import type { Provider } from './providers/provider.ts';
import type { ServerOrigin } from './render/serverOrigin.ts';

export interface Services {
  config: Config;
  log: Logger;
  store: JobStore;
  bus: EventBus;
  /** All instances' events in sequence order, for /api/events. */
  feed: OrderedEventFeed;
  runner: JobRunner;
  cache: AssetCache;
  providers: ReadonlyMap<ProviderId, Provider>;
  version: string;
  /** Per-client limit on job submissions. */
  jobRateLimiter: RateLimiter;
  /** This server's own URL once it listens (main.ts sets it); local render jobs open the render page on it. */
  origin: ServerOrigin;
}
