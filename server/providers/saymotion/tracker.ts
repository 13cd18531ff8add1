/**
 * Follows every active SayMotion request of one provider instance with ONE status call per tick:
 * `GET /job/v1/status/{rid1,rid2,…}` (the API accepts comma lists; the official SDKs poll one rid per call,
 * which multiplies requests by the number of jobs and runs into rate limits). The list is split only when
 * the URL would grow past a length that proxies reliably accept.
 *
 * Transient failures (429, 5xx, timeouts, unreadable replies) slow the whole tracker down (Retry-After is
 * honoured) without failing any job; jobs fail only on FAILURE, on refused credentials, when SayMotion
 * stops knowing a request id, or after a long outage.
 */
import type { Logger } from '../../log.ts';
import { ProviderError } from '../provider.ts';
import { failureFromDetails } from './failureFromDetails.ts';
import { SayMotionApiError } from './saymotionApiError.ts';
import { sleep } from '../../http/outbound/sleep.ts';
import type { SayMotionClient } from './saymotionClient.ts';
import { StatusReply, type StatusEntry } from './wireSchemas.ts';

export interface TrackerTiming {
  intervalMs: number;
  maxBackoffMs: number;
  /** After this long without one good status reply, the tracked jobs fail (they may still finish upstream). */
  giveUpAfterMs: number;
  /** A rid absent from this many consecutive replies is reported as lost. */
  maxMissingTicks: number;
  /** Typical proxies and servers accept 8 KiB request lines; stay well under. */
  maxUrlLength: number;
}

const DEFAULT_TRACKER_TIMING: TrackerTiming = {
  intervalMs: 3000,
  maxBackoffMs: 60_000,
  giveUpAfterMs: 30 * 60_000,
  maxMissingTicks: 40,
  maxUrlLength: 6000,
};

export interface TrackUpdate {
  /** STARTING, PROGRESS, RETRY (or a state SayMotion adds later). */
  state: string;
  /** step/total clamped to 0..1, when the reply had them. */
  fraction: number | null;
  /** > 0 while waiting in SayMotion's queue. */
  queuePosition: number | null;
}

export interface TrackSuccess {
  details: Record<string, unknown> | null;
}

interface Waiter {
  onUpdate: (u: TrackUpdate) => void;
  resolve: (s: TrackSuccess) => void;
  reject: (err: unknown) => void;
  detach: () => void;
}

interface Entry {
  waiters: Waiter[];
  missing: number;
}

function toNumber(v: unknown): number | null {
  const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(x) ? x : null;
}

/** step/total as 0..1; a step past the total (seen in the wild) counts as done, not as > 100 %. */
export function progressFraction(details: Record<string, unknown> | null | undefined): number | null {
  const step = toNumber(details?.step);
  const total = toNumber(details?.total);
  if (step === null || total === null || total <= 0) return null;
  return Math.min(Math.max(step, 0), total) / total;
}

export class Tracker {
  private readonly entries = new Map<string, Entry>();
  private timing: TrackerTiming;
  private looping = false;
  private delayMs: number;
  private failures = 0;
  private failingSince: number | null = null;
  private counters = { ticks: 0, statusRequests: 0 };

  constructor(
    private readonly client: SayMotionClient,
    private readonly opts: { statusPath: string; timing?: Partial<TrackerTiming>; log?: Logger },
  ) {
    this.timing = { ...DEFAULT_TRACKER_TIMING, ...opts.timing };
    this.delayMs = this.timing.intervalMs;
  }

  setTiming(timing: Partial<TrackerTiming>): void {
    this.timing = { ...this.timing, ...timing };
    if (this.failures === 0) this.delayMs = this.timing.intervalMs;
  }

  /** Ticks that sent at least one status request, and the requests sent: equal unless the URL had to be split. */
  stats(): { ticks: number; statusRequests: number; active: number } {
    return { ...this.counters, active: this.entries.size };
  }

  /** Resolves on SUCCESS, rejects with a ProviderError on FAILURE, or with `signal.reason` when aborted. */
  track(rid: string, onUpdate: (u: TrackUpdate) => void, signal: AbortSignal): Promise<TrackSuccess> {
    return new Promise<TrackSuccess>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const entry = this.entries.get(rid) ?? { waiters: [], missing: 0 };
      const onAbort = () => {
        this.remove(rid, waiter);
        reject(signal.reason);
      };
      const waiter: Waiter = {
        onUpdate,
        resolve,
        reject,
        detach: () => signal.removeEventListener('abort', onAbort),
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.waiters.push(waiter);
      this.entries.set(rid, entry);
      this.ensureLoop();
    });
  }

  private remove(rid: string, waiter: Waiter): void {
    const entry = this.entries.get(rid);
    if (!entry) return;
    entry.waiters = entry.waiters.filter((w) => w !== waiter);
    if (entry.waiters.length === 0) this.entries.delete(rid);
  }

  private settle(rid: string, outcome: { ok: true; value: TrackSuccess } | { ok: false; error: unknown }): void {
    const entry = this.entries.get(rid);
    if (!entry) return;
    this.entries.delete(rid);
    for (const w of entry.waiters) {
      w.detach();
      if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    }
  }

  private ensureLoop(): void {
    if (this.looping) return;
    this.looping = true;
    void this.loop();
  }

  private async loop(): Promise<void> {
    try {
      while (this.entries.size > 0) {
        await sleep(this.delayMs);
        if (this.entries.size === 0) break;
        await this.tick();
      }
    } catch (err) {
      // tick() handles its own errors; this guards the loop itself from dying silently.
      this.opts.log?.error('saymotion tracker loop failed', { err });
    } finally {
      this.looping = false;
      if (this.entries.size > 0) this.ensureLoop();
    }
  }

  /** Splits rids into comma lists whose URL stays under maxUrlLength. */
  chunk(rids: string[]): string[][] {
    const base = this.client.url(`${this.opts.statusPath}/`).toString().length;
    const chunks: string[][] = [];
    let current: string[] = [];
    let length = base;
    for (const rid of rids) {
      const len = encodeURIComponent(rid).length;
      if (current.length > 0 && length + 1 + len > this.timing.maxUrlLength) {
        chunks.push(current);
        current = [];
        length = base;
      }
      length += (current.length > 0 ? 1 : 0) + len;
      current.push(rid);
    }
    if (current.length > 0) chunks.push(current);
    return chunks;
  }

  private async tick(): Promise<void> {
    const chunks = this.chunk([...this.entries.keys()]);
    this.counters.ticks++;
    for (const chunk of chunks) {
      let reply: StatusReply;
      try {
        reply = await this.fetchStatus(chunk);
      } catch (err) {
        await this.onError(err, chunk);
        return;
      }
      this.failures = 0;
      this.failingSince = null;
      this.delayMs = this.timing.intervalMs;
      this.dispatch(chunk, reply);
    }
  }

  private fetchStatus(rids: string[]): Promise<StatusReply> {
    this.counters.statusRequests++;
    // No retries inside the call: the tracker's own backoff replaces the next tick instead.
    return this.client.get(`${this.opts.statusPath}/${rids.map(encodeURIComponent).join(',')}`, StatusReply, { retries: 0 });
  }

  private async onError(err: unknown, chunk: string[]): Promise<void> {
    if (err instanceof SayMotionApiError && err.kind === 'auth') {
      for (const rid of [...this.entries.keys()]) this.settle(rid, { ok: false, error: err });
      return;
    }
    if (err instanceof SayMotionApiError && err.kind === 'rejected') {
      // One unknown rid may make SayMotion refuse the whole list; ask one by one so only that job fails.
      if (chunk.length > 1) {
        for (const rid of chunk) {
          try {
            this.dispatch([rid], await this.fetchStatus([rid]));
          } catch (e) {
            await this.onError(e, [rid]);
          }
        }
        return;
      }
      const rid = chunk[0]!;
      this.settle(rid, {
        ok: false,
        error: new ProviderError('job_lost', `SayMotion no longer reports this job (HTTP ${err.status}); it may have been removed. Start it again.`),
      });
      return;
    }
    const now = Date.now();
    this.failures++;
    this.failingSince ??= now;
    const retryAfter = err instanceof SayMotionApiError ? err.retryAfterMs : null;
    const backoff = Math.min(this.timing.maxBackoffMs, this.timing.intervalMs * 2 ** this.failures);
    this.delayMs = retryAfter !== null ? Math.max(retryAfter, this.timing.intervalMs) : backoff;
    this.opts.log?.warn('saymotion status poll failed; backing off', {
      error: err instanceof ProviderError ? err.code : 'unexpected',
      failures: this.failures,
      nextPollMs: this.delayMs,
    });
    if (now - this.failingSince > this.timing.giveUpAfterMs) {
      const minutes = Math.round(this.timing.giveUpAfterMs / 60_000);
      for (const rid of [...this.entries.keys()]) {
        this.settle(rid, {
          ok: false,
          error: new ProviderError(
            'provider_unreachable',
            `Lost contact with SayMotion for over ${minutes} min while following this job. It may still finish there (request id ${rid}); check your SayMotion job list.`,
            true,
          ),
        });
      }
    }
  }

  private dispatch(chunk: string[], reply: StatusReply): void {
    const byRid = new Map<string, StatusEntry>();
    for (const s of reply.status) byRid.set(s.rid, s);
    for (const rid of chunk) {
      const entry = this.entries.get(rid);
      if (!entry) continue;
      const s = byRid.get(rid);
      if (!s) {
        entry.missing++;
        if (entry.missing > this.timing.maxMissingTicks) {
          this.settle(rid, {
            ok: false,
            error: new ProviderError('job_lost', `SayMotion stopped reporting this job (request id ${rid}). Check your SayMotion job list, or start it again.`),
          });
        }
        continue;
      }
      entry.missing = 0;
      const details = s.details ?? null;
      if (s.status === 'SUCCESS') {
        this.settle(rid, { ok: true, value: { details } });
      } else if (s.status === 'FAILURE') {
        this.settle(rid, { ok: false, error: failureFromDetails(details, (t) => this.client.scrubber.scrub(t)) });
      } else {
        const pos = s.positionInQueue ?? s.position_in_queue ?? 0;
        const update: TrackUpdate = {
          state: s.status,
          fraction: s.status === 'PROGRESS' ? progressFraction(details) : null,
          queuePosition: pos > 0 ? pos : null,
        };
        for (const w of entry.waiters) {
          try {
            w.onUpdate(update);
          } catch (err) {
            this.opts.log?.error('saymotion progress handler failed', { rid, err });
          }
        }
      }
    }
  }
}
