/**
 * Creates a paid Meshy task without ever paying twice. A create is resent only when Meshy
 * certainly did not act on it: a 429 (refused before creation; backed off, honouring Retry-After)
 * or a connection that never opened. When the outcome is unknown — a timeout, a dropped
 * connection or a 5xx after the request went out — the task may exist and be billed, so instead of
 * resending we look for it in Meshy's task list (created since just before we sent, matching what
 * we asked for, not already ours). Found: adopt it. Not found or ambiguous: fail with a message
 * that says what to check, and leave the decision to resubmit to the user.
 */
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import { ProviderError } from '../provider.ts';
import { MeshyApiError, toProviderError, type MeshyOperation } from './meshyApiError.ts';
import type { MeshyClient } from './meshyClient.ts';
import type { MeshyResource } from './meshyWire.ts';
import { sleep } from '../../http/outbound/sleep.ts';

export interface SubmitTiming {
  /** First backoff after a RateLimitExceeded 429 without Retry-After; doubles each time. */
  rateLimitBaseMs: number;
  maxBackoffMs: number;
  /** RateLimitExceeded retries before giving up. */
  maxRateLimitRetries: number;
  /** Wait between tries while the account's task queue is full (NoMoreConcurrentTasks). */
  busyRetryMs: number;
  /** Give up waiting for a free task slot after this long. */
  busyMaxWaitMs: number;
  /** Resends after a connection that provably never opened. */
  maxConnectRetries: number;
  /** Reads of the task list while reconciling (the list may lag a freshly created task). */
  reconcileAttempts: number;
  reconcileDelayMs: number;
  /** Allowed clock difference between us and Meshy when matching created_at. */
  clockSkewMs: number;
}

export const DEFAULT_SUBMIT_TIMING: SubmitTiming = {
  rateLimitBaseMs: 1_000,
  maxBackoffMs: 30_000,
  maxRateLimitRetries: 6,
  busyRetryMs: 15_000,
  busyMaxWaitMs: 15 * 60 * 1000,
  maxConnectRetries: 3,
  reconcileAttempts: 3,
  reconcileDelayMs: 2_000,
  clockSkewMs: 2 * 60 * 1000,
};

/** The fields of a listed task we can match on; everything else is ignored. */
const ListedTask = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  created_at: z.union([z.number(), z.null()]).optional(),
});
export type ListedTask = z.infer<typeof ListedTask> & Record<string, unknown>;

export interface Submission {
  op: MeshyOperation;
  resource: MeshyResource;
  body: Record<string, unknown>;
  /** True when a listed task could be the one this body created (its type and any echoed inputs agree). */
  matches(task: ListedTask): boolean;
}

export interface SubmitOptions {
  signal: AbortSignal;
  timing: SubmitTiming;
  /** Task ids already owned by other jobs: never adopted. */
  claimed: ReadonlySet<string>;
  /** Stage text while waiting (rate limit, full queue). */
  onWait(stage: string): void;
  log?: Logger;
}

export type Reconciled = { kind: 'found'; id: string } | { kind: 'none' } | { kind: 'ambiguous'; ids: string[] } | { kind: 'unavailable'; reason: string };

/** Looks for the task a create sent at `sentAt` may have made. */
export async function reconcile(client: MeshyClient, sub: Submission, sentAt: number, opts: Omit<SubmitOptions, 'onWait'>): Promise<Reconciled> {
  const { timing, signal } = opts;
  for (let attempt = 1; ; attempt++) {
    let items: unknown[];
    try {
      items = await client.listTasks(sub.resource, { pageSize: 50, sortBy: '-created_at' }, signal);
    } catch (err) {
      if (!(err instanceof MeshyApiError)) throw err;
      if (attempt >= timing.reconcileAttempts) return { kind: 'unavailable', reason: err.status ? `HTTP ${err.status}` : err.message };
      await sleep(timing.reconcileDelayMs, signal);
      continue;
    }
    const candidates = items
      .map((i) => ListedTask.safeParse(i))
      .filter((p) => p.success)
      .map((p) => p.data as ListedTask)
      .filter((t) => {
        const created = t.created_at ?? 0;
        return created >= sentAt - timing.clockSkewMs && created <= Date.now() + timing.clockSkewMs && !opts.claimed.has(t.id) && sub.matches(t);
      });
    if (candidates.length === 1) return { kind: 'found', id: candidates[0]!.id };
    if (candidates.length > 1) return { kind: 'ambiguous', ids: candidates.map((c) => c.id) };
    if (attempt >= timing.reconcileAttempts) return { kind: 'none' };
    await sleep(timing.reconcileDelayMs, signal);
  }
}

export function unknownOutcome(sub: Submission, found: Exclude<Reconciled, { kind: 'found' }>, cause: string): ProviderError {
  const what = sub.op === 'rig' ? 'rigging' : sub.op === 'animate' ? 'animation' : 'text-to-motion';
  const tail = 'To avoid paying twice the job was not resubmitted: check your Meshy balance and task list, then start the job again if needed.';
  switch (found.kind) {
    case 'none':
      return new ProviderError(
        'submission_unknown',
        `Meshy did not confirm the ${what} request (${cause}) and no matching task appeared in its task list, so it was most likely not created. ${tail}`,
      );
    case 'ambiguous':
      return new ProviderError(
        'submission_unknown',
        `Meshy did not confirm the ${what} request (${cause}) and several recent tasks could be it (${found.ids.join(', ')}). ${tail}`,
      );
    case 'unavailable':
      return new ProviderError('submission_unknown', `Meshy did not confirm the ${what} request (${cause}) and its task list could not be read (${found.reason}). ${tail}`);
  }
}

/**
 * POSTs `sub.body` and returns the new task id. `sentAt` (ms) marks when the first attempt went
 * out; the caller persists it first, so a restart mid-create reconciles instead of resubmitting.
 */
export async function submitTask(client: MeshyClient, sub: Submission, sentAt: number, opts: SubmitOptions): Promise<string> {
  const { timing, signal } = opts;
  let rateLimited = 0;
  let connectFailures = 0;
  const busySince = { at: 0 };
  for (;;) {
    try {
      return await client.create(sub.resource, sub.body, signal);
    } catch (err) {
      if (!(err instanceof MeshyApiError)) throw err;
      const limit = err.rateLimit;
      if (limit === 'RateLimitExceeded') {
        if (++rateLimited > timing.maxRateLimitRetries) throw toProviderError(err, sub.op);
        const wait = Math.min(timing.maxBackoffMs, err.details.retryAfterMs ?? timing.rateLimitBaseMs * 2 ** (rateLimited - 1));
        opts.onWait(`Meshy rate limit reached; retrying in ${Math.ceil(wait / 1000)} s`);
        opts.log?.info('meshy create rate-limited; backing off', { op: sub.op, waitMs: wait });
        await sleep(wait, signal);
        continue;
      }
      if (limit === 'NoMoreConcurrentTasks' || limit === 'NoMorePendingTasks') {
        // The account's task queue is full: wait for one of its running tasks to finish.
        busySince.at ||= Date.now();
        if (Date.now() - busySince.at > timing.busyMaxWaitMs) {
          throw new ProviderError(
            'meshy_busy',
            `Your Meshy account's task queue stayed full for ${Math.round(timing.busyMaxWaitMs / 60000)} minutes (${limit}); wait for running Meshy tasks to finish and try again.`,
            true,
          );
        }
        const wait = Math.min(timing.maxBackoffMs, Math.max(timing.busyRetryMs, err.details.retryAfterMs ?? 0));
        opts.onWait(`waiting for a free Meshy task slot (${limit})`);
        opts.log?.info('meshy queue full; waiting for a running task', { op: sub.op, waitMs: wait });
        await sleep(wait, signal);
        continue;
      }
      if (err.kind === 'network' && !err.ambiguous && ++connectFailures <= timing.maxConnectRetries) {
        await sleep(Math.min(timing.maxBackoffMs, timing.rateLimitBaseMs * 2 ** (connectFailures - 1)), signal);
        continue;
      }
      if (err.ambiguous) {
        const cause = err.status ? `HTTP ${err.status}` : err.kind === 'timeout' ? 'no answer in time' : 'connection lost';
        opts.log?.warn('meshy create outcome unknown; reconciling with the task list', { op: sub.op, cause });
        opts.onWait('checking whether Meshy created the task');
        const found = await reconcile(client, sub, sentAt, opts);
        if (found.kind === 'found') {
          opts.log?.info('meshy create reconciled: adopting the existing task', { op: sub.op, taskId: found.id });
          return found.id;
        }
        throw unknownOutcome(sub, found, cause);
      }
      throw toProviderError(err, sub.op);
    }
  }
}
