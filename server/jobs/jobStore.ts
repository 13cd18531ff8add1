/**
 * Persistence of jobs, their files and their event log. Every change to a job goes through
 * `update`, which writes the row, appends the new Job snapshot to the event log and publishes it,
 * so the SSE streams and the database can never disagree.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { FileFormat, Job, JobKind, JobStatus, ProviderId, PromptReport } from '../contract/api.ts';
import { FILE_FORMATS } from '../contract/api.ts';
import type { ImportRequest } from '../contract/importClip.ts';
import { StoredRequest } from '../contract/storedRequest.ts';
import { LAZY_FORMATS } from '../contract/downloads.ts';
import { fileUrl } from '../contract/fileUrl.ts';
import type { Db, Dialect } from '../db/database.ts';
import { sql, type Selectable, type Updateable } from 'kysely';
import type { JobsTable } from '../db/schema.ts';
import type { EventBus, JobDeletedEvent, JobEvent } from './eventBus.ts';
import type { JobListFilter, UpdateJobRequest } from '../contract/jobLibrary.ts';
import { NO_COLLECTION } from '../contract/jobLibrary.ts';
import { searchTextOf } from '../db/searchText.ts';
import { CollectionStore } from './collectionStore.ts';

export const JOB_ID_PATTERN = /^job_[a-z0-9]{8,40}$/;

export interface StoredVariant {
  index: number;
  durationSec: number;
}

export interface JobRow {
  id: string;
  provider: ProviderId;
  kind: JobKind;
  status: JobStatus;
  /** The stored request, parsed; null when the row's request no longer parses (see readStoredRequest). */
  request: StoredRequest | null;
  parentJobId: string | null;
  parentVariant: number | null;
  externalId: string | null;
}

/** Restricts a claim or a queue to some job kinds (renders run in a lane of their own). */
export interface KindFilter {
  only?: readonly string[];
  except?: readonly string[];
}

export interface JobPatch {
  status?: JobStatus;
  progress?: number;
  stage?: string | null;
  queuePosition?: number | null;
  report?: PromptReport | null;
  error?: { code: string; message: string } | null;
  variants?: StoredVariant[];
  externalId?: string | null;
}

export interface FileRow {
  jobId: string;
  variant: number;
  format: string;
  relPath: string;
  bytes: number;
  sha256: string;
}

/** Time-sortable, unguessable job id: 9 base36 chars of milliseconds + 12 random. */
export function newJobId(now = Date.now()): string {
  const rand = crypto.randomBytes(8).readBigUInt64BE().toString(36).padStart(12, '0').slice(-12);
  return `job_${now.toString(36).padStart(9, '0')}${rand}`;
}

const PUBLIC_FORMATS = new Set<string>(FILE_FORMATS);

export class JobStore {
  readonly collections: CollectionStore;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    readonly dialect: Dialect = 'sqlite',
  ) {
    this.collections = new CollectionStore(db);
  }

  async create(input: {
    provider: ProviderId;
    request: StoredRequest;
    parentJobId: string | null;
    parentVariant: number | null;
    idempotencyKey: string | null;
    /** sha256 of the request body the key came with; a retry must send the same body. */
    idempotencyBody?: string | null;
  }): Promise<Job> {
    const now = new Date().toISOString();
    const id = newJobId();
    await this.db
      .insertInto('jobs')
      .values({
        id,
        provider: input.provider,
        kind: input.request.kind,
        status: 'queued',
        progress: 0,
        stage: 'queued',
        queue_position: null,
        parent_job_id: input.parentJobId,
        parent_variant: input.parentVariant,
        request: JSON.stringify(input.request),
        report: null,
        error: null,
        variants: '[]',
        external_id: null,
        idempotency_key: input.idempotencyKey,
        idempotency_body: input.idempotencyBody ?? null,
        title: null,
        collection_id: null,
        character_id: 'characterId' in input.request && typeof input.request.characterId === 'string' ? input.request.characterId : null,
        search_text: searchTextOf(null, input.request),
        created_at: now,
        updated_at: now,
      })
      .execute();
    return this.recordEvent(id);
  }

  /**
   * Stores a job that is finished when it is created (an imported clip): the row, its files (already written
   * to the cache under `id/`) and its one event, in that order, so nobody ever sees it without its files.
   * Never queued, so no runner claims it.
   */
  async createFinished(input: { id: string; provider: ProviderId; request: ImportRequest; variants: StoredVariant[]; files: FileRow[] }): Promise<Job> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('jobs')
        .values({
          id: input.id,
          provider: input.provider,
          kind: input.request.kind,
          status: 'succeeded',
          progress: 100,
          stage: 'done',
          queue_position: null,
          parent_job_id: null,
          parent_variant: null,
          request: JSON.stringify(input.request),
          report: null,
          error: null,
          variants: JSON.stringify(input.variants),
          external_id: null,
          idempotency_key: null,
          title: null,
          collection_id: null,
          character_id: null,
          search_text: searchTextOf(null, input.request),
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (input.files.length) {
        await tx
          .insertInto('files')
          .values(input.files.map((f) => ({ job_id: f.jobId, variant: f.variant, format: f.format, rel_path: f.relPath, bytes: f.bytes, sha256: f.sha256 })))
          .execute();
      }
    });
    return this.recordEvent(input.id);
  }

  async findByIdempotencyKey(key: string): Promise<{ job: Job; bodyHash: string | null } | null> {
    const row = await this.db.selectFrom('jobs').select(['id', 'idempotency_body']).where('idempotency_key', '=', key).executeTakeFirst();
    const job = row ? await this.get(row.id) : null;
    return job ? { job, bodyHash: row!.idempotency_body } : null;
  }

  async row(id: string): Promise<JobRow | null> {
    const r = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      provider: r.provider as ProviderId,
      kind: r.kind as JobKind,
      status: r.status as JobStatus,
      request: readStoredRequest(r.request),
      parentJobId: r.parent_job_id,
      parentVariant: r.parent_variant,
      externalId: r.external_id,
    };
  }

  async get(id: string): Promise<Job | null> {
    const r = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    const files = await this.db.selectFrom('files').selectAll().where('job_id', '=', id).execute();
    const position = r.status === 'queued' && r.lease_owner === null ? await this.waitingAhead(r) : r.queue_position;
    return toJob(r, files.map(toFileRow), position);
  }

  /**
   * Queue positions are computed when a job is read, never stored per job: storing them meant
   * rewriting (and publishing) every waiting job each time the head moved, n² events for n jobs.
   * Position 1 is next; render jobs queue in a lane of their own (see JobRunner).
   */
  private async waitingAhead(r: { seq: number; provider: string; kind: string }): Promise<number> {
    const render = r.kind === 'render';
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'queued')
      .where('provider', '=', r.provider)
      .where('lease_owner', 'is', null)
      .where('seq', '<', r.seq)
      .where('kind', render ? '=' : '!=', 'render')
      .executeTakeFirst();
    return Number(row?.n ?? 0) + 1;
  }

  /** Positions of every waiting job, by id, from one ordered scan (for list pages). */
  private async waitingPositions(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['id', 'provider', 'kind'])
      .where('status', '=', 'queued')
      .where('lease_owner', 'is', null)
      .orderBy('seq', 'asc')
      .execute();
    const counters = new Map<string, number>();
    const out = new Map<string, number>();
    for (const r of rows) {
      const lane = `${r.provider}:${r.kind === 'render' ? 'render' : 'motion'}`;
      const n = (counters.get(lane) ?? 0) + 1;
      counters.set(lane, n);
      out.set(r.id, n);
    }
    return out;
  }

  async list(limit: number, cursor: number | null, filter: JobListFilter = {}): Promise<{ items: Job[]; nextCursor: string | null }> {
    let q = this.db
      .selectFrom('jobs')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(limit + 1);
    if (cursor !== null) q = q.where('seq', '<', cursor);
    if (filter.q) q = q.where(sql<boolean>`search_text like ${`%${escapeLike(filter.q.toLowerCase())}%`} escape '\\'`);
    if (filter.provider) q = q.where('provider', '=', filter.provider);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.starred) q = q.where('starred', '=', filter.starred === 'true' ? 1 : 0);
    if (filter.character) {
      const id = filter.character;
      // Jobs made before a character was chosen ran on the mannequin.
      q = id === 'mannequin' ? q.where((eb) => eb.or([eb('character_id', '=', id), eb('character_id', 'is', null)])) : q.where('character_id', '=', id);
    }
    if (filter.parent) q = q.where('parent_job_id', '=', filter.parent);
    if (filter.collection) q = filter.collection === NO_COLLECTION ? q.where('collection_id', 'is', null) : q.where('collection_id', '=', filter.collection);
    const rows = await q.execute();
    const page = rows.slice(0, limit);
    const ids = page.map((r) => r.id);
    const files = ids.length ? await this.db.selectFrom('files').selectAll().where('job_id', 'in', ids).execute() : [];
    const byJob = new Map<string, FileRow[]>();
    for (const f of files) byJob.set(f.job_id, [...(byJob.get(f.job_id) ?? []), toFileRow(f)]);
    const positions = page.some((r) => r.status === 'queued') ? await this.waitingPositions() : new Map<string, number>();
    return {
      items: page.map((r) => toJob(r, byJob.get(r.id) ?? [], r.status === 'queued' ? (positions.get(r.id) ?? r.queue_position) : r.queue_position)),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
    };
  }

  /** Sets a job's label, star or collection; recorded as an event so every open studio sees it. */
  async setMeta(id: string, patch: UpdateJobRequest): Promise<Job> {
    const set: Updateable<JobsTable> = { updated_at: new Date().toISOString() };
    if (patch.starred !== undefined) set.starred = patch.starred ? 1 : 0;
    if (patch.collectionId !== undefined) set.collection_id = patch.collectionId;
    if (patch.title !== undefined) {
      const r = await this.db.selectFrom('jobs').select('request').where('id', '=', id).executeTakeFirstOrThrow();
      set.title = patch.title;
      set.search_text = searchTextOf(patch.title, RequestJson.parse(JSON.parse(r.request)));
    }
    await this.db.updateTable('jobs').set(set).where('id', '=', id).execute();
    return this.recordEvent(id);
  }

  /** Every job made from this one, directly or through other edits (children before grandchildren). */
  async descendants(id: string): Promise<string[]> {
    const out: string[] = [];
    let frontier = [id];
    while (frontier.length) {
      const rows = await this.db.selectFrom('jobs').select('id').where('parent_job_id', 'in', frontier).execute();
      frontier = rows.map((r) => r.id).filter((c) => !out.includes(c) && c !== id);
      out.push(...frontier);
    }
    return out;
  }

  /**
   * Removes jobs with their file rows and event log, leaving one `deleted` event per job in the log (published
   * once committed) so open streams and Last-Event-ID replays drop it. The caller removes the cached files.
   */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const now = new Date().toISOString();
    const tombstones = await this.db.transaction().execute(async (tx) => {
      await tx
        .deleteFrom('files')
        .where('job_id', 'in', [...ids])
        .execute();
      await tx
        .deleteFrom('events')
        .where('job_id', 'in', [...ids])
        .execute();
      await tx
        .updateTable('jobs')
        .set({ parent_job_id: null, parent_variant: null })
        .where('parent_job_id', 'in', [...ids])
        .where('id', 'not in', [...ids])
        .execute();
      await tx
        .deleteFrom('jobs')
        .where('id', 'in', [...ids])
        .execute();
      const out: JobDeletedEvent[] = [];
      for (const id of ids) {
        const deleted = { id };
        const row = await tx
          .insertInto('events')
          .values({ job_id: id, data: JSON.stringify({ deleted }), created_at: now })
          .returning('seq')
          .executeTakeFirstOrThrow();
        out.push({ seq: row.seq, deleted });
      }
      return out;
    });
    for (const e of tombstones) this.bus.publish(e);
  }

  /** Jobs that were queued or running: after a restart these are resumed. Oldest first. */
  async unfinished(): Promise<JobRow[]> {
    const rows = await this.db.selectFrom('jobs').select('id').where('status', 'in', ['queued', 'running']).orderBy('seq', 'asc').execute();
    const out: JobRow[] = [];
    for (const r of rows) {
      const row = await this.row(r.id);
      if (row) out.push(row);
    }
    return out;
  }

  /**
   * Takes ownership of the oldest unfinished job of these providers that nobody holds a live lease on.
   * On Postgres, SKIP LOCKED lets several instances claim concurrently without waiting on each other;
   * SQLite has a single writer, so the UPDATE is atomic as it stands.
   */
  async claim(owner: string, providers: readonly ProviderId[], ttlMs: number, kinds: KindFilter = {}, now = Date.now()): Promise<JobRow | null> {
    if (providers.length === 0) return null;
    let pick = this.db
      .selectFrom('jobs')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .where('provider', 'in', [...providers])
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
      .orderBy('seq', 'asc')
      .limit(1);
    if (kinds.only) pick = pick.where('kind', 'in', [...kinds.only]);
    if (kinds.except) pick = pick.where('kind', 'not in', [...kinds.except]);
    if (this.dialect === 'postgres') pick = pick.forUpdate().skipLocked();
    const claimed = await this.db
      .updateTable('jobs')
      .set({ lease_owner: owner, lease_expires_at: now + ttlMs })
      .where('id', '=', (eb) => eb.selectFrom(pick.as('p')).select('p.id'))
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
      .returning('id')
      .executeTakeFirst();
    return claimed ? this.row(claimed.id) : null;
  }

  /** Extends a lease; false when the job was canceled, finished, or taken over by another instance. */
  async renewLease(id: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({ lease_expires_at: now + ttlMs })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    await this.db.updateTable('jobs').set({ lease_owner: null, lease_expires_at: null }).where('id', '=', id).where('lease_owner', '=', owner).execute();
  }

  /** For a single embedded instance after a restart: every lease belonged to a process that is gone. */
  async releaseAllLeases(): Promise<void> {
    await this.db.updateTable('jobs').set({ lease_owner: null, lease_expires_at: null }).where('lease_owner', 'is not', null).execute();
  }

  /** The oldest unclaimed queued jobs of a provider (at most `limit`), with their stored queue-position marker. */
  async waiting(provider: ProviderId, kinds: KindFilter = {}, limit = 1): Promise<Array<{ id: string; queuePosition: number | null }>> {
    let q = this.db
      .selectFrom('jobs')
      .select(['id', 'queue_position'])
      .where('status', '=', 'queued')
      .where('provider', '=', provider)
      .where('lease_owner', 'is', null)
      .orderBy('seq', 'asc')
      .limit(limit);
    if (kinds.only) q = q.where('kind', 'in', [...kinds.only]);
    if (kinds.except) q = q.where('kind', 'not in', [...kinds.except]);
    const rows = await q.execute();
    return rows.map((r) => ({ id: r.id, queuePosition: r.queue_position }));
  }

  /**
   * Applies a change, records it in the event log and publishes it. With `onlyIfActive`, the change
   * applies only while the job is queued or running, so a late write from a worker can never
   * overwrite a cancel (or a finish) decided elsewhere; it then returns null and records nothing.
   */
  async update(id: string, patch: JobPatch): Promise<Job>;
  async update(id: string, patch: JobPatch, opts: { onlyIfActive: true }): Promise<Job | null>;
  async update(id: string, patch: JobPatch, opts?: { onlyIfActive: true }): Promise<Job | null> {
    const set: Updateable<JobsTable> = { updated_at: new Date().toISOString() };
    if (patch.status !== undefined) set.status = patch.status;
    if (patch.progress !== undefined) set.progress = Math.max(0, Math.min(100, patch.progress));
    if (patch.stage !== undefined) set.stage = patch.stage;
    if (patch.queuePosition !== undefined) set.queue_position = patch.queuePosition;
    if (patch.report !== undefined) set.report = patch.report === null ? null : JSON.stringify(patch.report);
    if (patch.error !== undefined) set.error = patch.error === null ? null : JSON.stringify(patch.error);
    if (patch.variants !== undefined) set.variants = JSON.stringify(patch.variants);
    if (patch.externalId !== undefined) set.external_id = patch.externalId;
    let q = this.db.updateTable('jobs').set(set).where('id', '=', id);
    if (opts?.onlyIfActive) q = q.where('status', 'in', ['queued', 'running']);
    const r = await q.executeTakeFirst();
    if (opts?.onlyIfActive && Number(r.numUpdatedRows) === 0) return null;
    return this.recordEvent(id);
  }

  async putFile(file: FileRow): Promise<void> {
    await this.db
      .insertInto('files')
      .values({ job_id: file.jobId, variant: file.variant, format: file.format, rel_path: file.relPath, bytes: file.bytes, sha256: file.sha256 })
      .onConflict((oc) => oc.columns(['job_id', 'variant', 'format']).doUpdateSet({ rel_path: file.relPath, bytes: file.bytes, sha256: file.sha256 }))
      .execute();
  }

  async file(jobId: string, variant: number, format: string): Promise<FileRow | null> {
    const r = await this.db.selectFrom('files').selectAll().where('job_id', '=', jobId).where('variant', '=', variant).where('format', '=', format).executeTakeFirst();
    return r ? toFileRow(r) : null;
  }

  async clearFiles(jobId: string): Promise<void> {
    await this.db.deleteFrom('files').where('job_id', '=', jobId).execute();
  }

  /** Persisted events after `afterSeq`, optionally of one job, oldest first. */
  async eventsAfter(afterSeq: number, jobId?: string, limit = 1000): Promise<JobEvent[]> {
    let q = this.db.selectFrom('events').select(['seq', 'data']).where('seq', '>', afterSeq).orderBy('seq', 'asc').limit(limit);
    if (jobId) q = q.where('job_id', '=', jobId);
    const rows = await q.execute();
    return rows.map(toEvent);
  }

  async latestEvent(jobId: string): Promise<JobEvent | null> {
    const r = await this.db.selectFrom('events').select(['seq', 'data']).where('job_id', '=', jobId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return r ? toEvent(r) : null;
  }

  async latestEventSeq(jobId?: string): Promise<number> {
    let q = this.db.selectFrom('events').select((eb) => eb.fn.max('seq').as('max'));
    if (jobId) q = q.where('job_id', '=', jobId);
    const r = await q.executeTakeFirst();
    return Number(r?.max ?? 0);
  }

  /**
   * Compacts the event log: events older than `keepMs` are deleted except each job's latest one.
   * Every event is a full job snapshot, so a client replaying from an old Last-Event-ID still ends
   * with every job's current state; it only misses intermediate snapshots older than the window.
   */
  async compactEvents(keepMs: number, now = Date.now()): Promise<number> {
    const cutoff = new Date(now - keepMs).toISOString();
    const r = await this.db
      .deleteFrom('events')
      .where('created_at', '<', cutoff)
      .where('seq', 'not in', (eb) =>
        eb
          .selectFrom('events as latest')
          .select((e) => e.fn.max('latest.seq').as('m'))
          .groupBy('latest.job_id'),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  private async recordEvent(id: string): Promise<Job> {
    const job = (await this.get(id))!;
    const inserted = await this.db
      .insertInto('events')
      .values({ job_id: id, data: JSON.stringify(job), created_at: job.updatedAt })
      .returning('seq')
      .executeTakeFirstOrThrow();
    this.bus.publish({ seq: inserted.seq, job });
    return job;
  }
}

/** The stored request as JSON: what the API shows, byte for byte as it was stored (key order included). */
const RequestJson = z.record(z.string(), z.unknown());

/**
 * The typed read of a stored request. A row the schema no longer accepts (written by an older server with
 * a field of another type) reads as null rather than failing the read: it still lists and downloads (the API
 * shows its stored JSON), the runner fails it with a clear error instead of running a guessed request,
 * and edits of it are refused.
 */
function readStoredRequest(json: string): StoredRequest | null {
  const parsed = StoredRequest.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** A logged event: a Job snapshot, or `{ deleted: { id } }` for a deleted job (a Job never has `deleted`). */
function toEvent(r: { seq: number; data: string }): JobEvent {
  const data = JSON.parse(r.data) as Job | { deleted: { id: string } };
  return 'deleted' in data ? { seq: r.seq, deleted: data.deleted } : { seq: r.seq, job: data };
}

/** LIKE treats % and _ as wildcards; a search for "50%" must find the text "50%". */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toFileRow(f: { job_id: string; variant: number; format: string; rel_path: string; bytes: number; sha256: string }): FileRow {
  return { jobId: f.job_id, variant: f.variant, format: f.format, relPath: f.rel_path, bytes: f.bytes, sha256: f.sha256 };
}

/**
 * A variant's public files, sorted by format. A variant with the local engine's motion data also lists the
 * formats made on first download (LAZY_FORMATS) that are not made yet, with bytes null.
 */
function variantFiles(jobId: string, index: number, rows: FileRow[]): Job['variants'][number]['files'] {
  const made = rows.filter((f) => PUBLIC_FORMATS.has(f.format)).map((f) => ({ format: f.format as FileFormat, bytes: f.bytes as number | null }));
  if (rows.some((f) => f.format === 'motion')) {
    for (const format of LAZY_FORMATS) if (!made.some((f) => f.format === format)) made.push({ format, bytes: null });
  }
  return made
    .sort((a, b) => FILE_FORMATS.indexOf(a.format) - FILE_FORMATS.indexOf(b.format))
    .map((f) => ({ format: f.format, url: fileUrl(jobId, index, f.format), bytes: f.bytes }));
}

function toJob(r: Selectable<JobsTable>, files: FileRow[], queuePosition: number | null): Job {
  const variants = JSON.parse(r.variants) as StoredVariant[];
  return {
    id: r.id,
    provider: r.provider as ProviderId,
    kind: r.kind as Job['kind'],
    status: r.status as JobStatus,
    progress: Math.round(r.progress * 10) / 10,
    stage: r.stage,
    queuePosition,
    parentJobId: r.parent_job_id,
    parentVariant: r.parent_variant,
    request: RequestJson.parse(JSON.parse(r.request)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    error: r.error ? (JSON.parse(r.error) as { code: string; message: string }) : null,
    report: r.report ? (JSON.parse(r.report) as PromptReport) : null,
    title: r.title,
    starred: r.starred === 1,
    collectionId: r.collection_id,
    variants: variants.map((v) => ({
      index: v.index,
      durationSec: v.durationSec,
      files: variantFiles(
        r.id,
        v.index,
        files.filter((f) => f.variant === v.index),
      ),
    })),
  };
}
