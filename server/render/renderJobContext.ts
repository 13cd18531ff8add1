import type { FileFormat, JobKind, RenderRequest } from '../contract/api.ts';

/**
 * The part of a provider's job context the local renderer uses. Declared here because render sits below
 * providers (which hand it their JobContext, a superset of this).
 */
export interface RenderJobContext {
  readonly jobId: string;
  /** A render job's request; any other kind is refused (typed loosely so every stored request shape fits). */
  readonly request: RenderRequest | { readonly kind: Exclude<JobKind, 'render'> };
  /** The variant to render: its GLB is what the render page draws. */
  readonly parent: { readonly jobId: string; readonly variant: number; readFile(format: FileFormat | 'motion'): Promise<Uint8Array | null> } | null;
  /** Aborted when the user cancels the job or the server shuts down. */
  readonly signal: AbortSignal;
  progress(update: RenderProgress): void;
  saveFile(variant: number, format: FileFormat | 'motion', bytes: Uint8Array): Promise<void>;
  setVariantDuration(variant: number, durationSec: number): void;
}

export interface RenderProgress {
  /** 0..100 */
  percent: number;
  stage?: string;
}
