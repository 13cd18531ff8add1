/**
 * The one interface every motion provider implements (local engine, SayMotion, Meshy).
 * The job runner owns persistence, events and the file cache; a provider only turns a validated
 * request into variant files and reports progress through the context it is handed.
 */
import type { Capability, Character, CreateJobRequest, FileFormat, PromptReport, ProviderId } from '../contract/api.ts';

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
  /** The parent's validated request. */
  request: CreateJobRequest;
}

export interface JobContext {
  readonly jobId: string;
  readonly request: CreateJobRequest;
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

export interface Provider {
  readonly id: ProviderId;
  readonly name: string;
  /** False when its credentials are missing; the provider is then listed but cannot run jobs. */
  configured(): boolean;
  capabilities(): Capability[];
  /** Credit balance where the provider has one; null when unknown or not applicable. */
  credits(): Promise<number | null>;
  characters(): Promise<Character[]>;
  /** Runs (or resumes, when ctx.externalId is set) one job to completion; throws ProviderError on failure. */
  run(ctx: JobContext): Promise<void>;
}
