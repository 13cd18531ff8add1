/**
 * Server-sent events. Every event is a full Job snapshot whose id is the global sequence number of
 * the persisted event log, so a client reconnecting with Last-Event-ID gets exactly what it missed.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { TERMINAL_STATUSES } from '../contract/api.ts';
import { HttpError } from '../http/errors.ts';
import type { JobEvent } from '../jobs/eventBus.ts';
import type { Services } from '../services.ts';
import { requireJobId } from './jobs.ts';

const HEARTBEAT_MS = 15_000;
const RECONNECT_MS = 2_000;

function lastEventId(c: Context): number | null {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new HttpError(400, 'validation_error', 'Last-Event-ID must be the id of an event this server sent.', 'Last-Event-ID');
  return n;
}

/** Buffers live events from the moment of subscription, so nothing falls between replay and live. */
function liveQueue(subscribe: (listener: (e: JobEvent) => void) => () => void, filter: (e: JobEvent) => boolean) {
  const queue: JobEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = subscribe((e) => {
    if (!filter(e)) return;
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
    frame = encoder.encode(`event: job\nid: ${e.seq}\ndata: ${JSON.stringify(e.job)}\n\n`);
    frames.set(e, frame);
  }
  await stream.write(frame);
}

export function eventRoutes(s: Services) {
  return new Hono()
    .get('/jobs/:id/events', async (c) => {
      const id = requireJobId(c.req.param('id'));
      const after = lastEventId(c);
      if (!(await s.store.get(id))) throw new HttpError(404, 'not_found', `No job ${id}.`, 'id');
      return streamSSE(c, async (stream) => {
        const live = liveQueue((l) => s.bus.subscribe(l), (e) => e.job.id === id);
        let closed = false;
        stream.onAbort(() => {
          closed = true;
          live.wakeNow();
        });
        try {
          await stream.write(`retry: ${RECONNECT_MS}\n\n`);
          let sent = 0;
          let terminal = false;
          const emit = async (e: JobEvent) => {
            if (e.seq <= sent) return;
            await send(stream, e);
            sent = e.seq;
            terminal = TERMINAL_STATUSES.includes(e.job.status);
          };
          if (after !== null) {
            for (let batch = await s.store.eventsAfter(after, id); batch.length > 0; batch = await s.store.eventsAfter(sent, id)) {
              for (const e of batch) await emit(e);
            }
            sent = Math.max(sent, after);
          } else {
            const latest = await s.store.latestEvent(id);
            if (latest) await emit(latest);
          }
          while (!closed && !terminal) {
            const events = await live.next(HEARTBEAT_MS);
            if (events.length === 0 && !closed) await stream.write(': keep-alive\n\n');
            for (const e of events) await emit(e);
          }
        } finally {
          live.unsubscribe();
        }
      });
    })
    .get('/events', async (c) => {
      const after = lastEventId(c);
      return streamSSE(c, async (stream) => {
        const live = liveQueue((l) => s.feed.subscribe(l), () => true);
        let closed = false;
        stream.onAbort(() => {
          closed = true;
          live.wakeNow();
        });
        try {
          await stream.write(`retry: ${RECONNECT_MS}\n\n`);
          let sent = after ?? (await s.feed.position());
          if (after !== null) {
            for (let batch = await s.store.eventsAfter(sent); batch.length > 0; batch = await s.store.eventsAfter(sent)) {
              for (const e of batch) {
                await send(stream, e);
                sent = e.seq;
              }
            }
          } else {
            // Tell the client where the log stands, so its first reconnect can resume from here.
            await stream.write(`id: ${sent}\n: connected\n\n`);
          }
          while (!closed) {
            const events = await live.next(HEARTBEAT_MS);
            if (events.length === 0 && !closed) await stream.write(': keep-alive\n\n');
            for (const e of events) {
              if (e.seq <= sent) continue;
              await send(stream, e);
              sent = e.seq;
            }
          }
        } finally {
          live.unsubscribe();
        }
      });
    });
}
