/**
 * Paces what all downloads together send, so a handful of huge downloads on loopback (hundreds of MiB/s)
 * cannot keep the event loop saturated and starve the API's other requests. Far above what any network
 * link or browser needs; on loopback it turns "as fast as the CPU can copy" into gaps the loop uses.
 */
import { setTimeout as sleep } from 'node:timers/promises';

const EGRESS_BYTES_PER_SEC = 256 * 1024 * 1024;
const BURST_BYTES = 8 * 1024 * 1024;

let tokens = BURST_BYTES;
let at = performance.now();

/** Waits until `bytes` may be sent under the shared budget. */
async function paceEgress(bytes: number): Promise<void> {
  const now = performance.now();
  tokens = Math.min(BURST_BYTES, tokens + ((now - at) / 1000) * EGRESS_BYTES_PER_SEC);
  at = now;
  tokens -= bytes;
  if (tokens < 0) await sleep(Math.ceil((-tokens / EGRESS_BYTES_PER_SEC) * 1000));
}

/** A file's chunks, paced. */
export async function* paced(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    await paceEgress(chunk.byteLength);
    yield chunk;
  }
}
