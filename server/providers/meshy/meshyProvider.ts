/**
 * Meshy as a provider: rigging, animation and text-to-motion (docs/contracts/meshy.md).
 * A job's life: build the create request → record a pending marker → POST once (submitTask.ts:
 * never paid twice) → persist the task id at once → follow the task (SSE, GET fallback) → copy
 * the result files into our cache before the URLs expire → only then return, so the runner marks
 * the job succeeded with every file local. `run` with a stored task id resumes without resubmitting.
 */
import type { Capability, Character, LibraryEntry } from '../../contract/api.ts';
import type { CharacterStore } from '../../characters/characterStore.ts';
import type { Logger } from '../../log.ts';
import { toCharacter } from '../../characters/toCharacter.ts';
import type { JobContext, JobDraft, Provider } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import { DEFAULT_CATALOG_TTL_MS, MeshyActionCatalog } from './actionCatalog.ts';
import { buildSubmission } from './buildSubmission.ts';
import { prepareMeshyJob } from './prepareMeshyJob.ts';
import { Reused } from '../reused.ts';
import { DEFAULT_DOWNLOAD_TIMING, downloadResults, type DownloadTiming } from './downloadResults.ts';
import { parseExternalId, pendingMarker } from './externalId.ts';
import { DEFAULT_TRACK_TIMING, followTask, type TaskProgress, type TrackTiming } from './followTask.ts';
import { MeshyApiError, toProviderError, type MeshyOperation } from './meshyApiError.ts';
import { MeshyClient, type ClientTiming, type MeshyCredentials } from './meshyClient.ts';
import type { MeshyResource, MeshyTask } from './meshyWire.ts';
import { DEFAULT_SUBMIT_TIMING, reconcile, submitTask, unknownOutcome, type Submission, type SubmitTiming } from './submitTask.ts';

const MESHY_CAPABILITIES: Capability[] = ['rig', 'animate', 'library', 'textToMotion', 'characters'];

/** Meshy's progress fills the bar up to here; copying the files into the cache fills the rest. */
const GENERATION_SHARE = 90;

export interface MeshyTiming {
  client?: Partial<ClientTiming>;
  track?: Partial<TrackTiming>;
  submit?: Partial<SubmitTiming>;
  download?: Partial<DownloadTiming>;
  catalogTtlMs?: number;
  /** How long a balance answer is reused (the providers list asks on every load). */
  balanceTtlMs?: number;
}

export interface MeshyProviderOptions {
  log?: Logger;
  /** Replaces global fetch (tests drive the in-process contract server through it). */
  fetch?: typeof fetch;
  timing?: MeshyTiming;
  /** Uploaded characters, sent to Meshy for rigging. */
  characters?: CharacterStore | null;
}

const OPS: Record<string, { op: MeshyOperation; resource: MeshyResource }> = {
  rig: { op: 'rig', resource: 'rigging' },
  animate: { op: 'animate', resource: 'animations' },
  textToMotion: { op: 'textToMotion', resource: 'text-to-motion' },
};

function failureOf(task: MeshyTask, op: MeshyOperation): ProviderError {
  const e = task.task_error;
  const said = e?.message ? ` Meshy said: "${e.message.slice(0, 300)}".` : '';
  if (task.status === 'CANCELED') return new ProviderError('canceled_upstream', `The Meshy task ${task.id} was canceled at Meshy.${said}`);
  if (e?.code === 'moderation_blocked') return new ProviderError('prompt_refused', `Meshy's moderation blocked this request.${said}`);
  if (op === 'rig' && (e?.type === 'invalid_input' || /pose|humanoid|rig/i.test(e?.message ?? ''))) {
    return new ProviderError('not_humanoid', `Meshy could not rig this model: use a textured, standing, two-legged humanoid facing +Z.${said}`);
  }
  const retryable = e?.type === 'timeout' || e?.type === 'service_unavailable' || e?.type === 'server_error';
  return new ProviderError('meshy_task_failed', `The Meshy task failed (credits are refunded for failed tasks).${said}`, retryable);
}

export class MeshyProvider implements Provider {
  readonly id = 'meshy' as const;
  readonly name = 'Meshy';
  private readonly client: MeshyClient | null;
  private readonly catalog: MeshyActionCatalog | null;
  private readonly characterStore: CharacterStore | null;
  private readonly log: Logger | undefined;
  private trackTiming: TrackTiming;
  private submitTiming: SubmitTiming;
  private downloadTiming: DownloadTiming;
  private balanceTtlMs: number;
  private readonly balance = new Reused<number>();
  /** Task ids owned by jobs of this server, never adopted by another job's reconciliation. */
  private readonly claimed = new Set<string>();
  /** Counters for tests and diagnostics. */
  readonly stats = { streams: 0, gets: 0 };

  constructor(config: MeshyCredentials | null, opts: MeshyProviderOptions = {}) {
    this.log = opts.log;
    this.characterStore = opts.characters ?? null;
    this.client = config ? new MeshyClient(config, { fetch: opts.fetch, timing: opts.timing?.client, log: opts.log }) : null;
    this.catalog = this.client ? new MeshyActionCatalog(this.client, opts.timing?.catalogTtlMs ?? DEFAULT_CATALOG_TTL_MS, opts.log) : null;
    this.trackTiming = { ...DEFAULT_TRACK_TIMING, ...opts.timing?.track };
    this.submitTiming = { ...DEFAULT_SUBMIT_TIMING, ...opts.timing?.submit };
    this.downloadTiming = { ...DEFAULT_DOWNLOAD_TIMING, ...opts.timing?.download };
    this.balanceTtlMs = opts.timing?.balanceTtlMs ?? 15_000;
  }

  configured(): boolean {
    return this.client !== null;
  }

  capabilities(): Capability[] {
    return [...MESHY_CAPABILITIES];
  }

  /** Operational tuning (intervals, timeouts); tests shorten them. */
  setTiming(t: MeshyTiming): void {
    if (t.client) this.client?.setTiming(t.client);
    if (t.track) this.trackTiming = { ...this.trackTiming, ...t.track };
    if (t.submit) this.submitTiming = { ...this.submitTiming, ...t.submit };
    if (t.download) this.downloadTiming = { ...this.downloadTiming, ...t.download };
    if (t.catalogTtlMs !== undefined) this.catalog?.setTtl(t.catalogTtlMs);
    if (t.balanceTtlMs !== undefined) this.balanceTtlMs = t.balanceTtlMs;
  }

  private requireClient(): MeshyClient {
    if (!this.client) throw new ProviderError('provider_not_configured', 'Meshy is not configured: set MESHY_API_KEY in the server environment and restart.');
    return this.client;
  }

  async credits(): Promise<number | null> {
    const client = this.requireClient();
    try {
      return await this.balance.get(this.balanceTtlMs, () => client.balance());
    } catch (err) {
      throw err instanceof MeshyApiError ? toProviderError(err, 'balance') : err;
    }
  }

  /** Uploaded GLB/VRM characters: the ones Meshy can rig. */
  async characters(): Promise<Character[]> {
    const all = this.characterStore ? await this.characterStore.list() : [];
    return all.filter((m) => m.format !== 'fbx').map((m) => toCharacter(m, 'meshy'));
  }

  async library(): Promise<LibraryEntry[]> {
    this.requireClient();
    return this.catalog!.all();
  }

  prepare(draft: JobDraft): Promise<JobDraft> {
    return prepareMeshyJob(draft, this.characterStore);
  }

  async run(ctx: JobContext): Promise<void> {
    const client = this.requireClient();
    const kind = OPS[ctx.request.kind];
    if (!kind) throw new ProviderError('unsupported_operation', `Meshy does not run "${ctx.request.kind}" jobs.`);
    const { op, resource } = kind;

    let lastStatus: MeshyTask['status'] | null = null;
    let percent = 0;
    const onProgress = (p: TaskProgress) => {
      lastStatus = p.status;
      // Never move the bar backwards (a keep-alive or a GET can repeat older progress).
      percent = Math.max(percent, (p.progress / 100) * GENERATION_SHARE);
      const stage =
        p.status === 'PENDING'
          ? `waiting in Meshy's queue${p.precedingTasks ? ` (${p.precedingTasks} ahead)` : ''}`
          : `Meshy ${op === 'rig' ? 'is rigging' : op === 'animate' ? 'is animating' : 'is generating the motion'}: ${Math.round(p.progress)}%`;
      ctx.progress({ percent, stage, queuePosition: p.status === 'PENDING' ? (p.precedingTasks ?? null) : null });
    };

    const taskId = await this.taskIdFor(ctx, client, op);
    this.claimed.add(taskId);
    let task: MeshyTask;
    try {
      task = await followTask(client, resource, taskId, { signal: ctx.signal, timing: this.trackTiming, onProgress, log: this.log, stats: this.stats });
    } catch (err) {
      if (ctx.signal.aborted) this.refundIfCanceled(ctx, client, resource, taskId, lastStatus);
      throw err;
    }
    if (task.status !== 'SUCCEEDED') throw failureOf(task, op);
    await downloadResults(ctx, op, task, { client, timing: this.downloadTiming, log: this.log, from: GENERATION_SHARE, to: 100 });
  }

  /** The job's Meshy task: the stored one when resuming, else a new (or reconciled) one. */
  private async taskIdFor(ctx: JobContext, client: MeshyClient, op: MeshyOperation): Promise<string> {
    const stored = parseExternalId(ctx.externalId);
    if (stored?.kind === 'task') {
      this.log?.info('meshy job resumed', { jobId: ctx.jobId, taskId: stored.id });
      return stored.id;
    }
    const submission: Submission = await buildSubmission(ctx, this.characterStore);
    if (stored?.kind === 'pending') {
      // A restart interrupted a create: Meshy may have made (and billed) the task. Look, never resend.
      ctx.progress({ percent: 0, stage: 'checking whether Meshy created the task before the restart' });
      const found = await reconcile(client, submission, stored.sentAt, { signal: ctx.signal, timing: this.submitTiming, claimed: this.claimed, log: this.log });
      if (found.kind !== 'found') throw unknownOutcome(submission, found, 'the server restarted while sending it');
      await ctx.setExternalId(found.id);
      return found.id;
    }
    const sentAt = Date.now();
    await ctx.setExternalId(pendingMarker(sentAt));
    ctx.progress({ percent: 0, stage: `sending the ${op === 'textToMotion' ? 'text-to-motion' : op} request to Meshy` });
    const id = await submitTask(client, submission, sentAt, {
      signal: ctx.signal,
      timing: this.submitTiming,
      claimed: this.claimed,
      onWait: (stage) => ctx.progress({ percent: 0, stage }),
      log: this.log,
    });
    await ctx.setExternalId(id);
    this.log?.info('meshy task created', { jobId: ctx.jobId, op, taskId: id });
    return id;
  }

  /** A user cancel of a task still queued at Meshy deletes it there, which refunds its credits. */
  private refundIfCanceled(ctx: JobContext, client: MeshyClient, resource: MeshyResource, taskId: string, status: MeshyTask['status'] | null): void {
    const reason = ctx.signal.reason as unknown;
    if (!(reason instanceof ProviderError) || reason.code !== 'canceled' || status !== 'PENDING') return;
    client.deleteTask(resource, taskId).then(
      () => this.log?.info('meshy task deleted after cancel (refunded)', { taskId }),
      (err: unknown) => this.log?.warn('meshy task could not be deleted after cancel', { taskId, err }),
    );
  }
}
