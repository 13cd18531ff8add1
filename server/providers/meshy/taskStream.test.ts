/**
 * The SSE reader on hand-written streams: WHATWG framing (CR, LF, CRLF; multi-line data; comments),
 * keep-alives resetting the idle timer, `event: error` after HTTP 200, unknown events never read as
 * success, an oversized event, and a stream that ends without a terminal event.
 */
import { describe, expect, it } from 'vitest';
import { MeshyClient } from './meshyClient.ts';
import type { StreamUpdate } from './meshyWire.ts';
import { followStream } from './taskStream.ts';

/** A client whose stream endpoint sends `chunks` with `gapMs` between them, then (optionally) stays open. */
function streamingClient(chunks: string[], opts: { gapMs?: number; holdOpen?: boolean } = {}) {
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const enc = new TextEncoder();
    const signal = init?.signal;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        for (const c of chunks) {
          await new Promise((r) => setTimeout(r, opts.gapMs ?? 1));
          if (signal?.aborted) return;
          controller.enqueue(enc.encode(c));
        }
        if (!opts.holdOpen) controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  return new MeshyClient({ baseUrl: 'https://api.meshy.test', apiKey: 'msy_stream_key_1' }, { fetch });
}

async function read(chunks: string[], opts: { gapMs?: number; holdOpen?: boolean; idleMs?: number } = {}) {
  const updates: StreamUpdate[] = [];
  const out = await followStream(streamingClient(chunks, opts), 'rigging', 't1', {
    signal: new AbortController().signal,
    idleMs: opts.idleMs ?? 1000,
    onUpdate: (u) => updates.push(u),
  });
  return { out, updates };
}

const full = (status: string) => JSON.stringify({ id: 't1', status, progress: 100, created_at: 1, result: { rigged_character_glb_url: 'https://a/x.glb' } });

describe('SSE framing', () => {
  it('reads LF, CRLF and CR line endings, split anywhere, and joins multi-line data with \\n', async () => {
    const text =
      'event: message\ndata: {"id":"t1","progress":10,"status":"PENDING"}\n\n' +
      'event: message\r\ndata: {"id":"t1",\r\ndata: "progress":40,"status":"IN_PROGRESS"}\r\n\r\n' +
      'event: message\rdata: {"id":"t1","progress":70,"status":"IN_PROGRESS"}\r\r' +
      `event: message\ndata: ${full('SUCCEEDED')}\n\n`;
    // Split into 7-byte pieces so events straddle chunk boundaries.
    const chunks = text.match(/[\s\S]{1,7}/g)!;
    const { out, updates } = await read(chunks, { gapMs: 0 });
    expect(updates.map((u) => u.progress)).toEqual([10, 40, 70]);
    expect(out.kind).toBe('terminal');
    expect(out.kind === 'terminal' && out.task?.result).toBeTruthy();
  });

  it('a data field without a space after the colon, and an event with no name, are messages', async () => {
    const { updates } = await read(['data:{"id":"t1","progress":5,"status":"PENDING"}\n\n', `data: ${full('SUCCEEDED')}\n\n`]);
    expect(updates.map((u) => u.progress)).toEqual([5]);
  });

  it('ignores comments and unknown events; an unknown event is never success', async () => {
    const { out, updates } = await read([': keep-alive\n\n', 'event: celebration\ndata: {"status":"SUCCEEDED"}\n\n', 'event: message\ndata: not json\n\n'], {});
    expect(updates).toEqual([]);
    expect(out.kind).toBe('ended');
  });

  it('event: error after HTTP 200 carries its status code', async () => {
    const { out } = await read(['event: message\ndata: {"id":"t1","progress":1,"status":"PENDING"}\n\n', 'event: error\ndata: {"status_code":404,"message":"Task not found"}\n\n']);
    expect(out.kind).toBe('error');
    if (out.kind === 'error') {
      expect(out.error.status).toBe(404);
      expect(out.error.message).toBe('Task not found');
    }
  });

  it('an event without its closing blank line at the end of the stream is discarded', async () => {
    const { out } = await read([`event: message\ndata: ${full('SUCCEEDED')}\n`]);
    expect(out.kind).toBe('ended');
  });

  it('a terminal event without the full task still ends the stream (the caller GETs the task)', async () => {
    const { out } = await read(['data: {"id":"t1","progress":100,"status":"SUCCEEDED"}\n\n']);
    expect(out.kind).toBe('terminal');
    expect(out.kind === 'terminal' && out.task?.result).toBeFalsy();
  });

  it('an event over 1 MiB is a protocol error', async () => {
    const { out } = await read(['data: "' + 'x'.repeat(1_100_000)]);
    expect(out.kind).toBe('error');
  });
});

describe('idle timeout', () => {
  it('keep-alive comments keep a quiet stream alive', async () => {
    const beats = Array.from({ length: 6 }, () => ': ping\n\n');
    const { out } = await read([...beats, `data: ${full('SUCCEEDED')}\n\n`], { gapMs: 40, idleMs: 100 });
    expect(out.kind).toBe('terminal');
  });

  it('a stream silent for longer than the idle timeout is abandoned', async () => {
    const started = Date.now();
    const { out } = await read(['data: {"id":"t1","progress":5,"status":"PENDING"}\n\n'], { holdOpen: true, idleMs: 80 });
    expect(out.kind).toBe('idle');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
