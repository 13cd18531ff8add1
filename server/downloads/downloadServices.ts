import type { AssetCache } from '../files/assetCache.ts';
import type { JobStore } from '../jobs/jobStore.ts';
import type { Logger } from '../log.ts';

/**
 * What downloads use of the server: the job store, the file cache and the log. Declared here rather than taken
 * from services.ts because that is the composition root, above this layer; the server's services satisfy it.
 */
export interface DownloadServices {
  readonly store: JobStore;
  readonly cache: AssetCache;
  readonly log: Logger;
}
