/**
 * Resolves what a download request means for one variant: the file as made (provider or engine), or a conversion
 * of the variant's cached motion data. Conversions are written to the asset cache and recorded as file rows keyed
 * by their options, so the second request for the same file is a verified cache read, and a restart keeps them.
 * Concurrent requests for one conversion share a single computation.
 */
import { CONVERTIBLE_FORMATS } from '../contract/downloads.ts';
import type { ConvertibleFormat, DownloadAvailability, LoopWindow, VariantDownloadQuery } from '../contract/downloads.ts';
import { DOWNLOAD_FPS } from '../contract/downloads.ts';
import { FILE_FORMATS } from '../contract/api.ts';
import type { FileFormat } from '../contract/api.ts';
import { autoLoop, CANONICAL_SKELETON, decodeMotion, encodeMotion } from '../engine/index.ts';
import type { AutoLoopResult } from '../engine/index.ts';
import type { Motion } from '../engine/index.ts';
import { createHash } from 'node:crypto';
import { CacheIntegrityError, sha256 } from '../files/assetCache.ts';
import { HttpError } from '../http/errors.ts';
import type { FileRow, JobRow } from '../jobs/jobStore.ts';
import { slug } from '../files/slug.ts';
import { ConversionRefused } from './convertMotion.ts';
import type { DownloadServices } from './downloadServices.ts';
import { convertInWorker } from './convertInWorker.ts';
import { exportSpec, isPlain, specFileParts, specKey } from './exportOptions.ts';
import type { ExportSpec } from './exportOptions.ts';

/** A download on disk (a verified cache file): sendFile streams it, zips read it in chunks. */
export interface ResolvedFile {
  path: string;
  size: number;
  sha256: string;
  format: FileFormat;
  /** Suggested file name for Content-Disposition and zip entries. */
  filename: string;
}

const isConvertible = (f: FileFormat): f is ConvertibleFormat => (CONVERTIBLE_FORMATS as readonly string[]).includes(f);

/** The job's prompt, or its kind for jobs without one (rig, render…): used in file names. */
export function promptOf(job: JobRow): string {
  const p = (job.request as { prompt?: unknown }).prompt;
  return typeof p === 'string' && p.trim() ? p : job.kind;
}

function downloadFilename(job: JobRow, variant: number, format: FileFormat, spec: ExportSpec | null): string {
  const parts = [slug(promptOf(job)), job.id.slice(-6), `v${variant}`, ...(spec ? specFileParts(spec) : [])];
  return `${parts.join('_')}.${format}`;
}

const shared = new WeakMap<DownloadServices, VariantDownloads>();

export class VariantDownloads {
  /** One per server, so the downloads and files routes share in-flight conversions (two first downloads compute once). */
  static of(s: DownloadServices): VariantDownloads {
    let v = shared.get(s);
    if (!v) {
      v = new VariantDownloads(s);
      shared.set(s, v);
      v.warmUp();
    }
    return v;
  }

  /**
   * Runs one tiny FBX conversion soon after start, so the first download a user asks for does not also pay for
   * compiling the exporters (a cold first FBX took ~600 ms against ~80 ms warm).
   */
  private warmUp(): void {
    const timer = setTimeout(() => {
      const m = warmUpMotion();
      void convertInWorker(encodeMotion(m), exportSpec({ format: 'fbx' }, m.fps), { clipName: 'warm-up', character: null }).catch((err: unknown) => {
        this.s.log.warn('export warm-up failed', { error: (err as Error).message });
      });
    }, 50);
    timer.unref();
  }

  private readonly inflight = new Map<string, Promise<FileRow>>();

  constructor(private readonly s: DownloadServices) {}

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
          ? `Files of this variant are served as ${job.provider} made them; export options need motion data from the local engine.`
          : character
            ? 'This variant is on an uploaded character: GLB and FBX carry its mesh, skin and textures; it keeps its own skeleton, so no root bone is added.'
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
    const asked = firstOption(q);
    const native = await this.s.store.file(job.id, variant, q.format);
    if (native && asked === 'format') return this.readRow(native, downloadFilename(job, variant, q.format, null), q.format);

    const format = q.format;
    if (!isConvertible(format)) {
      if (!native) throw new HttpError(404, 'not_found', `Job ${job.id} has no ${q.format} file for variant ${variant}.`, 'format');
      throw new HttpError(422, 'conversion_unavailable', `Export options apply to ${CONVERTIBLE_FORMATS.join(', ')} only; download the ${q.format} as it is.`, asked);
    }
    const motionRow = await this.s.store.file(job.id, variant, 'motion');
    if (!motionRow) {
      if (!native) {
        throw new HttpError(
          422,
          'conversion_unavailable',
          `Variant ${variant} has no ${q.format} file, and ${job.provider} made it without motion data Kinema can convert. Download one of the formats it has.`,
          'format',
        );
      }
      throw new HttpError(
        422,
        'conversion_unavailable',
        `Variant ${variant} was made by ${job.provider} without motion data Kinema can convert, so ${asked} cannot be changed. Download the ${q.format} as it is.`,
        asked,
      );
    }
    const motionBytes = await this.readBytes(motionRow);
    const motion = this.decode(motionRow, motionBytes);
    const spec = exportSpec({ ...q, format }, motion.fps);
    const plain = isPlain(spec);
    const filename = downloadFilename(job, variant, format, plain ? null : spec);
    if (native && plain) return this.readRow(native, filename, format);

    // The plain file of a lazy format is stored under the format itself, so the job then lists it as made.
    const key = plain ? format : specKey(spec);
    const cached = plain ? null : await this.s.store.file(job.id, variant, key);
    if (cached) {
      const hit = await this.readRow(cached, filename, format).catch((err: unknown) => {
        // A damaged conversion is not the user's problem: compute it again below.
        if (err instanceof HttpError && err.code === 'file_unavailable') return null;
        throw err;
      });
      if (hit) return hit;
    }
    const flightKey = `${job.id}/${variant}/${key}`;
    let flight = this.inflight.get(flightKey);
    if (!flight) {
      flight = this.compute(job, variant, motionBytes, spec)
        .then((bytes) => this.persist(job, variant, spec, key, bytes))
        .finally(() => this.inflight.delete(flightKey));
      this.inflight.set(flightKey, flight);
    }
    return this.readRow(await flight, filename, format);
  }

  private async compute(job: JobRow, variant: number, motion: Uint8Array, spec: ExportSpec): Promise<Uint8Array> {
    const onCharacter = spec.format !== 'bvh' && (await this.usesUploadedCharacter(job));
    const characterRow = onCharacter ? await this.s.store.file(job.id, variant, 'glb') : null;
    const character = characterRow ? await this.s.cache.read(characterRow.relPath, characterRow.sha256) : null;
    try {
      // In a worker: a long clip's export must not stall every other request.
      return await convertInWorker(motion, spec, { clipName: `${slug(promptOf(job), 32)}_v${variant}`, character });
    } catch (err) {
      if (err instanceof ConversionRefused) throw new HttpError(422, 'conversion_unavailable', err.message, err.field);
      throw err;
    }
  }

  /**
   * Caches and records one conversion. The cache path carries the content hash, so instances sharing the cache
   * directory that compute the same file at once never overwrite each other's bytes under a row.
   */
  private async persist(job: JobRow, variant: number, spec: ExportSpec, key: string, bytes: Uint8Array): Promise<FileRow> {
    const hash = sha256(bytes);
    const stem = key.startsWith('conv:') ? createHash('sha1').update(key).digest('hex').slice(0, 16) : key;
    const relPath = `${job.id}/conv/v${variant}-${stem}-${hash.slice(0, 12)}.${spec.format}`;
    const written = await this.s.cache.write(relPath, bytes);
    const row: FileRow = { jobId: job.id, variant, format: key, relPath, ...written };
    await this.s.store.putFile(row);
    this.s.log.debug('download conversion cached', { jobId: job.id, variant, key, bytes: written.bytes });
    return row;
  }

  /** The take's best loop window (auto loop): what the loop dialog shows before the user submits. */
  async loopWindow(job: JobRow, variant: number): Promise<LoopWindow> {
    if (!(await this.variantIndexes(job)).includes(variant)) {
      throw new HttpError(404, 'not_found', `Job ${job.id} has no variant ${variant}.`, 'variant');
    }
    const row = await this.s.store.file(job.id, variant, 'motion');
    if (!row)
      throw new HttpError(
        422,
        'loop_window_unavailable',
        `Variant ${variant} was made by ${job.provider} without motion data Kinema can analyse; auto loop needs a local-engine or imported take.`,
        'variant',
      );
    const motion = await this.readMotion(row);
    let r: AutoLoopResult;
    try {
      r = autoLoop(motion);
    } catch (err) {
      throw new HttpError(422, 'loop_window_unavailable', `${(err as Error).message}: the take is too short to loop.`, 'variant');
    }
    return {
      jobId: job.id,
      variant,
      durationSec: (motion.frames - 1) / motion.fps,
      startSec: r.startSec,
      endSec: r.endSec,
      seamErrorDeg: r.seamErrorDeg,
      closedSeamErrorDeg: r.closedSeamErrorDeg,
    };
  }

  private async readMotion(row: FileRow): Promise<Motion> {
    return this.decode(row, await this.readBytes(row));
  }

  private decode(row: FileRow, bytes: Uint8Array): Motion {
    try {
      return decodeMotion(bytes);
    } catch (err) {
      throw new HttpError(
        503,
        'file_unavailable',
        `The motion data of job ${row.jobId} variant ${row.variant} cannot be read (${(err as Error).message}); rerun the job to regenerate it.`,
      );
    }
  }

  private async readRow(row: FileRow, filename: string, format: FileFormat): Promise<ResolvedFile> {
    return { ...(await this.cached(row, (c) => c.verifiedPath(row.relPath, row.sha256))), sha256: row.sha256, format, filename };
  }

  private async readBytes(row: FileRow): Promise<Uint8Array> {
    return this.cached(row, (c) => c.read(row.relPath, row.sha256));
  }

  /** A cache access with integrity failures turned into the 503 that says what to do. */
  private async cached<T>(row: FileRow, access: (cache: DownloadServices['cache']) => Promise<T>): Promise<T> {
    try {
      return await access(this.s.cache);
    } catch (err) {
      if (err instanceof CacheIntegrityError) {
        this.s.log.error('cache integrity failure', { jobId: row.jobId, file: row.relPath, reason: err.message });
        throw new HttpError(503, 'file_unavailable', `A cached file of job ${row.jobId} is ${err.state}; rerun the job to regenerate it.`);
      }
      throw err;
    }
  }

  /** Jobs on an uploaded character: their GLB is that character, which every skinned download must keep. */
  private async usesUploadedCharacter(job: JobRow): Promise<boolean> {
    const charOf = (r: JobRow | null) => {
      const id = (r?.request as { characterId?: unknown } | undefined)?.characterId;
      return typeof id === 'string' && id !== '' && id !== 'mannequin';
    };
    // Prompt jobs name their character; animate and edit jobs inherit their parent's (the local provider's rule).
    if (charOf(job)) return true;
    return job.parentJobId ? charOf(await this.s.store.row(job.parentJobId)) : false;
  }
}

/** The first option a request sets (the field a 422 names), or 'format' for a plain request. */
function firstOption(q: VariantDownloadQuery): string {
  if (q.fps !== undefined) return 'fps';
  if (q.inPlace) return 'inPlace';
  if (q.skin === false) return 'skin';
  if (q.rootMotion !== undefined) return 'rootMotion';
  if (q.lock?.length) return 'lock';
  if (q.mirror) return 'mirror';
  if (q.reduce) return 'reduce';
  if (q.preset !== undefined) return 'preset';
  if (q.trimStart !== undefined) return 'trimStart';
  if (q.trimEnd !== undefined) return 'trimEnd';
  return 'format';
}

/** Two frames of the rest pose: enough to run every exporter code path once. */
function warmUpMotion(): Motion {
  const jc = CANONICAL_SKELETON.parents.length;
  const rot = new Float32Array(2 * jc * 4);
  for (let i = 3; i < rot.length; i += 4) rot[i] = 1;
  const rootPos = new Float32Array([0, 0.97, 0, 0, 0.97, 0.01]);
  return { fps: 30, frames: 2, skeleton: CANONICAL_SKELETON, rootPos, rot, contacts: new Uint8Array(4) };
}
