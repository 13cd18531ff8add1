/**
 * Reads one Meshy task SSE stream (`GET …/:id/stream`) with a WHATWG-conformant parser
 * (eventsource-parser: CR/LF/CRLF, multi-line data joined by "\n", comments). Meshy re-sends
 * `message` events as keep-alives and may send `:` comment heartbeats; any received byte resets the
 * idle timer. The stream ends after the first terminal message; an `event: error` may arrive after
 * HTTP 200 and carries a status code to be treated like an HTTP status. Unknown event names are
 * logged and never read as success. Meshy does not support reconnecting: callers recover with GET.
 */
import { createParser } from 'eventsource-parser';
import type { Logger } from '../../log.ts';
import { MeshyApiError } from './meshyApiError.ts';
import type { MeshyClient } from './meshyClient.ts';
import { MeshyTask, StreamError, StreamUpdate, TERMINAL, type MeshyResource } from './meshyWire.ts';

/** Cap per event, as in the official CLI: a runaway line must not grow memory without bound. */
const MAX_EVENT_CHARS = 1024 * 1024;

export type StreamOutcome =
  /** A terminal message; `task` is null when the event lacked the full task object. */
  | { kind: 'terminal'; update: StreamUpdate; task: MeshyTask | null }
  /** The server closed the stream (or the connection dropped) before a terminal message. */
  | { kind: 'ended' }
  /** Nothing at all arrived within the idle timeout. */
  | { kind: 'idle' }
  /** Opening failed, an `event: error` arrived, or the stream broke the protocol. */
  | { kind: 'error'; error: MeshyApiError };

export interface StreamOptions {
  signal: AbortSignal;
  idleMs: number;
  onUpdate(update: StreamUpdate): void;
  log?: Logger;
}

export async function followStream(client: MeshyClient, resource: MeshyResource, id: string, opts: StreamOptions): Promise<StreamOutcome> {
  const local = new AbortController();
  const signal = AbortSignal.any([opts.signal, local.signal]);
  let idled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idled = true;
      local.abort();
    }, opts.idleMs);
  };

  arm();
  let res: Response;
  try {
    res = await client.openStream(resource, id, signal);
  } catch (err) {
    clearTimeout(timer);
    if (opts.signal.aborted) throw opts.signal.reason;
    if (idled) return { kind: 'idle' };
    if (err instanceof MeshyApiError) return { kind: 'error', error: err };
    throw err;
  }

  // Set from the parser callbacks; an object so the loop condition re-reads it after each feed.
  const state: { outcome: StreamOutcome | null } = { outcome: null };
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent(ev) {
      if (state.outcome) return;
      const name = ev.event ?? 'message';
      if (name === 'message') {
        let json: unknown;
        try {
          json = JSON.parse(ev.data);
        } catch {
          opts.log?.warn('meshy stream: message that is not JSON ignored', { taskId: id });
          return;
        }
        const update = StreamUpdate.safeParse(json);
        if (!update.success) {
          opts.log?.warn('meshy stream: message without a status ignored', { taskId: id });
          return;
        }
        if (TERMINAL.has(update.data.status)) {
          const task = MeshyTask.safeParse(json);
          state.outcome = { kind: 'terminal', update: update.data, task: task.success ? task.data : null };
        } else {
          opts.onUpdate(update.data);
        }
      } else if (name === 'error') {
        let body: { status_code?: number; message?: string } = {};
        try {
          const parsed = StreamError.safeParse(JSON.parse(ev.data));
          if (parsed.success) body = parsed.data;
        } catch {
          /* an unreadable error event is still an error */
        }
        const status = body.status_code ?? null;
        state.outcome = { kind: 'error', error: new MeshyApiError(status === null ? 'protocol' : 'http', status, client.scrub(body.message ?? 'stream error event')) };
      } else {
        opts.log?.warn('meshy stream: unknown event ignored', { taskId: id, event: name.slice(0, 40) });
      }
    },
    onError(err) {
      if (err.type === 'max-buffer-size-exceeded' && !state.outcome) {
        state.outcome = { kind: 'error', error: new MeshyApiError('protocol', null, 'a stream event exceeded 1 MiB') };
      }
    },
  });

  const reader = res.body!.getReader();
  // Cancel the read itself too: not every fetch implementation ties the body to the abort signal.
  const stopReading = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stopReading, { once: true });
  const decoder = new TextDecoder();
  try {
    while (!state.outcome) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        chunk = { done: true, value: undefined };
      }
      if (opts.signal.aborted) throw opts.signal.reason;
      if (idled) return { kind: 'idle' };
      if (chunk.done) {
        // WHATWG: an event without its closing blank line at end of stream is discarded.
        parser.feed(decoder.decode());
        break;
      }
      arm();
      parser.feed(decoder.decode(chunk.value, { stream: true }));
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stopReading);
    local.abort();
    await reader.cancel().catch(() => undefined);
  }
  return state.outcome ?? { kind: 'ended' };
}
