/**
 * Server-sent events. Every `job` event is a full Job snapshot and every `deleted` event names a deleted job
 * (`{"id":…}`); the id of each is the global sequence number of the persisted event log, so a client
 * reconnecting with Last-Event-ID gets exactly what it missed. Deletions use their own event name so that
 * consumers which only listen for `job` events keep working unchanged.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { TERMINAL_STATUSES } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import { wholeNumber } from '../http/strictNumber.ts';
import { eventJobId, type EventBus, type JobEvent } from '../jobs/eventBus.ts';
import type { OrderedEventFeed } from '../jobs/orderedFeed.ts';
import type { JobStore } from '../jobs/jobStore.ts';
import { requireJobId } from './jobs.ts';

const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 2_000;

function lastEventId(c: Context): number | null {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  if (raw === undefined || raw === '') return null;
  const n = wholeNumber(raw);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'validation_error', 'Last-Event-ID must be the id of an event this server sent.', 'Last-Event-ID');
  return n;
}

type Subscribe = (listener: (e: JobEvent) => void) => () => void;

/** Buffers live events from the moment of subscription, so nothing falls between replay and live. */
function liveQueue(subscribe: Subscribe) {
  const queue: JobEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = subscribe((e) => {
    queue.push(e);
    wake?.();
  });
  return {
    unsubscribe,
    wakeNow: () => wake?.(),
    /** Waits until an event arrives or `timeoutMs` passes; returns what is queued. */
    async next(timeoutMs: number): Promise<JobEvent[]> {
      if (queue.length === 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, timeoutMs);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = null;
      }
      return queue.splice(0, queue.length);
    },
  };
}

/** Every subscriber gets the same bytes for an event: build and encode each frame once, not once per subscriber. */
const frames = new WeakMap<JobEvent, Uint8Array>();
const encoder = new TextEncoder();

async function send(stream: SSEStreamingApi, e: JobEvent) {
  let frame = frames.get(e);
  if (frame === undefined) {
    // JSON.stringify never emits raw newlines, so the data fits on one `data:` line.
    frame = e.job
      ? encoder.encode(`event: job\nid: ${e.seq}\ndata: ${JSON.stringify(e.job)}\n\n`)
      : encoder.encode(`event: deleted\nid: ${e.seq}\ndata: ${JSON.stringify(e.deleted)}\n\n`);
    frames.set(e, frame);
  }
  await stream.write(frame);
}

interface EventStreamPlan {
  subscribe: Subscribe;
  /** Logged events after a sequence number, oldest first (a batch at a time). */
  history(afterSeq: number): Promise<JobEvent[]>;
  /** Without Last-Event-ID: the sequence number to start after, and an event to send first, if any. */
  opening(): Promise<{ from: number; first: JobEvent | null }>;
  /** The stream closes after sending an event this returns true for. */
  endsAfter(e: JobEvent): boolean;
}

/**
 * One SSE stream: replay from the log after Last-Event-ID (or the opening), then live events,
 * deduplicated by sequence number, with keep-alives, until the client leaves or `endsAfter`.
 */
function streamEvents(c: Context, after: number | null, plan: EventStreamPlan) {
  return streamSSE(c, async (stream) => {
    const live = liveQueue(plan.subscribe);
    let closed = false;
    stream.onAbort(() => {
      closed = true;
      live.wakeNow();
    });
    try {
      await stream.write(`retry: ${RECONNECT_MS}\n\n`);
      let sent = 0;
      let ended = false;
      const emit = async (e: JobEvent) => {
        if (e.seq <= sent || ended) return;
        await send(stream, e);
        sent = e.seq;
        ended = plan.endsAfter(e);
      };
      if (after !== null) {
        sent = after;
        for (let batch = await plan.history(sent); batch.length > 0 && !ended; batch = await plan.history(sent)) {
          for (const e of batch) await emit(e);
        }
      } else {
        const { from, first } = await plan.opening();
        sent = from;
        if (first) await emit(first);
        // Tell the client where the log stands, so its first reconnect can resume from here.
        else await stream.write(`id: ${sent}\n: connected\n\n`);
      }
      while (!closed && !ended) {
        const events = await live.next(HEARTBEAT_MS);
        if (events.length === 0 && !closed) await stream.write(': keep-alive\n\n');
        for (const e of events) await emit(e);
      }
    } finally {
      live.unsubscribe();
    }
  });
}

export function eventRoutes(s: { readonly bus: EventBus; readonly feed: OrderedEventFeed; readonly store: JobStore }) {
  return new Hono()
    .get('/jobs/:id/events', async (c) => {
      const id = requireJobId(c.req.param('id'));
      const after = lastEventId(c);
      if (!(await s.store.get(id))) throw new HttpError(404, 'not_found', `No job ${id}.`, 'id');
      return streamEvents(c, after, {
        subscribe: (l) => s.bus.subscribe((e) => eventJobId(e) === id && l(e)),
        history: (seq) => s.store.eventsAfter(seq, id),
        opening: async () => ({ from: 0, first: await s.store.latestEvent(id) }),
        // A deleted job has nothing more to say either.
        endsAfter: (e) => !e.job || TERMINAL_STATUSES.includes(e.job.status),
      });
    })
    .get('/events', async (c) =>
      streamEvents(c, lastEventId(c), {
        subscribe: (l) => s.feed.subscribe(l),
        history: (seq) => s.store.eventsAfter(seq),
        opening: async () => ({ from: await s.feed.position(), first: null }),
        endsAfter: () => false,
      }),
    );
}
