/**
 * Follows a Meshy task to a final state. The SSE stream is preferred (progress arrives as it
 * happens); when it drops, errors or ends early the task is re-read with GET, so no state is lost,
 * and the stream is reopened a limited number of times. After an idle timeout (the stream went
 * silent, not even keep-alives) or too many drops, plain polling takes over, honouring Retry-After
 * and backing off on 429/5xx. GETs are free and idempotent, so they are safe to retry.
 */
import type { Logger } from '../../log.ts';
import { ProviderError } from '../provider.ts';
import { MeshyApiError, toProviderError } from './meshyApiError.ts';
import type { MeshyClient } from './meshyClient.ts';
import { TERMINAL, type MeshyResource, type MeshyTask, type StreamUpdate } from './meshyWire.ts';
import { sleep } from '../../http/outbound/sleep.ts';
import { followStream } from './taskStream.ts';

export interface TrackTiming {
  /** Polling interval when not streaming (the docs poll every 5 s). */
  pollIntervalMs: number;
  /** Upper bound for any backoff. */
  maxBackoffMs: number;
  /** A stream that sends nothing (not even a keep-alive) for this long is abandoned for polling. */
  streamIdleMs: number;
  /** Streams opened per task before settling for polling; 0 disables streaming. */
  maxStreamAttempts: number;
  /** Delay before reopening a stream that ended early. */
  reopenDelayMs: number;
  /** Give up on a task that has not finished after this long. */
  maxWaitMs: number;
}

export const DEFAULT_TRACK_TIMING: TrackTiming = {
  pollIntervalMs: 5_000,
  maxBackoffMs: 30_000,
  streamIdleMs: 60_000,
  maxStreamAttempts: 3,
  reopenDelayMs: 1_000,
  maxWaitMs: 2 * 60 * 60 * 1000,
};

export interface TaskProgress {
  status: MeshyTask['status'];
  progress: number;
  precedingTasks: number | null;
}

export interface FollowOptions {
  signal: AbortSignal;
  timing: TrackTiming;
  onProgress(p: TaskProgress): void;
  log?: Logger;
  /** Counts what happened, for tests and logs. */
  stats?: { streams: number; gets: number };
}

function progressOf(t: Pick<StreamUpdate, 'status' | 'progress' | 'preceding_tasks'>): TaskProgress {
  return { status: t.status, progress: t.progress, precedingTasks: t.preceding_tasks ?? null };
}

/** Errors that no amount of waiting fixes: the task is gone or the key is refused. */
function isFinal(err: MeshyApiError): boolean {
  return err.status === 400 || err.status === 401 || err.status === 403 || err.status === 404 || err.status === 410;
}

export async function followTask(client: MeshyClient, resource: MeshyResource, id: string, opts: FollowOptions): Promise<MeshyTask> {
  const { signal, timing } = opts;
  const deadline = Date.now() + timing.maxWaitMs;
  let backoff = 0;
  // An answer we cannot read will not fix itself by waiting two hours: give up after a few.
  let unreadable = 0;

  const checkDeadline = () => {
    if (Date.now() > deadline) {
      throw new ProviderError(
        'meshy_timeout',
        `Meshy task ${id} did not finish within ${Math.round(timing.maxWaitMs / 60000)} minutes; it may still finish at Meshy — try the job again later.`,
        true,
      );
    }
  };

  /** One GET, retried with backoff through transient failures until the deadline. */
  const read = async (): Promise<{ task: MeshyTask; retryAfterMs: number | null }> => {
    for (;;) {
      checkDeadline();
      try {
        if (opts.stats) opts.stats.gets++;
        const got = await client.getTask(resource, id, signal);
        backoff = 0;
        return got;
      } catch (err) {
        if (!(err instanceof MeshyApiError)) throw err;
        if (isFinal(err)) throw toProviderError(err, 'status');
        if (err.kind === 'protocol' && ++unreadable > 3) throw toProviderError(err, 'status');
        backoff = Math.min(timing.maxBackoffMs, Math.max(timing.pollIntervalMs / 4, backoff * 2 || 500));
        const wait = Math.min(timing.maxBackoffMs, err.details.retryAfterMs ?? backoff);
        opts.log?.warn('meshy task status failed; retrying', { taskId: id, status: err.status, kind: err.kind, waitMs: wait });
        await sleep(wait, signal);
      }
    }
  };

  let streams = 0;
  let streaming = timing.maxStreamAttempts > 0;
  for (;;) {
    checkDeadline();
    if (streaming && streams < timing.maxStreamAttempts) {
      streams++;
      if (opts.stats) opts.stats.streams++;
      const out = await followStream(client, resource, id, {
        signal,
        idleMs: timing.streamIdleMs,
        onUpdate: (u) => opts.onProgress(progressOf(u)),
        log: opts.log,
      });
      if (out.kind === 'terminal') {
        // The terminal event should mirror the full task; if it did not, GET has it.
        if (out.task && (out.task.status !== 'SUCCEEDED' || out.task.result)) return out.task;
      } else if (out.kind === 'error') {
        if (isFinal(out.error)) throw toProviderError(out.error, 'status');
        opts.log?.warn('meshy stream error; recovering with GET', { taskId: id, status: out.error.status, kind: out.error.kind });
      } else {
        opts.log?.info(`meshy stream ${out.kind}; recovering with GET`, { taskId: id });
        if (out.kind === 'idle') streaming = false;
      }
      const { task } = await read();
      opts.onProgress(progressOf(task));
      if (TERMINAL.has(task.status)) return task;
      if (out.kind !== 'idle') await sleep(timing.reopenDelayMs, signal);
      continue;
    }
    const { task, retryAfterMs } = await read();
    opts.onProgress(progressOf(task));
    if (TERMINAL.has(task.status)) return task;
    await sleep(Math.min(timing.maxBackoffMs, Math.max(timing.pollIntervalMs, retryAfterMs ?? 0)), signal);
  }
}
