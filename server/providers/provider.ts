/**
 * The one interface every motion provider implements (local engine, SayMotion, Meshy).
 * The job runner owns persistence, events and the file cache; a provider only turns a validated
 * request into variant files and reports progress through the context it is handed.
 */
import type { Capability, Character, CreateJobRequest, FileFormat, JobKind, JobStatus, PromptReport, ProviderId } from '../contract/api.ts';
import type { StoredRequest } from '../contract/storedRequest.ts';

export interface ProgressUpdate {
  /** 0..100 */
  percent: number;
  /** Short human text: "variant 3/8: exporting GLB". */
  stage?: string;
  queuePosition?: number | null;
}

export interface ParentVariant {
  jobId: string;
  variant: number;
  /** The provider-side id of the parent job (SayMotion rid), when the parent came from that provider. */
  externalId: string | null;
  /** Reads a cached file of the parent variant (e.g. its motion data), or null when it has none. */
  readFile(format: FileFormat | 'motion'): Promise<Uint8Array | null>;
  /** The parent's stored request. */
  request: StoredRequest;
}

export interface JobContext {
  readonly jobId: string;
  /** The stored request: the create request with the defaults, seed and inherited options filled in. */
  readonly request: StoredRequest;
  /** The variant this edit starts from; null for text2motion. */
  readonly parent: ParentVariant | null;
  /** The provider-side id saved by an earlier run of this job (after a restart), else null. */
  readonly externalId: string | null;
  /** Aborted when the user cancels the job or the server shuts down. */
  readonly signal: AbortSignal;
  progress(update: ProgressUpdate): void;
  /** Persist the provider-side id as soon as it exists, so a restart resumes instead of resubmitting. */
  setExternalId(id: string): Promise<void>;
  setReport(report: PromptReport): void;
  /** Store one variant file in the local cache (atomically). `motion` is the engine's native motion data. */
  saveFile(variant: number, format: FileFormat | 'motion', bytes: Uint8Array): Promise<void>;
  setVariantDuration(variant: number, durationSec: number): void;
}

export { ProviderError } from '../contract/providerError.ts';

/** A stored job as create-time checks see it. */
export interface StoredJob {
  id: string;
  provider: ProviderId;
  kind: JobKind;
  status: JobStatus;
  /** null when the stored request no longer parses (a row from an older server). */
  request: StoredRequest | null;
  externalId: string | null;
  parentJobId: string | null;
  parentVariant: number | null;
  variants: ReadonlyArray<{ index: number; durationSec: number }>;
}

/** A job about to be stored: what the client asked for, what will be stored, and what it runs on. */
export interface JobDraft {
  /** The validated create request, as the client sent it. */
  readonly request: CreateJobRequest;
  /** The request to store: the common defaults and seed filled in (server/jobs). */
  readonly stored: StoredRequest;
  /** The variant the job starts from: an edit's parent (succeeded, with that variant), an animation's rig job. */
  readonly parent: { job: StoredJob; variant: number } | null;
}

/** What a provider may read while preparing a job: other jobs, e.g. the take a post-pass goes back to. */
export interface JobLookup {
  job(id: string): Promise<StoredJob | null>;
}

export interface Provider {
  readonly id: ProviderId;
  readonly name: string;
  /** False when its credentials are missing; the provider is then listed but cannot run jobs. */
  configured(): boolean;
  capabilities(): Capability[];
  /** Credit balance where the provider has one; null when unknown or not applicable. */
  credits(): Promise<number | null>;
  characters(): Promise<Character[]>;
  /**
   * Create-time rules of this provider: refuses what it cannot run (an HttpError naming the field, so nothing
   * is queued that must fail) and returns the draft to store, with what the provider adds (its seed, options
   * inherited from the parent, another parent). Without it the draft is stored as it is.
   */
  prepare?(draft: JobDraft, jobs: JobLookup): Promise<JobDraft>;
  /** Runs (or resumes, when ctx.externalId is set) one job to completion; throws ProviderError on failure. */
  run(ctx: JobContext): Promise<void>;
}
