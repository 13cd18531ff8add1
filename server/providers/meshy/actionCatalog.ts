/**
 * Meshy's animation library, normalised to our LibraryEntry and cached in memory: the catalog is
 * long (hundreds of entries), free and changes rarely, so one load serves every search for the
 * TTL. Concurrent callers share one in-flight load; a failed load is not cached. When the
 * authenticated JSON route is missing (an older API answered 404 there) the public catalog is used.
 */
import type { LibraryEntry } from '../../contract/api.ts';
import type { Logger } from '../../log.ts';
import { MeshyApiError, toProviderError } from './meshyApiError.ts';
import type { MeshyClient } from './meshyClient.ts';

export const DEFAULT_CATALOG_TTL_MS = 60 * 60 * 1000;

export class MeshyActionCatalog {
  private cached: { at: number; entries: Promise<LibraryEntry[]> } | null = null;

  constructor(
    private readonly client: MeshyClient,
    private ttlMs = DEFAULT_CATALOG_TTL_MS,
    private readonly log?: Logger,
  ) {}

  setTtl(ms: number): void {
    this.ttlMs = ms;
  }

  all(): Promise<LibraryEntry[]> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.entries;
    const entry = { at: Date.now(), entries: this.load() };
    this.cached = entry;
    entry.entries.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return entry.entries;
  }

  private async load(): Promise<LibraryEntry[]> {
    try {
      const items = await this.client.library();
      return items.map((i) => ({
        id: i.action_id,
        name: i.name,
        key: i.key ?? i.name,
        category: i.category,
        subCategory: i.sub_category,
        ...(i.preview_url ? { previewUrl: i.preview_url } : {}),
      }));
    } catch (err) {
      if (!(err instanceof MeshyApiError) || err.status !== 404) throw err instanceof MeshyApiError ? toProviderError(err, 'library') : err;
      this.log?.info('meshy library route missing; using the public catalog');
    }
    try {
      const items = await this.client.publicCatalog();
      return items.map((i) => ({
        id: i.id,
        name: i.name,
        key: i.key ?? i.name,
        category: i.category,
        subCategory: i.subCategory,
        ...(i.previewUrl ? { previewUrl: i.previewUrl } : {}),
      }));
    } catch (err) {
      throw err instanceof MeshyApiError ? toProviderError(err, 'library') : err;
    }
  }
}
