/**
 * Parsed assets by URL, shared by every view: the main viewport, the grid cells and background preloads of the
 * other variants. A promise is stored the moment a load starts, so two views asking for one file fetch it once.
 *
 * Resolved promises are marked the way React's `use()` recognises (status/value fields), so a cached asset
 * renders in the same commit instead of suspending for a microtask: that is what lets a cached variant show
 * its first animated frame well inside the 250 ms budget.
 */
import { onLocalFileReleased } from '../../dropzone/index.ts';
import { AssetError, parseAsset } from './parseAsset.ts';
import type { LoadedAsset } from './parseAsset.ts';

export interface AssetSource {
  url: string;
  /** File name for messages and format sniffing ties. */
  name: string;
  /** Side files of a dropped .gltf: file name → object URL. */
  resources?: ReadonlyMap<string, string> | undefined;
}

type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/** Parsed assets kept for instant switching; older ones are released (a long session browses many jobs). */
const MAX_ASSETS = 24;

/** Map order is recency: a hit moves its entry to the end, eviction takes from the front. */
const cache = new Map<string, Tracked<LoadedAsset>>();

/** Frees GPU-side copies. A view still showing the asset would simply upload it again. */
function release(p: Tracked<LoadedAsset> | undefined): void {
  p?.then(
    (asset) =>
      asset.scene.traverse((o) => {
        const m = o as { geometry?: { dispose(): void }; material?: unknown };
        m.geometry?.dispose();
        for (const mat of (Array.isArray(m.material) ? m.material : m.material ? [m.material] : []) as Array<Record<string, unknown> & { dispose(): void }>) {
          for (const v of Object.values(mat)) if (v && typeof v === 'object' && (v as { isTexture?: boolean }).isTexture) (v as { dispose(): void }).dispose();
          mat.dispose();
        }
      }),
    () => undefined,
  );
}

async function fetchAndParse(src: AssetSource): Promise<LoadedAsset> {
  let res: Response;
  try {
    res = await fetch(src.url);
  } catch {
    throw new AssetError(`"${src.name}" could not be downloaded: the server is unreachable. Check that Kinema is running, then retry.`, 'broken');
  }
  if (!res.ok) {
    throw new AssetError(`"${src.name}" could not be downloaded (HTTP ${res.status}). Retry, or reload the page if the job was deleted.`, 'broken');
  }
  const buffer = await res.arrayBuffer();
  return parseAsset(buffer, { name: src.name, ...(src.resources ? { resources: src.resources } : {}) });
}

export function loadAsset(src: AssetSource): Promise<LoadedAsset> {
  let p = cache.get(src.url);
  if (p) {
    cache.delete(src.url);
    cache.set(src.url, p);
  } else {
    const tracked: Tracked<LoadedAsset> = fetchAndParse(src);
    tracked.status = 'pending';
    tracked.then(
      (value) => {
        tracked.status = 'fulfilled';
        tracked.value = value;
      },
      (reason: unknown) => {
        tracked.status = 'rejected';
        tracked.reason = reason;
      },
    );
    cache.set(src.url, tracked);
    p = tracked;
    while (cache.size > MAX_ASSETS) {
      const oldest = cache.keys().next().value as string;
      release(cache.get(oldest));
      cache.delete(oldest);
    }
  }
  return p;
}

/** Starts loading in the background; failures surface only when the asset is shown. */
export function preloadAsset(src: AssetSource): void {
  loadAsset(src).catch(() => undefined);
}

/** Drops a cached result (a retry after a failure, or a revoked object URL). */
export function forgetAsset(url: string): void {
  release(cache.get(url));
  cache.delete(url);
}

// A dropped file that was replaced or closed: its object URL is revoked, so its parsed copy can go too.
onLocalFileReleased(forgetAsset);
