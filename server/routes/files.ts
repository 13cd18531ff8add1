/**
 * Variant file downloads, always from the local cache (never a redirect to a provider URL, which
 * would expire and leak the provider's storage host). Supports HEAD and single byte ranges.
 */
import { Hono } from 'hono';
import { FileFormat } from '../contract/api.ts';
import { CacheIntegrityError } from '../files/assetCache.ts';
import { HttpError } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { requireJobId } from './jobs.ts';

const CONTENT_TYPES: Record<FileFormat, string> = {
  glb: 'model/gltf-binary',
  fbx: 'application/octet-stream',
  bvh: 'application/octet-stream',
  mp4: 'video/mp4',
  webm: 'video/webm',
  usdz: 'model/vnd.usdz+zip',
  zip: 'application/zip',
};

/** "walks forward slowly" → "walks-forward-slowly": a readable, header-safe file name stem. */
export function slug(text: string, max = 40): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'motion';
}

/** Parses a single-range `bytes=` header; null means "serve everything", 'invalid' means 416. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

export function fileRoutes(s: Services) {
  return new Hono().get('/jobs/:id/variants/:variant/files/:format', async (c) => {
    const id = requireJobId(c.req.param('id'));
    const variant = Number(c.req.param('variant'));
    if (!Number.isInteger(variant) || variant < 1 || variant > 8) throw new HttpError(404, 'not_found', 'variant must be a number from 1 to 8.', 'variant');
    const format = FileFormat.safeParse(c.req.param('format'));
    if (!format.success) throw new HttpError(404, 'not_found', `format must be one of: ${FileFormat.options.join(', ')}.`, 'format');
    const [row, job] = await Promise.all([s.store.file(id, variant, format.data), s.store.row(id)]);
    if (!row || !job) throw new HttpError(404, 'not_found', `Job ${id} has no ${format.data} file for variant ${variant}.`);

    let bytes: Uint8Array;
    try {
      bytes = await s.cache.read(row.relPath, row.sha256);
    } catch (err) {
      if (err instanceof CacheIntegrityError) {
        s.log.error('cache integrity failure', { jobId: id, file: row.relPath, reason: err.message });
        throw new HttpError(503, 'file_unavailable', `The cached ${format.data} file of job ${id} is ${err.message.split(' is ')[1]}; rerun the job to regenerate it.`);
      }
      throw err;
    }
    const prompt = 'prompt' in job.request && typeof job.request.prompt === 'string' ? job.request.prompt : job.kind;
    const filename = `${slug(prompt)}_${id.slice(-6)}_v${variant}.${format.data}`;
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[format.data],
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Accept-Ranges': 'bytes',
      // Files are immutable per job/variant/format: a rerun is a new job with new URLs.
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${row.sha256.slice(0, 32)}"`,
    };
    if (c.req.header('if-none-match') === headers.ETag) return c.body(null, 304, headers);
    const range = parseRange(c.req.header('range'), bytes.byteLength);
    if (range === 'invalid') {
      return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${bytes.byteLength}` });
    }
    const body = range ? bytes.subarray(range.start, range.end + 1) : bytes;
    headers['Content-Length'] = String(body.byteLength);
    if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${bytes.byteLength}`;
    if (c.req.method === 'HEAD') return c.body(null, range ? 206 : 200, headers);
    return c.body(body as Uint8Array<ArrayBuffer>, range ? 206 : 200, headers);
  });
}
