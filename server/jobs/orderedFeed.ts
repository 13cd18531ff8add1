/**
 * The job events of all instances as one gap-free, ordered stream, for /api/events. With several
 * instances, events of other instances arrive through Redis separately from local ones, and
 * Postgres can commit sequence numbers out of order. The feed holds back an event that skips ahead,
 * fills the hole from the database once for every local subscriber, and after a short grace period
 * moves past a hole that never fills (sequences may have real gaps).
 */
import type { EventBus, JobEvent } from './eventBus.ts';
import type { JobStore } from './jobStore.ts';

const GAP_GRACE_MS = 250;

export class OrderedEventFeed {
  private last: number | null = null;
  private readonly held = new Map<number, JobEvent>();
  private readonly listeners = new Set<(e: JobEvent) => void>();
  private gapTimer: NodeJS.Timeout | null = null;
  private filling = false;
  private readonly unsubscribe: () => void;

  constructor(
    bus: EventBus,
    private readonly store: JobStore,
  ) {
    this.unsubscribe = bus.subscribe((e) => this.accept(e));
  }

  /** The sequence number the feed has delivered up to (the log's end when nothing has happened yet). */
  async position(): Promise<number> {
    if (this.last === null) this.last = await this.store.latestEventSeq();
    return this.last;
  }

  subscribe(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.listeners.clear();
  }

  private accept(e: JobEvent): void {
    if (this.last === null) {
      // First event since start: everything before it is history, served by replay from the database.
      this.last = e.seq - 1;
    }
    if (e.seq <= this.last) return;
    this.held.set(e.seq, e);
    this.drain();
    if (this.held.size > 0) void this.fill();
  }

  private drain(): void {
    while (this.last !== null && this.held.has(this.last + 1)) {
      const next = this.held.get(this.last + 1)!;
      this.held.delete(next.seq);
      this.last = next.seq;
      for (const l of this.listeners) l(next);
    }
    if (this.held.size === 0 && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  /** Reads the hole from the database; if it is still open after the grace period, skips it. */
  private async fill(): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    try {
      const from = this.last!;
      const upTo = Math.min(...this.held.keys());
      for (const e of await this.store.eventsAfter(from, undefined, Math.max(1, upTo - from))) if (e.seq > this.last!) this.held.set(e.seq, e);
      this.drain();
    } finally {
      this.filling = false;
    }
    if (this.held.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        void this.fill().then(() => {
          if (this.held.size === 0) return;
          // Still a hole: a sequence number that will never be used. Move past it.
          this.last = Math.min(...this.held.keys()) - 1;
          this.drain();
          if (this.held.size > 0) void this.fill();
        });
      }, GAP_GRACE_MS);
      this.gapTimer.unref();
    }
  }
}
