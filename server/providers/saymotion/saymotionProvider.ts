/**
 * SayMotion (DeepMotion) as a provider. Submits a job once, persists its request id at once (so a
 * restart resumes tracking instead of paying twice), follows it with the shared Tracker and copies the
 * results into our cache before the runner may mark the job succeeded.
 */
import type { Capability, Character } from '../../contract/api.ts';
import type { StoredRequest } from '../../contract/storedRequest.ts';
import type { Logger } from '../../log.ts';
import { MANNEQUIN } from '../mannequin.ts';
import { Reused } from '../reused.ts';
import type { JobContext, ParentVariant, ProgressUpdate, Provider } from '../provider.ts';
import { ProviderError } from '../provider.ts';
import { buildJobParams, type Processor } from './buildJobParams.ts';
import { deleteCharacter, listCharacterModels, uploadCharacter, type CharacterUpload } from './characterModels.ts';
import { downloadVariants } from './downloadVariants.ts';
import { SAYMOTION_ERROR_CODES } from './failureFromDetails.ts';
import { optimizePrompt, type OptimizeOptions } from './optimizePrompt.ts';
import { SayMotionApiError } from './saymotionApiError.ts';
import { SayMotionClient, type ClientTiming, type SayMotionCredentials } from './saymotionClient.ts';
import { Tracker, type TrackerTiming, type TrackUpdate } from './tracker.ts';
import { CancelReply, CreditBalance, ListReply, ProcessReply, type CharacterModel, type ListedJob } from './wireSchemas.ts';

/** Generation fills the bar up to here; copying the files into the cache fills the rest. */
const GENERATION_SHARE = 90;

export interface SayMotionTiming {
  client?: Partial<ClientTiming>;
  tracker?: Partial<TrackerTiming>;
  /** Delay before asking again when SUCCESS came before the download links. */
  notReadyDelayMs?: number;
  /** How long credits and the character list are reused before asking SayMotion again. */
  cacheMs?: number;
}

export interface SayMotionProviderOptions {
  log?: Logger;
  /** Replaces global fetch (tests drive an in-process contract server through it). */
  fetch?: typeof fetch;
  timing?: SayMotionTiming;
}

export const SAYMOTION_CAPABILITIES: Capability[] = ['text2motion', 'inpaint', 'merge', 'loop', 'refine', 'rerun', 'render', 'optimizePrompt', 'characters'];

export class SayMotionProvider implements Provider {
  readonly id = 'saymotion' as const;
  readonly name = 'SayMotion';
  private readonly client: SayMotionClient | null;
  private readonly tracker: Tracker | null;
  private readonly promptTracker: Tracker | null;
  private readonly log: Logger | undefined;
  private notReadyDelayMs: number;
  private cacheMs: number;
  private readonly account = new Reused<CreditBalance>();
  private readonly models = new Reused<CharacterModel[]>();

  constructor(config: SayMotionCredentials | null, opts: SayMotionProviderOptions = {}) {
    this.log = opts.log;
    this.notReadyDelayMs = opts.timing?.notReadyDelayMs ?? 1000;
    this.cacheMs = opts.timing?.cacheMs ?? 10_000;
    if (config) {
      this.client = new SayMotionClient(config, { fetch: opts.fetch, log: opts.log, timing: opts.timing?.client });
      this.tracker = new Tracker(this.client, { statusPath: '/job/v1/status', timing: opts.timing?.tracker, log: opts.log });
      this.promptTracker = new Tracker(this.client, { statusPath: '/prompt/v1/status', timing: opts.timing?.tracker, log: opts.log });
    } else {
      this.client = null;
      this.tracker = null;
      this.promptTracker = null;
    }
  }

  configured(): boolean {
    return this.client !== null;
  }

  capabilities(): Capability[] {
    return [...SAYMOTION_CAPABILITIES];
  }

  /** Operational tuning (poll interval, timeouts); tests shorten them. */
  setTiming(timing: SayMotionTiming): void {
    if (timing.client) this.client?.setTiming(timing.client);
    if (timing.tracker) {
      this.tracker?.setTiming(timing.tracker);
      this.promptTracker?.setTiming(timing.tracker);
    }
    if (timing.notReadyDelayMs !== undefined) this.notReadyDelayMs = timing.notReadyDelayMs;
    if (timing.cacheMs !== undefined) this.cacheMs = timing.cacheMs;
  }

  trackerStats(): { ticks: number; statusRequests: number; active: number } {
    return this.tracker?.stats() ?? { ticks: 0, statusRequests: 0, active: 0 };
  }

  async credits(): Promise<number | null> {
    return (await this.creditBalance()).credits;
  }

  async characters(): Promise<Character[]> {
    // Thumbnails and model URLs are SayMotion storage links: the browser must not fetch from providers
    // directly (and the CSP would block it), so only ids and names are listed.
    return (await this.characterModels()).map((m) => ({ id: m.id, name: m.name, provider: 'saymotion' as const }));
  }

  async run(ctx: JobContext): Promise<void> {
    const client = this.requireClient();
    const req = ctx.request;
    const parentRid = this.parentRid(ctx.parent);
    let rid = ctx.externalId;
    let plan: { processor: Processor; variants: number };

    if (rid) {
      // Resuming after a restart: the job exists upstream; resubmitting would run and charge it twice.
      plan = buildJobParams(req, { modelId: null, parentRid });
      this.log?.info('saymotion job resumed', { jobId: ctx.jobId, rid });
    } else {
      const modelId = req.kind === 'text2motion' || req.kind === 'rerun' ? await this.modelFor(req, ctx.parent) : null;
      const built = buildJobParams(req, { modelId, parentRid });
      await this.checkVariantLimit(built.variants);
      if (ctx.signal.aborted) throw ctx.signal.reason;
      ctx.progress({ percent: 0, stage: 'submitting to SayMotion' });
      rid = await this.submit(built.processor, built.params, ctx.signal);
      await ctx.setExternalId(rid);
      this.log?.info('saymotion job submitted', { jobId: ctx.jobId, rid, processor: built.processor });
      plan = built;
      if (ctx.signal.aborted) {
        await this.afterAbort(rid, ctx.signal.reason);
        throw ctx.signal.reason;
      }
    }

    ctx.progress({ percent: 0, stage: 'waiting for SayMotion', queuePosition: null });
    let last = 0;
    try {
      await this.tracker!.track(
        rid,
        (u) => {
          const p = this.toProgress(u, last);
          last = p.percent;
          ctx.progress(p);
        },
        ctx.signal,
      );
    } catch (err) {
      if (ctx.signal.aborted) await this.afterAbort(rid, ctx.signal.reason);
      throw err;
    }
    await downloadVariants(
      client,
      ctx,
      { rid, processor: plan.processor, variants: plan.variants, requestedDurationSec: 'durationSec' in req && typeof req.durationSec === 'number' ? req.durationSec : 0 },
      { log: this.log, notReadyDelayMs: this.notReadyDelayMs, progressStart: GENERATION_SHARE },
    );
  }

  /** `GET /job/v1/cancel/{rid}`; true when SayMotion confirmed. */
  async cancel(rid: string, signal?: AbortSignal): Promise<boolean> {
    const reply = await this.requireClient().get(`/job/v1/cancel/${encodeURIComponent(rid)}`, CancelReply, { signal, retries: 2, timeoutMs: 10_000 });
    return reply.result;
  }

  async listJobs(filter: { statuses?: string[]; processor?: Processor } = {}, signal?: AbortSignal): Promise<ListedJob[]> {
    const statuses = filter.statuses?.map((s) => s.trim().toUpperCase()).filter((s) => /^[A-Z]+$/.test(s)) ?? [];
    // The documented path takes statuses before the processor; a processor alone means "any status".
    const path =
      statuses.length > 0 || filter.processor
        ? `/job/v1/list/${(statuses.length > 0 ? statuses : ['STARTING', 'PROGRESS', 'RETRY', 'SUCCESS', 'FAILURE']).join(',')}${filter.processor ? `/${filter.processor}` : ''}`
        : '/job/v1/list';
    return (await this.requireClient().get(path, ListReply, { signal })).list;
  }

  /** Imports an Animate 3D (video-to-motion) job into SayMotion; returns the new request id. A POST: never resent. */
  async importAnimate3d(animate3dRid: string, modelId: string, params: string[], signal?: AbortSignal): Promise<string> {
    const reply = await this.requireClient().post(`/job/v1/import/animate3d/${encodeURIComponent(animate3dRid)}`, { model: modelId, params }, ProcessReply, { signal });
    return reply.rid;
  }

  async uploadCharacter(input: CharacterUpload, signal?: AbortSignal): Promise<{ modelId: string }> {
    const result = await uploadCharacter(this.requireClient(), input, signal);
    this.models.clear();
    return result;
  }

  async deleteCharacter(modelId: string, signal?: AbortSignal): Promise<number> {
    const count = await deleteCharacter(this.requireClient(), modelId, signal);
    this.models.clear();
    return count;
  }

  async optimizePrompt(prompt: string, opts: OptimizeOptions = {}): Promise<string[]> {
    return optimizePrompt(this.requireClient(), this.promptTracker!, prompt, opts);
  }

  async creditBalance(): Promise<CreditBalance> {
    return this.account.get(this.cacheMs, () => this.requireClient().get('/account/v1/creditBalance', CreditBalance));
  }

  async characterModels(): Promise<CharacterModel[]> {
    return this.models.get(this.cacheMs, () => listCharacterModels(this.requireClient()));
  }

  private requireClient(): SayMotionClient {
    if (!this.client)
      throw new ProviderError('provider_not_configured', 'SayMotion is not configured: set DM_CLIENT_ID and DM_CLIENT_SECRET in the server environment and restart.');
    return this.client;
  }

  private parentRid(parent: ParentVariant | null): string | null {
    if (!parent) return null;
    if (parent.request.provider !== 'saymotion' || !parent.externalId) {
      throw new ProviderError(
        'parent_not_saymotion',
        `SayMotion can only edit motions it generated, and job ${parent.jobId} was made by the ${parent.request.provider} provider. Generate the motion with SayMotion first, or edit it with ${parent.request.provider}.`,
      );
    }
    return parent.externalId;
  }

  /**
   * The studio fills in the local engine's "mannequin" when no character is chosen; SayMotion does not
   * know it, so a stock SayMotion character is used instead (for a rerun, the parent's character first).
   */
  private async modelFor(req: StoredRequest, parent: ParentVariant | null): Promise<string | null> {
    const own = 'characterId' in req ? req.characterId : undefined;
    const inherited = parent && 'characterId' in parent.request ? parent.request.characterId : undefined;
    const chosen = [own, inherited].find((id): id is string => typeof id === 'string' && id !== '' && id !== MANNEQUIN.id);
    if (chosen) return chosen;
    const models = await this.characterModels();
    return (models.find((m) => m.platform === 'deepmotion') ?? models[0])?.id ?? null;
  }

  /** Fails before submitting (and before any charge) when the plan cannot produce that many variants. */
  private async checkVariantLimit(variants: number): Promise<void> {
    if (variants <= 1) return;
    let max: number | undefined;
    try {
      max = (await this.creditBalance()).subscription?.featureLimits?.maxVariantsGeneration;
    } catch (err) {
      // The limit is a courtesy check; SayMotion enforces it anyway.
      this.log?.debug('saymotion variant limit unknown', { error: err instanceof ProviderError ? err.code : 'unexpected' });
      return;
    }
    if (max !== undefined && max > 0 && variants > max) {
      throw new ProviderError('too_many_variants', `Your SayMotion plan allows up to ${max} variants per job; ask for ${max} or fewer.`);
    }
  }

  private async submit(processor: Processor, params: string[], signal: AbortSignal): Promise<string> {
    try {
      const reply = await this.requireClient().post(`/job/v1/process/${processor}`, { params }, ProcessReply, { signal });
      return reply.rid;
    } catch (err) {
      // A documented error code in the refusal is clearer than the HTTP status.
      if (err instanceof SayMotionApiError && err.kind === 'rejected' && err.upstreamCode !== null) {
        const info = SAYMOTION_ERROR_CODES[err.upstreamCode];
        if (info) throw new ProviderError(info.code, info.message);
      }
      throw err;
    }
  }

  /** A user's cancel is passed on to SayMotion; a server shutdown is not (the job resumes on restart). */
  private async afterAbort(rid: string, reason: unknown): Promise<void> {
    if (!(reason instanceof ProviderError) || reason.code !== 'canceled') return;
    try {
      const ok = await this.cancel(rid);
      this.log?.info('saymotion job canceled upstream', { rid, confirmed: ok });
    } catch (err) {
      this.log?.warn('saymotion cancel failed', { rid, error: err instanceof ProviderError ? err.code : 'unexpected' });
    }
  }

  private toProgress(u: TrackUpdate, last: number): ProgressUpdate {
    if (u.queuePosition !== null) return { percent: last, stage: `waiting in SayMotion's queue (position ${u.queuePosition})`, queuePosition: u.queuePosition };
    if (u.state === 'RETRY') return { percent: last, stage: 'SayMotion is retrying after an internal error', queuePosition: null };
    if (u.fraction !== null) return { percent: Math.max(last, u.fraction * GENERATION_SHARE), stage: 'generating at SayMotion', queuePosition: null };
    return { percent: last, stage: u.state === 'STARTING' ? 'starting at SayMotion' : 'working at SayMotion', queuePosition: null };
  }
}
