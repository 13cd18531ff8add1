/**
 * Resolves what a download request means for one variant: the file as made (provider or engine), or a conversion
 * of the variant's cached motion data. Conversions are written to the asset cache and recorded as file rows keyed
 * by their options, so the second request for the same file is a verified cache read, and a restart keeps them.
 * Concurrent requests for one conversion share a single computation.
 */
import { CONVERTIBLE_FORMATS } from '../contract/downloads.ts';
import type { ConvertibleFormat, DownloadAvailability, VariantDownloadQuery } from '../contract/downloads.ts';
import { DOWNLOAD_FPS } from '../contract/downloads.ts';
import { FILE_FORMATS } from '../contract/api.ts';
import type { FileFormat } from '../contract/api.ts';
import { decodeMotion } from '../engine/index.ts';
import type { Motion } from '../engine/index.ts';
import { CacheIntegrityError } from '../files/assetCache.ts';
import { HttpError } from '../http/errors.ts';
import type { FileRow, JobRow } from '../jobs/jobStore.ts';
import { slug } from '../routes/files.ts';
import type { Services } from '../services.ts';
import { ConversionRefused } from './convertMotion.ts';
import { convertInWorker } from './convertInWorker.ts';

/** A download on disk (a verified cache file): sendFile streams it, zips read it in chunks. */
export interface ResolvedFile {
  path: string;
  size: number;
  sha256: string;
  format: FileFormat;
  /** Suggested file name for Content-Disposition and zip entries. */
  filename: string;
}

/** The conversion options after defaults: what actually decides the output bytes. */
interface Normalised {
  format: FileFormat;
  /** undefined = the motion's own rate. */
  fps: number | undefined;
  inPlace: boolean;
  skin: boolean;
}

const isConvertible = (f: FileFormat): f is ConvertibleFormat => (CONVERTIBLE_FORMATS as readonly string[]).includes(f);

/** The job's prompt, or its kind for jobs without one (rig, render…): used in file names. */
export function promptOf(job: JobRow): string {
  const p = (job.request as { prompt?: unknown }).prompt;
  return typeof p === 'string' && p.trim() ? p : job.kind;
}

export function downloadFilename(job: JobRow, variant: number, o: Normalised): string {
  const parts = [slug(promptOf(job)), job.id.slice(-6), `v${variant}`];
  if (o.fps !== undefined) parts.push(`${o.fps}fps`);
  if (o.inPlace) parts.push('inplace');
  if (!o.skin && o.format !== 'bvh') parts.push('noskin');
  return `${parts.join('_')}.${o.format}`;
}

export class VariantDownloads {
  private readonly inflight = new Map<string, Promise<FileRow>>();

  constructor(private readonly s: Services) {}

  /** The job, checked to be finished: files of a running job may still change. */
  async finishedJob(id: string): Promise<JobRow> {
    const job = await this.s.store.row(id);
    if (!job) throw new HttpError(404, 'not_found', `No job ${id}.`, 'id');
    if (job.status !== 'succeeded') {
      throw new HttpError(409, 'job_not_finished', `Job ${id} is ${job.status}; downloads are available once it has succeeded.`);
    }
    return job;
  }

  async variantIndexes(job: JobRow): Promise<number[]> {
    const full = await this.s.store.get(job.id);
    return (full?.variants ?? []).map((v) => v.index);
  }

  async availability(job: JobRow): Promise<DownloadAvailability> {
    const character = await this.usesUploadedCharacter(job);
    const variants = await Promise.all(
      (await this.variantIndexes(job)).map(async (index) => {
        const rows = await Promise.all(FILE_FORMATS.map((f) => this.s.store.file(job.id, index, f)));
        const native = FILE_FORMATS.filter((_, i) => rows[i] !== null);
        const motionRow = await this.s.store.file(job.id, index, 'motion');
        const motion = motionRow ? await this.readMotion(motionRow).catch(() => null) : null;
        const convertible = motion ? [...CONVERTIBLE_FORMATS] : [];
        const note = !motion
          ? `Files of this variant are served as ${job.provider} made them; fps, in-place and skin options need motion data from the local engine.`
          : character
            ? 'FBX with skin is not available for an uploaded character; GLB keeps its skin, FBX comes without.'
            : null;
        return { index, native, fps: motion?.fps ?? null, convertible, note };
      }),
    );
    return { jobId: job.id, fps: [...DOWNLOAD_FPS], variants };
  }

  /** One variant's file with the requested options. Throws HttpError for anything the user can fix. */
  async file(job: JobRow, variant: number, q: VariantDownloadQuery): Promise<ResolvedFile> {
    if (!(await this.variantIndexes(job)).includes(variant)) {
      throw new HttpError(404, 'not_found', `Job ${job.id} has no variant ${variant}.`, 'variant');
    }
    const asked = q.fps !== undefined || q.inPlace === true || q.skin === false;
    const native = await this.s.store.file(job.id, variant, q.format);
    const plain: Normalised = { format: q.format, fps: undefined, inPlace: false, skin: true };
    if (native && !asked) return this.readRow(native, downloadFilename(job, variant, plain), q.format);

    const format = q.format;
    if (!isConvertible(format)) {
      if (!native) throw new HttpError(404, 'not_found', `Job ${job.id} has no ${q.format} file for variant ${variant}.`, 'format');
      throw new HttpError(422, 'conversion_unavailable', `fps, inPlace and skin apply to ${CONVERTIBLE_FORMATS.join(', ')} only; download the ${q.format} as it is.`, firstOption(q));
    }
    const motionRow = await this.s.store.file(job.id, variant, 'motion');
    if (!motionRow) {
      if (!native) {
        throw new HttpError(422, 'conversion_unavailable', `Variant ${variant} has no ${q.format} file, and ${job.provider} made it without motion data Kinema can convert. Download one of the formats it has.`, 'format');
      }
      throw new HttpError(422, 'conversion_unavailable', `Variant ${variant} was made by ${job.provider} without motion data Kinema can convert, so ${firstOption(q)} cannot be changed. Download the ${q.format} as it is.`, firstOption(q));
    }
    const motionBytes = await this.readBytes(motionRow);
    const motion = this.decode(motionRow, motionBytes);
    const o: Normalised & { format: ConvertibleFormat } = {
      format,
      // Asking for the rate the motion already has is the plain file: same cache entry, no resampling.
      fps: q.fps !== undefined && Math.abs(q.fps - motion.fps) > 1e-6 ? q.fps : undefined,
      inPlace: q.inPlace === true,
      skin: q.format === 'bvh' ? true : q.skin !== false,
    };
    const filename = downloadFilename(job, variant, o);
    if (native && o.fps === undefined && !o.inPlace && o.skin) return this.readRow(native, filename, q.format);

    const key = `conv:${o.format}:${o.fps ?? 'src'}:${o.inPlace ? 'inplace' : 'root'}:${o.skin ? 'skin' : 'noskin'}`;
    const cached = await this.s.store.file(job.id, variant, key);
    if (cached) {
      const hit = await this.readRow(cached, filename, q.format).catch((err: unknown) => {
        // A damaged conversion is not the user's problem: compute it again below.
        if (err instanceof HttpError && err.code === 'file_unavailable') return null;
        throw err;
      });
      if (hit) return hit;
    }
    const flightKey = `${job.id}/${variant}/${key}`;
    let flight = this.inflight.get(flightKey);
    if (!flight) {
      flight = this.convert(job, variant, motionBytes, o, key).finally(() => this.inflight.delete(flightKey));
      this.inflight.set(flightKey, flight);
    }
    const row = await flight;
    return this.readRow(row, filename, q.format);
  }

  private async convert(job: JobRow, variant: number, motion: Uint8Array, o: Normalised & { format: ConvertibleFormat }, key: string): Promise<FileRow> {
    const characterRow = o.skin && o.format !== 'bvh' && (await this.usesUploadedCharacter(job)) ? await this.s.store.file(job.id, variant, 'glb') : null;
    const character = characterRow ? await this.s.cache.read(characterRow.relPath, characterRow.sha256) : null;
    let bytes: Uint8Array;
    try {
      // In a worker: a long clip's export must not stall every other request.
      bytes = await convertInWorker(motion, {
        format: o.format,
        fps: o.fps,
        inPlace: o.inPlace,
        skin: o.skin,
        clipName: `${slug(promptOf(job), 32)}_v${variant}`,
        character,
      });
    } catch (err) {
      if (err instanceof ConversionRefused) throw new HttpError(422, 'conversion_unavailable', err.message, err.field);
      throw err;
    }
    const relPath = `${job.id}/conv/v${variant}-${key.slice(5).replace(/:/g, '-')}.${o.format}`;
    const written = await this.s.cache.write(relPath, bytes);
    const row: FileRow = { jobId: job.id, variant, format: key, relPath, ...written };
    await this.s.store.putFile(row);
    this.s.log.debug('download conversion cached', { jobId: job.id, variant, key, bytes: written.bytes });
    return row;
  }

  private async readMotion(row: FileRow): Promise<Motion> {
    return this.decode(row, await this.readBytes(row));
  }

  private decode(row: FileRow, bytes: Uint8Array): Motion {
    try {
      return decodeMotion(bytes);
    } catch (err) {
      throw new HttpError(503, 'file_unavailable', `The motion data of job ${row.jobId} variant ${row.variant} cannot be read (${(err as Error).message}); rerun the job to regenerate it.`);
    }
  }

  private async readRow(row: FileRow, filename: string, format: FileFormat): Promise<ResolvedFile> {
    return { ...(await this.cached(row, (c) => c.verifiedPath(row.relPath, row.sha256))), sha256: row.sha256, format, filename };
  }

  private async readBytes(row: FileRow): Promise<Uint8Array> {
    return this.cached(row, (c) => c.read(row.relPath, row.sha256));
  }

  /** A cache access with integrity failures turned into the 503 that says what to do. */
  private async cached<T>(row: FileRow, access: (cache: Services['cache']) => Promise<T>): Promise<T> {
    try {
      return await access(this.s.cache);
    } catch (err) {
      if (err instanceof CacheIntegrityError) {
        this.s.log.error('cache integrity failure', { jobId: row.jobId, file: row.relPath, reason: err.message });
        throw new HttpError(503, 'file_unavailable', `A cached file of job ${row.jobId} is ${err.message.split(' is ')[1]}; rerun the job to regenerate it.`);
      }
      throw err;
    }
  }

  /** Rig/animate jobs on an uploaded character: their GLB is that character, which "with skin" must keep. */
  private async usesUploadedCharacter(job: JobRow): Promise<boolean> {
    const charOf = (r: JobRow | null) => {
      const id = (r?.request as { characterId?: unknown } | undefined)?.characterId;
      return typeof id === 'string' && id !== '' && id !== 'mannequin';
    };
    if (job.kind === 'rig') return charOf(job);
    if (job.kind === 'animate' && job.parentJobId) return charOf(await this.s.store.row(job.parentJobId));
    return false;
  }
}

function firstOption(q: { fps?: number | undefined; inPlace?: boolean | undefined; skin?: boolean | undefined }): string {
  if (q.fps !== undefined) return 'fps';
  if (q.inPlace) return 'inPlace';
  if (q.skin === false) return 'skin';
  return 'format';
}
