/**
 * Sends a resolved download the way the files route does: attachment name, strong ETag from the sha256,
 * single byte ranges (resumable downloads), HEAD, and long caching (a URL's bytes never change: options are
 * in the query, and a rerun is a new job). The body is streamed from the verified cache file with the
 * socket's backpressure, so memory stays flat however large the file and however many downloads run.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { FileFormat } from '../contract/api.ts';
import { parseRange } from './parseRange.ts';
import type { ResolvedFile } from './variantDownloads.ts';
import { paced } from './egressPacer.ts';

const CONTENT_TYPES: Partial<Record<FileFormat, string>> = {
  glb: 'model/gltf-binary',
  fbx: 'application/octet-stream',
  bvh: 'application/octet-stream',
  mp4: 'video/mp4',
  usdz: 'model/vnd.usdz+zip',
  zip: 'application/zip',
  webm: 'video/webm',
};

export function sendFile(c: Context, f: ResolvedFile): Response {
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[f.format] ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${f.filename}"`,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, max-age=31536000, immutable',
    ETag: `"${f.sha256.slice(0, 32)}"`,
  };
  if (c.req.header('if-none-match') === headers.ETag) return c.body(null, 304, headers);
  const size = f.size;
  const range = parseRange(c.req.header('range'), size);
  if (range === 'invalid') return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${size}` });
  const start = range ? range.start : 0;
  const end = range ? range.end : size - 1;
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  if (c.req.method === 'HEAD' || size === 0) return c.body(null, range ? 206 : 200, headers);
  const file = createReadStream(f.path, { start, end, highWaterMark: 256 * 1024 });
  const stream = Readable.toWeb(Readable.from(paced(file), { objectMode: false })) as ReadableStream<Uint8Array>;
  return c.body(stream, range ? 206 : 200, headers);
}
