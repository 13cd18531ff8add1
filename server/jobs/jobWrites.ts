/**
 * What one running job writes to its row while its provider works: progress (coalesced), the report, the
 * provider-side id and the variants made so far. Writes are chained, so they land in the order they were
 * made and a late progress write never overwrites a newer one.
 */
import type { ProgressUpdate } from '../providers/provider.ts';
import type { JobStore, StoredVariant } from './jobStore.ts';

/** Progress writes are coalesced to this interval: each one is a DB row and an SSE event per client. */
const PROGRESS_INTERVAL_MS = 80;

export class JobWrites {
  private readonly variants = new Map<number, StoredVariant>();
  private pending: ProgressUpdate | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastWrite = 0;
  private chain: Promise<void> = Promise.resolve();
  /**
   * A write refused by the disk must not reject unobserved (that ends the process): the first such error is
   * kept and rethrown where the job awaits its writes.
   */
  private error: unknown = null;

  constructor(
    private readonly store: JobStore,
    private readonly jobId: string,
    private readonly signal: AbortSignal,
  ) {}

  progress(update: ProgressUpdate): void {
    this.pending = { ...this.pending, ...update };
    const wait = PROGRESS_INTERVAL_MS - (Date.now() - this.lastWrite);
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Queues a write after the ones before it; resolves when it has landed (or been refused). */
  enqueue(write: () => Promise<unknown>): Promise<void> {
    this.chain = this.chain.then(write).then(
      () => undefined,
      (err: unknown) => void (this.error ??= err),
    );
    return this.chain;
  }

  /** Throws the first refused write, if any. */
  throwIfRefused(): void {
    if (this.error) throw this.error;
  }

  /** A variant file was saved: the variant exists from now on (its duration may follow). */
  addVariant(index: number): void {
    if (!this.variants.has(index)) this.variants.set(index, { index, durationSec: 0 });
  }

  setDuration(index: number, durationSec: number): void {
    this.variants.set(index, { index, durationSec: Math.round(durationSec * 1000) / 1000 });
  }

  get variantCount(): number {
    return this.variants.size;
  }

  sortedVariants(): StoredVariant[] {
    return [...this.variants.values()].sort((a, b) => a.index - b.index);
  }

  /** The provider is done: drop the pending progress, wait for every write and rethrow a refused one. */
  async settle(): Promise<void> {
    await this.drain();
    this.throwIfRefused();
  }

  /** Drops the pending progress and waits for the writes already queued. */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.chain;
  }

  private flush(): void {
    this.timer = null;
    const u = this.pending;
    this.pending = null;
    if (!u || this.signal.aborted) return;
    this.lastWrite = Date.now();
    void this.enqueue(() =>
      this.store.update(
        this.jobId,
        {
          progress: u.percent,
          ...(u.stage !== undefined ? { stage: u.stage } : {}),
          ...(u.queuePosition !== undefined ? { queuePosition: u.queuePosition } : {}),
          variants: this.sortedVariants(),
        },
        { onlyIfActive: true },
      ),
    );
  }
}
