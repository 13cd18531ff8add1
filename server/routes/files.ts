/**
 * Variant file downloads, always from the local cache (never a redirect to a provider URL, which
 * would expire and leak the provider's storage host). Supports HEAD and single byte ranges (sendFile).
 */
import { wholeNumber } from '../http/strictNumber.ts';
import { Hono } from 'hono';
import { FileFormat } from '../contract/api.ts';
import { CacheIntegrityError } from '../files/assetCache.ts';
import { HttpError } from '../http/errors.ts';
import type { Services } from '../services.ts';
import { sendFile } from '../downloads/sendFile.ts';
import { VariantDownloads } from '../downloads/variantDownloads.ts';
import type { ResolvedFile } from '../downloads/variantDownloads.ts';
import { LAZY_FORMATS } from '../contract/downloads.ts';
import { requireJobId } from './jobs.ts';

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

/**
 * A job's stored variant file, read from the cache with its checksum verified. Shared by the API
 * route and the signed links of the local SayMotion endpoint.
 */
export async function resolveStoredFile(s: Services, id: string, variant: number, formatRaw: string): Promise<ResolvedFile> {
  if (!Number.isInteger(variant) || variant < 1 || variant > 8) throw new HttpError(404, 'not_found', 'variant must be a number from 1 to 8.', 'variant');
  const format = FileFormat.safeParse(formatRaw);
  if (!format.success) throw new HttpError(404, 'not_found', `format must be one of: ${FileFormat.options.join(', ')}.`, 'format');
  const [row, job] = await Promise.all([s.store.file(id, variant, format.data), s.store.row(id)]);
  if (!row && job && (LAZY_FORMATS as readonly string[]).includes(format.data) && (await s.store.file(id, variant, 'motion'))) {
    // Made on first download (and cached): the job lists it without a size until then.
    const downloads = VariantDownloads.of(s);
    return downloads.file(await downloads.finishedJob(id), variant, { format: format.data });
  }
  if (!row || !job) throw new HttpError(404, 'not_found', `Job ${id} has no ${format.data} file for variant ${variant}.`);
  let stored: { path: string; size: number };
  try {
    stored = await s.cache.verifiedPath(row.relPath, row.sha256);
  } catch (err) {
    if (err instanceof CacheIntegrityError) {
      s.log.error('cache integrity failure', { jobId: id, file: row.relPath, reason: err.message });
      throw new HttpError(503, 'file_unavailable', `The cached ${format.data} file of job ${id} is ${err.state}; rerun the job to regenerate it.`);
    }
    throw err;
  }
  const prompt = 'prompt' in job.request && typeof job.request.prompt === 'string' ? job.request.prompt : job.kind;
  return { ...stored, sha256: row.sha256, format: format.data, filename: `${slug(prompt)}_${id.slice(-6)}_v${variant}.${format.data}` };
}

export function fileRoutes(s: Services) {
  return new Hono().get('/jobs/:id/variants/:variant/files/:format', async (c) =>
    sendFile(c, await resolveStoredFile(s, requireJobId(c.req.param('id')), wholeNumber(c.req.param('variant')), c.req.param('format'))),
  );
}
