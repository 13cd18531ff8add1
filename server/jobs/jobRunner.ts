/**
 * Runs jobs on their providers. Jobs wait in the database; an instance runs a job only while it
 * holds the job's lease, renewing it as it goes. When an instance dies its leases expire and any
 * other instance (or the same one after a restart) claims the job and resumes it: remote jobs
 * resume tracking their provider-side id, local ones are recomputed (they are deterministic).
 * The same code serves one embedded SQLite instance and several instances on Postgres.
 */
import type { FileFormat, PromptReport, ProviderId } from '../contract/api.ts';
import { TERMINAL_STATUSES } from '../contract/api.ts';
import type { AssetCache } from '../files/assetCache.ts';
import { CacheIntegrityError } from '../files/assetCache.ts';
import type { Logger } from '../log.ts';
import type { JobContext, ParentVariant, Provider } from '../providers/provider.ts';
import { ProviderError } from '../providers/provider.ts';
import { READ_ONLY_MESSAGE, storageFaultOf } from '../files/storageFault.ts';
import type { EventBus } from './eventBus.ts';
import type { JobRow, JobStore, KindFilter } from './jobStore.ts';
import { JobWrites } from './jobWrites.ts';

/** How often an idle instance looks for work it was not told about (jobs created elsewhere, expired leases). */
const SCAN_INTERVAL_MS = 1000;

interface Running {
  controller: AbortController;
  canceled: boolean;
  renew: NodeJS.Timeout;
}

export interface RunnerOptions {
  instanceId: string;
  leaseTtlMs: number;
  /** Concurrent jobs per provider on this instance; unlisted providers are unlimited. */
  limits: Partial<Record<ProviderId, number>>;
  /** Concurrent local render jobs (each drives a headless browser and an encoder). */
  localRenderLimit?: number;
}

/**
 * A queue with its own concurrency. Local renders get a lane apart from local motion jobs, so a
 * minute-long video render never holds up a prompt that takes a second.
 */
interface Lane {
  key: string;
  provider: ProviderId;
  kinds: KindFilter;
  limit: number;
}

export class JobRunner {
  private readonly active = new Map<string, number>();
  private readonly running = new Map<string, Running>();
  private readonly settled = new Map<string, Promise<void>>();
  private readonly pumping = new Set<string>();
  private readonly repump = new Set<string>();
  private readonly lanes: Lane[];
  private scanTimer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopping = false;

  constructor(
    private readonly store: JobStore,
    private readonly cache: AssetCache,
    private readonly providers: ReadonlyMap<ProviderId, Provider>,
    private readonly opts: RunnerOptions,
    private readonly log: Logger,
    private readonly bus?: EventBus,
  ) {
    this.lanes = [...providers.keys()].flatMap((provider): Lane[] => {
      const limit = opts.limits[provider] ?? Number.POSITIVE_INFINITY;
      if (provider !== 'local') return [{ key: provider, provider, kinds: {}, limit }];
      return [
        { key: 'local', provider, kinds: { except: ['render'] }, limit },
        { key: 'local:render', provider, kinds: { only: ['render'] }, limit: opts.localRenderLimit ?? 1 },
      ];
    });
  }

  /** Starts claiming work: now, on every new job event, and on a slow timer for takeovers. */
  start(): void {
    if (this.scanTimer) return;
    this.scanTimer = setInterval(() => this.kick(), SCAN_INTERVAL_MS);
    this.scanTimer.unref();
    this.unsubscribe =
      this.bus?.subscribe((e) => {
        if (!e.job) return; // a deletion: the route that deleted the job already canceled its work
        if (e.job.status === 'queued') this.kick(e.job.provider);
        // A cancel made on another instance reaches the one running the job here, at once.
        const local = this.running.get(e.job.id);
        if (local && e.job.status === 'canceled' && !local.canceled) this.abortLocal(e.job.id, true);
      }) ?? null;
    this.kick();
  }

  /** A job was created: try to claim it now rather than at the next scan. */
  enqueue(_jobId: string, provider: ProviderId): void {
    this.kick(provider);
  }

  /** After a restart of a single embedded instance, every old lease is void; claim the work again. */
  async resumeAll(opts: { releaseStaleLeases: boolean } = { releaseStaleLeases: true }): Promise<number> {
    // On a full or read-only disk the release cannot be written: start anyway (reads keep working);
    // the stale leases expire on their own and the scan claims the jobs once writes succeed again.
    if (opts.releaseStaleLeases) {
      try {
        await this.store.releaseAllLeases();
      } catch (err) {
        const fault = storageFaultOf(err);
        if (!fault) throw err;
        this.log.error('could not release old job leases; jobs resume once the disk accepts writes', { reason: fault.message });
      }
    }
    const n = (await this.store.unfinished()).length;
    this.start();
    return n;
  }

  /** Resolves when the job has left this instance's runner. For tests and shutdown. */
  whenSettled(jobId: string): Promise<void> {
    return this.settled.get(jobId) ?? Promise.resolve();
  }

  async cancel(jobId: string) {
    const row = await this.store.row(jobId);
    if (!row) return null;
    this.abortLocal(jobId, true);
    const job =
      (await this.store.update(jobId, { status: 'canceled', stage: 'canceled by the user', queuePosition: null }, { onlyIfActive: true })) ?? (await this.store.get(jobId));
    this.kick(row.provider);
    return job;
  }

  /** Stops claiming, aborts what runs here and hands its leases back so another instance can continue at once. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.unsubscribe?.();
    for (const id of this.running.keys()) this.abortLocal(id, false);
    await Promise.allSettled([...this.settled.values()]);
  }

  private abortLocal(jobId: string, canceled: boolean): void {
    const r = this.running.get(jobId);
    if (!r) return;
    r.canceled ||= canceled;
    r.controller.abort(canceled ? new ProviderError('canceled', 'Canceled by the user.') : new ProviderError('shutdown', 'The server is shutting down.'));
  }

  private kick(only?: ProviderId): void {
    if (this.stopping) return;
    for (const lane of this.lanes) if (!only || lane.provider === only) void this.pump(lane);
  }

  /** Claims and starts jobs for one lane until its local limit is reached or nothing is waiting. */
  private async pump(lane: Lane): Promise<void> {
    if (this.pumping.has(lane.key)) {
      this.repump.add(lane.key);
      return;
    }
    this.pumping.add(lane.key);
    try {
      do {
        this.repump.delete(lane.key);
        while (!this.stopping && (this.active.get(lane.key) ?? 0) < lane.limit) {
          const row = await this.store.claim(this.opts.instanceId, [lane.provider], this.opts.leaseTtlMs, lane.kinds);
          if (!row) break;
          this.startJob(row, lane);
        }
        await this.publishQueuePositions(lane);
      } while (this.repump.has(lane.key) && !this.stopping);
    } catch (err) {
      this.log.error('claiming jobs failed', { lane: lane.key, err });
    } finally {
      this.pumping.delete(lane.key);
    }
  }

  private startJob(row: JobRow, lane: Lane): void {
    this.active.set(lane.key, (this.active.get(lane.key) ?? 0) + 1);
    // execute() handles its own failures; what escapes is a store write refused by the disk, which
    // must never become an unhandled rejection (that ends the process): the job stays unfinished
    // and is claimed again once its lease expires and the disk accepts writes.
    const done = this.execute(row)
      .catch((err) => this.log.error('job bookkeeping failed', { jobId: row.id, err: storageFaultOf(err)?.message ?? err }))
      .finally(() => {
        this.active.set(lane.key, (this.active.get(lane.key) ?? 1) - 1);
        this.settled.delete(row.id);
        this.kick(lane.provider);
      });
    this.settled.set(row.id, done);
  }

  /**
   * Queue positions are computed on read (JobStore), so only one event is published as the queue
   * moves: when a job becomes next in line. Publishing every position change was n² events for n
   * jobs (and froze the server when many queued jobs were canceled).
   */
  private async publishQueuePositions(lane: Lane): Promise<void> {
    const [head] = await this.store.waiting(lane.provider, lane.kinds, 1);
    if (head && head.queuePosition !== 1) await this.store.update(head.id, { queuePosition: 1, stage: 'next in queue' }, { onlyIfActive: true });
  }

  /** Runs one claimed job on its provider, from marking it running to its final state, holding its lease throughout. */
  private async execute(row: JobRow): Promise<void> {
    const provider = this.providers.get(row.provider);
    if (!provider) {
      await this.store.update(row.id, { status: 'failed', error: { code: 'unknown_provider', message: `Provider ${row.provider} is not available on this server.` } });
      return;
    }
    const state = this.hold(row.id);
    const out = new JobWrites(this.store, row.id, state.controller.signal);
    try {
      if (!(await this.markRunning(row))) return;
      await provider.run(await this.contextFor(row, state, out));
      await this.succeed(row.id, state, out);
    } catch (err) {
      await this.fail(row.id, state, out, err);
    } finally {
      await this.release(row.id, state);
    }
  }

  /** Registers the job as running here and renews its lease until it is released. */
  private hold(jobId: string): Running {
    const owner = this.opts.instanceId;
    const state: Running = {
      controller: new AbortController(),
      canceled: false,
      // Renew well inside the TTL; losing the lease (canceled elsewhere, or taken over after a stall) stops the work here.
      renew: setInterval(
        () => {
          this.store.renewLease(jobId, owner, this.opts.leaseTtlMs).then(
            (held) => {
              if (!held && this.running.has(jobId)) this.abortLocal(jobId, true);
            },
            (err) => this.log.warn('lease renewal failed', { jobId, err }),
          );
        },
        Math.max(100, Math.floor(this.opts.leaseTtlMs / 3)),
      ),
    };
    this.running.set(jobId, state);
    return state;
  }

  private async release(jobId: string, state: Running): Promise<void> {
    clearInterval(state.renew);
    this.running.delete(jobId);
    await this.store.releaseLease(jobId, this.opts.instanceId).catch((err) => this.log.warn('lease release failed', { jobId, err }));
  }

  /** False when the job was finished or canceled meanwhile (then there is nothing to run). */
  private async markRunning(row: JobRow): Promise<boolean> {
    const current = await this.store.get(row.id);
    if (!current || TERMINAL_STATUSES.includes(current.status)) return false;
    const started = await this.store.update(
      row.id,
      { status: 'running', stage: row.status === 'running' ? 'resuming' : 'starting', queuePosition: null, error: null },
      { onlyIfActive: true },
    );
    return started !== null;
  }

  /** What the provider sees of the job: its request, its parent, and the ways to report and save. */
  private async contextFor(row: JobRow, state: Running, out: JobWrites): Promise<JobContext> {
    const jobId = row.id;
    if (!row.request) throw new ProviderError('invalid_request', `The stored request of job ${jobId} cannot be read by this version of the server; submit the job again.`);
    const parent = row.parentJobId && row.parentVariant ? await this.parentOf(row.parentJobId, row.parentVariant) : null;
    return {
      jobId,
      request: row.request,
      parent,
      externalId: row.externalId,
      signal: state.controller.signal,
      progress: (update) => out.progress(update),
      setExternalId: async (id) => {
        await out.enqueue(() => this.store.update(jobId, { externalId: id }, { onlyIfActive: true }));
        out.throwIfRefused();
      },
      setReport: (report: PromptReport) => void out.enqueue(() => this.store.update(jobId, { report }, { onlyIfActive: true })),
      saveFile: async (variant, format, bytes) => {
        if (state.controller.signal.aborted) throw state.controller.signal.reason;
        const relPath = `${jobId}/v${variant}.${format === 'motion' ? 'kmo' : format}`;
        const written = await this.cache.write(relPath, bytes).catch((err: unknown) => {
          throw storageFaultError(err);
        });
        await this.store.putFile({ jobId, variant, format, relPath, ...written });
        out.addVariant(variant);
      },
      setVariantDuration: (variant, durationSec) => out.setDuration(variant, durationSec),
    };
  }

  /** The provider returned: the job succeeded, unless it was canceled or made nothing. */
  private async succeed(jobId: string, state: Running, out: JobWrites): Promise<void> {
    await out.settle();
    if (state.canceled || state.controller.signal.aborted) return;
    if (out.variantCount === 0) throw new ProviderError('no_output', 'The provider finished without producing any motion. Try again or rephrase the prompt.');
    await this.store.update(jobId, { status: 'succeeded', progress: 100, stage: 'done', variants: out.sortedVariants(), queuePosition: null }, { onlyIfActive: true });
  }

  private async fail(jobId: string, state: Running, out: JobWrites, err: unknown): Promise<void> {
    await out.drain();
    if (state.canceled) return;
    if (this.stopping) return; // the lease is handed back by release(); another instance or the next start resumes it
    const error = this.jobErrorOf(jobId, err);
    await this.store.update(jobId, { status: 'failed', error, stage: 'failed', variants: out.sortedVariants(), queuePosition: null }, { onlyIfActive: true });
  }

  /** The error the user sees: a storage fault or a provider's own explanation; anything else is logged, not shown. */
  private jobErrorOf(jobId: string, err: unknown): { code: string; message: string } {
    const fault = storageFaultOf(err);
    if (fault) {
      const code = fault.kind === 'disk_full' ? 'disk_full' : 'storage_read_only';
      this.log.error('job failed on a storage fault', { jobId, reason: code });
      return { code, message: fault.message };
    }
    if (err instanceof ProviderError) return { code: err.code, message: err.message };
    this.log.error('job crashed', { jobId, err });
    return { code: 'internal_error', message: 'The job failed unexpectedly on the server. Try again; if it keeps failing, check the server log.' };
  }

  private async parentOf(parentJobId: string, variant: number): Promise<ParentVariant> {
    const parent = await this.store.row(parentJobId);
    if (!parent) throw new ProviderError('parent_missing', `The parent job ${parentJobId} no longer exists.`);
    if (!parent.request)
      throw new ProviderError('parent_unsupported', `The stored request of the parent job ${parentJobId} cannot be read by this version of the server; edit another take.`);
    return {
      jobId: parentJobId,
      variant,
      externalId: parent.externalId,
      request: parent.request,
      readFile: async (format: FileFormat | 'motion') => {
        const f = await this.store.file(parentJobId, variant, format);
        if (!f) return null;
        try {
          return await this.cache.read(f.relPath, f.sha256);
        } catch (err) {
          if (err instanceof CacheIntegrityError) throw new ProviderError('parent_file_unavailable', `The parent's ${format} file is ${err.state}; rerun the parent job.`);
          throw err;
        }
      },
    };
  }
}

/**
 * A cache write that failed is a storage problem whatever errno it carries (a read-only bind mount
 * even reports ENOENT from mkdir): it becomes the clear, path-free storage error, not the raw text.
 */
function storageFaultError(err: unknown): unknown {
  const errno = typeof (err as { code?: unknown })?.code === 'string' && typeof (err as { syscall?: unknown }).syscall === 'string';
  const fault = storageFaultOf(err) ?? (errno ? { kind: 'read_only' as const, message: READ_ONLY_MESSAGE } : null);
  return fault ? new ProviderError(fault.kind === 'disk_full' ? 'disk_full' : 'storage_read_only', fault.message) : err;
}

export type { JobRow };
