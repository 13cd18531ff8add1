/**
 * Runs jobs on their providers. Owns the per-provider queues, cancellation, progress throttling,
 * the file cache writes and resumption after a restart. Providers never touch the database.
 */
import type { CreateJobRequest, FileFormat, Job, PromptReport, ProviderId } from '../contract/api.ts';
import type { AssetCache } from '../files/assetCache.ts';
import { CacheIntegrityError } from '../files/assetCache.ts';
import type { Logger } from '../log.ts';
import type { JobContext, ParentVariant, ProgressUpdate, Provider } from '../providers/provider.ts';
import { ProviderError } from '../providers/provider.ts';
import type { JobRow, JobStore, StoredVariant } from './jobStore.ts';

/** Progress writes are coalesced to this interval: each one is a DB row and an SSE event per client. */
const PROGRESS_INTERVAL_MS = 80;

interface Running {
  controller: AbortController;
  canceled: boolean;
}

export class JobRunner {
  private readonly queues = new Map<ProviderId, string[]>();
  private readonly active = new Map<ProviderId, number>();
  private readonly running = new Map<string, Running>();
  private readonly settled = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly store: JobStore,
    private readonly cache: AssetCache,
    private readonly providers: ReadonlyMap<ProviderId, Provider>,
    private readonly limits: Partial<Record<ProviderId, number>>,
    private readonly log: Logger,
  ) {}

  /** Queue a freshly created job. */
  enqueue(jobId: string, provider: ProviderId): void {
    const q = this.queues.get(provider) ?? [];
    q.push(jobId);
    this.queues.set(provider, q);
    void this.pump(provider);
  }

  /** After a restart: queued and running jobs go back into their queues, oldest first. */
  async resumeAll(): Promise<number> {
    const rows = await this.store.unfinished();
    for (const row of rows) this.enqueue(row.id, row.provider);
    return rows.length;
  }

  /** Resolves when the job has left the runner (finished, failed or canceled). For tests and shutdown. */
  whenSettled(jobId: string): Promise<void> {
    return this.settled.get(jobId) ?? Promise.resolve();
  }

  async cancel(jobId: string): Promise<Job | null> {
    const row = await this.store.row(jobId);
    if (!row) return null;
    const running = this.running.get(jobId);
    if (running) {
      running.canceled = true;
      running.controller.abort(new ProviderError('canceled', 'Canceled by the user.'));
    } else {
      const q = this.queues.get(row.provider);
      if (q) this.queues.set(row.provider, q.filter((id) => id !== jobId));
    }
    const job = await this.store.update(jobId, { status: 'canceled', stage: 'canceled by the user', queuePosition: null });
    void this.publishQueuePositions(row.provider);
    return job;
  }

  /** Stops taking work and aborts what runs; unfinished jobs stay queued/running in the DB and resume on restart. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const r of this.running.values()) r.controller.abort(new ProviderError('shutdown', 'The server is shutting down.'));
    await Promise.allSettled([...this.settled.values()]);
  }

  private limit(provider: ProviderId): number {
    return this.limits[provider] ?? Number.POSITIVE_INFINITY;
  }

  private async pump(provider: ProviderId): Promise<void> {
    const q = this.queues.get(provider) ?? [];
    while (!this.stopping && q.length > 0 && (this.active.get(provider) ?? 0) < this.limit(provider)) {
      const jobId = q.shift()!;
      this.active.set(provider, (this.active.get(provider) ?? 0) + 1);
      const done = this.execute(jobId).finally(() => {
        this.active.set(provider, (this.active.get(provider) ?? 1) - 1);
        this.settled.delete(jobId);
        void this.pump(provider);
      });
      this.settled.set(jobId, done);
    }
    await this.publishQueuePositions(provider);
  }

  private async publishQueuePositions(provider: ProviderId): Promise<void> {
    const q = this.queues.get(provider) ?? [];
    for (const [i, id] of q.entries()) {
      const row = await this.store.row(id);
      if (row?.status === 'queued') await this.store.update(id, { queuePosition: i + 1, stage: `queued (position ${i + 1})` });
    }
  }

  private async execute(jobId: string): Promise<void> {
    const row = await this.store.row(jobId);
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return;
    const provider = this.providers.get(row.provider);
    if (!provider) {
      await this.store.update(jobId, { status: 'failed', error: { code: 'unknown_provider', message: `Provider ${row.provider} is not available on this server.` } });
      return;
    }
    const state: Running = { controller: new AbortController(), canceled: false };
    this.running.set(jobId, state);
    const variants = new Map<number, StoredVariant>();
    const pending: { update: ProgressUpdate | null; timer: NodeJS.Timeout | null; lastWrite: number } = { update: null, timer: null, lastWrite: 0 };
    let writes = Promise.resolve();
    const sortedVariants = () => [...variants.values()].sort((a, b) => a.index - b.index);
    const flush = () => {
      pending.timer = null;
      const u = pending.update;
      pending.update = null;
      if (!u || state.controller.signal.aborted) return;
      pending.lastWrite = Date.now();
      writes = writes
        .then(() =>
          this.store.update(jobId, {
            progress: u.percent,
            ...(u.stage !== undefined ? { stage: u.stage } : {}),
            ...(u.queuePosition !== undefined ? { queuePosition: u.queuePosition } : {}),
            variants: sortedVariants(),
          }),
        )
        .then(() => undefined);
    };

    try {
      await this.store.update(jobId, { status: 'running', progress: 0, stage: 'starting', queuePosition: null, error: null });
      const parent = row.parentJobId && row.parentVariant ? await this.parentOf(row.parentJobId, row.parentVariant) : null;
      const ctx: JobContext = {
        jobId,
        request: row.request,
        parent,
        externalId: row.externalId,
        signal: state.controller.signal,
        progress: (update) => {
          pending.update = { ...pending.update, ...update };
          const wait = PROGRESS_INTERVAL_MS - (Date.now() - pending.lastWrite);
          if (wait <= 0) flush();
          else pending.timer ??= setTimeout(flush, wait);
        },
        setExternalId: async (id) => {
          await (writes = writes.then(() => this.store.update(jobId, { externalId: id }).then(() => undefined)));
        },
        setReport: (report: PromptReport) => {
          writes = writes.then(() => this.store.update(jobId, { report }).then(() => undefined));
        },
        saveFile: async (variant, format, bytes) => {
          if (state.controller.signal.aborted) throw state.controller.signal.reason;
          const relPath = `${jobId}/v${variant}.${format === 'motion' ? 'kmo' : format}`;
          const written = await this.cache.write(relPath, bytes);
          await this.store.putFile({ jobId, variant, format, relPath, ...written });
          if (!variants.has(variant)) variants.set(variant, { index: variant, durationSec: 0 });
        },
        setVariantDuration: (variant, durationSec) => {
          variants.set(variant, { index: variant, durationSec: Math.round(durationSec * 1000) / 1000 });
        },
      };
      await provider.run(ctx);
      if (pending.timer) clearTimeout(pending.timer);
      await writes;
      if (state.canceled) return;
      if (variants.size === 0) throw new ProviderError('no_output', 'The provider finished without producing any motion. Try again or rephrase the prompt.');
      await this.store.update(jobId, { status: 'succeeded', progress: 100, stage: 'done', variants: sortedVariants(), queuePosition: null });
    } catch (err) {
      if (pending.timer) clearTimeout(pending.timer);
      await writes.catch(() => undefined);
      if (state.canceled) return;
      if (this.stopping) return; // stays running in the DB; resumed on the next start
      const error =
        err instanceof ProviderError
          ? { code: err.code, message: err.message }
          : { code: 'internal_error', message: 'The job failed unexpectedly on the server. Try again; if it keeps failing, check the server log.' };
      if (!(err instanceof ProviderError)) this.log.error('job crashed', { jobId, err });
      await this.store.update(jobId, { status: 'failed', error, stage: 'failed', variants: sortedVariants(), queuePosition: null });
    } finally {
      this.running.delete(jobId);
    }
  }

  private async parentOf(parentJobId: string, variant: number): Promise<ParentVariant> {
    const parent = await this.store.row(parentJobId);
    if (!parent) throw new ProviderError('parent_missing', `The parent job ${parentJobId} no longer exists.`);
    return {
      jobId: parentJobId,
      variant,
      externalId: parent.externalId,
      request: parent.request as CreateJobRequest,
      readFile: async (format: FileFormat | 'motion') => {
        const f = await this.store.file(parentJobId, variant, format);
        if (!f) return null;
        try {
          return await this.cache.read(f.relPath, f.sha256);
        } catch (err) {
          if (err instanceof CacheIntegrityError)
            throw new ProviderError('parent_file_unavailable', `The parent's ${format} file is ${err.message.split(' is ')[1]}; rerun the parent job.`);
          throw err;
        }
      },
    };
  }
}

export type { JobRow };
