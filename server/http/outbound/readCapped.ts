/**
 * Reads a response body into memory, streamed, and stops as soon as it passes `maxBytes`: a hostile
 * or broken server cannot make the studio buffer an unbounded answer. A declared Content-Length over
 * the cap is refused before any byte is read.
 */
import { OutboundError } from './outboundError.ts';
import { toOutboundError } from './toOutboundError.ts';

export interface ReadOptions {
  maxBytes: number;
  /** The caller's cancel: its reason is rethrown as is. */
  signal?: AbortSignal;
  /** The request's timeout, for the message of a body that stalls past it. */
  timeoutMs?: number;
}

export async function readCapped(res: Response, opts: ReadOptions): Promise<Uint8Array> {
  const { maxBytes } = opts;
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new OutboundError('too_large', `the answer declares ${declared} bytes, over the ${maxBytes}-byte limit`, { limitBytes: maxBytes, declaredBytes: declared });
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new OutboundError('too_large', `the answer is over the ${maxBytes}-byte limit`, { limitBytes: maxBytes });
      }
      chunks.push(value);
    }
  } catch (err) {
    throw toOutboundError(err, opts.signal, opts.timeoutMs);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The body as UTF-8 text, capped like readCapped. */
export async function readCappedText(res: Response, opts: ReadOptions): Promise<string> {
  return new TextDecoder().decode(await readCapped(res, opts));
}
