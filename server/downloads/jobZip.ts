/**
 * One zip with every variant of a job in the chosen formats and options, plus a manifest saying what is inside
 * and what could not be included (e.g. an FBX conversion of a provider-made variant). Built from the same
 * per-variant resolution as single downloads, and cached like them: a second request is a verified cache read.
 * The zip is streamed: each file is read from the cache in small chunks, compressed and written to the cache
 * file as it goes, yielding to the event loop between chunks, so memory stays flat and the API responsive.
 */
import { createReadStream } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createHash } from 'node:crypto';
import type { JobZipQuery } from '../contract/downloads.ts';
import type { FileFormat } from '../contract/api.ts';
import { FILE_FORMATS } from '../contract/api.ts';
import { CacheIntegrityError } from '../files/assetCache.ts';
import { HttpError } from '../http/errors.ts';
import type { JobRow } from '../jobs/jobStore.ts';
import { slug } from '../files/slug.ts';
import type { DownloadServices } from './downloadServices.ts';
import { exportOptionFields, exportOptionsKey } from './exportOptions.ts';
import type { ExportOptionFields } from './exportOptions.ts';
import { promptOf } from './variantDownloads.ts';
import type { ResolvedFile, VariantDownloads } from './variantDownloads.ts';

/** Formats that are already compressed: deflating them again only costs time. */
const STORED = new Set<FileFormat>(['mp4', 'zip', 'usdz']);

export interface ZipManifest {
  jobId: string;
  provider: string;
  prompt: string | null;
  options: { fps: number | null; inPlace: boolean; skin: boolean } & ExportOptionFields;
  files: Array<{ name: string; variant: number; format: FileFormat; bytes: number; sha256: string }>;
  skipped: Array<{ variant: number; format: FileFormat; reason: string }>;
}

export class JobZips {
  private readonly inflight = new Map<string, Promise<ResolvedFile>>();

  constructor(
    private readonly s: DownloadServices,
    private readonly variants: VariantDownloads,
  ) {}

  async zip(job: JobRow, q: JobZipQuery): Promise<ResolvedFile> {
    const formats = q.formats ?? (await this.defaultFormats(job));
    const opts = { fps: q.fps ?? null, inPlace: q.inPlace === true || q.rootMotion === 'inPlace', skin: q.skin !== false, ...exportOptionFields(q) };
    // Variant 0 holds job-level files; the options are part of the key so each combination is cached once.
    const key = `zip:${[...formats].sort().join('+')}:${opts.fps ?? 'src'}:${opts.inPlace ? 'inplace' : 'root'}:${opts.skin ? 'skin' : 'noskin'}${exportOptionsKey(q)}`;
    const filename = `${slug(promptOf(job))}_${job.id.slice(-6)}.zip`;
    const cached = await this.s.store.file(job.id, 0, key);
    if (cached) {
      try {
        return { ...(await this.s.cache.verifiedPath(cached.relPath, cached.sha256)), sha256: cached.sha256, format: 'zip', filename };
      } catch (err) {
        if (!(err instanceof CacheIntegrityError)) throw err; // damaged: rebuild below
      }
    }
    const flightKey = `${job.id}/${key}`;
    let flight = this.inflight.get(flightKey);
    if (!flight) {
      flight = this.build(job, formats, opts, key, filename).finally(() => this.inflight.delete(flightKey));
      this.inflight.set(flightKey, flight);
    }
    return flight;
  }

  /** Everything the job has as made, plus the three convertible formats when the engine's motion data exists. */
  private async defaultFormats(job: JobRow): Promise<FileFormat[]> {
    const avail = await this.variants.availability(job);
    const set = new Set<FileFormat>();
    for (const v of avail.variants) for (const f of [...v.native, ...v.convertible]) set.add(f);
    return FILE_FORMATS.filter((f) => set.has(f));
  }

  private async build(job: JobRow, formats: FileFormat[], opts: ZipManifest['options'], key: string, filename: string): Promise<ResolvedFile> {
    const folder = filename.replace(/\.zip$/, '');
    const manifest: ZipManifest = { jobId: job.id, provider: job.provider, prompt: promptOf(job) === job.kind ? null : promptOf(job), options: opts, files: [], skipped: [] };
    const entries: ZipSource[] = [];
    for (const variant of await this.variants.variantIndexes(job)) {
      for (const format of formats) {
        try {
          const f = await this.variants.file(job, variant, {
            format,
            ...(opts.fps !== null ? { fps: opts.fps } : {}),
            ...(opts.inPlace ? { inPlace: true } : {}),
            ...(!opts.skin ? { skin: false } : {}),
            ...exportOptionFields(opts),
          });
          entries.push({ name: `${folder}/${f.filename}`, path: f.path, store: STORED.has(format) });
          manifest.files.push({ name: f.filename, variant, format, bytes: f.size, sha256: f.sha256 });
        } catch (err) {
          // Missing or unconvertible files are listed, not fatal: the rest of the job is still worth having.
          if (err instanceof HttpError && err.status < 500) manifest.skipped.push({ variant, format, reason: err.message });
          else throw err;
        }
      }
    }
    if (manifest.files.length === 0) {
      const why = manifest.skipped[0]?.reason ?? 'the job has no variants';
      throw new HttpError(422, 'nothing_to_download', `None of the requested formats (${formats.join(', ')}) is available for this job: ${why}`, 'formats');
    }
    entries.push({ name: `${folder}/manifest.json`, bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), store: false });
    // Option values may hold characters a cache path may not (=, .): the key's hash names the file.
    const relPath = `${job.id}/conv/job-${createHash('sha1').update(key).digest('hex').slice(0, 16)}.zip`;
    const written = await this.s.cache.writeStream(relPath, zipStream(entries));
    await this.s.store.putFile({ jobId: job.id, variant: 0, format: key, relPath, ...written });
    return { ...(await this.s.cache.verifiedPath(relPath, written.sha256)), sha256: written.sha256, format: 'zip', filename };
  }
}

type ZipSource = { name: string; store: boolean } & ({ path: string } | { bytes: Uint8Array });

const ZIP_CHUNK = 256 * 1024;

/** The zip's bytes, produced entry by entry and chunk by chunk (fflate's streaming Zip). */
async function* zipStream(entries: ZipSource[]): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  for (const e of entries) {
    const entry = e.store ? new ZipPassThrough(e.name) : new ZipDeflate(e.name, { level: 6 });
    zip.add(entry);
    if ('bytes' in e) entry.push(e.bytes, true);
    else {
      for await (const chunk of createReadStream(e.path, { highWaterMark: ZIP_CHUNK })) {
        entry.push(chunk as Uint8Array, false);
        if (failure) throw failure;
        yield* out.splice(0);
        // Compressing a chunk is synchronous work: let requests in between chunks.
        await yieldToEventLoop();
      }
      entry.push(new Uint8Array(0), true);
    }
    if (failure) throw failure;
    yield* out.splice(0);
  }
  zip.end();
  if (failure) throw failure;
  yield* out.splice(0);
}
