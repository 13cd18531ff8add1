/**
 * Sends a resolved download the way the files route does: attachment name, strong ETag from the sha256,
 * single byte ranges (resumable downloads), HEAD, and long caching (a URL's bytes never change: options are
 * in the query, and a rerun is a new job).
 */
import type { Context } from 'hono';
import type { FileFormat } from '../contract/api.ts';
import { parseRange } from '../routes/files.ts';
import type { ResolvedFile } from './variantDownloads.ts';

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
  const size = f.bytes.byteLength;
  const range = parseRange(c.req.header('range'), size);
  if (range === 'invalid') return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${size}` });
  const body = range ? f.bytes.subarray(range.start, range.end + 1) : f.bytes;
  headers['Content-Length'] = String(body.byteLength);
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  if (c.req.method === 'HEAD') return c.body(null, range ? 206 : 200, headers);
  return c.body(body as Uint8Array<ArrayBuffer>, range ? 206 : 200, headers);
}
