/**
 * The one EventSource of the app: `GET /api/events` pushes every job change, and each one is written into the
 * query cache. Components never open their own streams; they read the cache.
 *
 * EventSource retries dropped connections by itself, but gives up for good when the server answers with an
 * error status; then we open a new one after a pause. Events missed while disconnected are recovered by
 * refetching the job queries when the stream opens again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { create } from 'zustand';
import { parseDeletedEvent, parseJobEvent } from '../api/client.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { applyJob } from '../api/applyJob.ts';
import { forgetJobs } from '../state/forgetJobs.ts';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/** Connection state for the header indicator. */
export const useStreamStatus = create<{ status: StreamStatus }>()(() => ({ status: 'connecting' }));

const REOPEN_AFTER_MS = 3000;
/** While the stream is down, poll so progress never freezes silently. */
const POLL_WHILE_DOWN_MS = 4000;

export function useJobEventStream(url = '/api/events'): void {
  const qc = useQueryClient();

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let pollTimer: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      pollTimer ??= setInterval(() => void qc.invalidateQueries({ queryKey: queryKeys.jobs.all() }), POLL_WHILE_DOWN_MS);
    };
    const stopPolling = () => {
      clearInterval(pollTimer);
      pollTimer = undefined;
    };
    let everOpened = false;
    let disposed = false;

    const onJob = (ev: MessageEvent<string>) => {
      const job = parseJobEvent(ev.data);
      if (job) applyJob(qc, job);
    };
    // A job deleted anywhere (another tab, another instance) leaves this tab's lists and selection too.
    const onDeleted = (ev: MessageEvent<string>) => {
      const id = parseDeletedEvent(ev.data);
      if (id) forgetJobs(qc, [id]);
    };

    const open = () => {
      const s = new EventSource(url);
      source = s;
      s.addEventListener('open', () => {
        if (everOpened) void qc.invalidateQueries({ queryKey: queryKeys.jobs.all() });
        // The server is back: anything that failed while it was away (providers, list…) loads again.
        void qc.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
        everOpened = true;
        stopPolling();
        useStreamStatus.setState({ status: 'live' });
      });
      s.addEventListener('error', () => {
        useStreamStatus.setState({ status: 'reconnecting' });
        startPolling();
        if (s.readyState === EventSource.CLOSED && !disposed) {
          s.close();
          reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
        }
      });
      s.addEventListener('job', onJob as EventListener);
      s.addEventListener('deleted', onDeleted as EventListener);
    };

    open();
    return () => {
      disposed = true;
      clearTimeout(reopenTimer);
      stopPolling();
      source?.close();
    };
  }, [qc, url]);
}
