/**
 * A job's stored variant file, read from the cache with its checksum verified. Shared by the files API route and
 * the signed links of the local SayMotion endpoint, so it lives below both.
 */
import { FileFormat } from '../contract/api.ts';
import { LAZY_FORMATS } from '../contract/downloads.ts';
import { CacheIntegrityError } from '../files/assetCache.ts';
import { slug } from '../files/slug.ts';
import { HttpError } from '../http/errors.ts';
import type { DownloadServices } from './downloadServices.ts';
import { VariantDownloads } from './variantDownloads.ts';
import type { ResolvedFile } from './variantDownloads.ts';

export async function resolveStoredFile(s: DownloadServices, id: string, variant: number, formatRaw: string): Promise<ResolvedFile> {
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
  const prompt = job.request !== null && 'prompt' in job.request && typeof job.request.prompt === 'string' ? job.request.prompt : job.kind;
  return { ...stored, sha256: row.sha256, format: format.data, filename: `${slug(prompt)}_${id.slice(-6)}_v${variant}.${format.data}` };
}
